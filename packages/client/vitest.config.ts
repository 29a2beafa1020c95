import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    // Launching Chromium and spawning Node children is slow on a loaded 2-core machine.
    hookTimeout: 30_000,
  },
});
