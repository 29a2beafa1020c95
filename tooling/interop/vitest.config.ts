import { defineConfig } from "vitest/config";

// One test-server child process per file; the files run one at a time so the peers do not fight
// over the two cores CI shares with the other packages' tests.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
