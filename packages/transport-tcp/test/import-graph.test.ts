import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

/** Every module reachable from `entry` through static imports, with its bare (non-relative) imports. */
function importGraph(entry: string): { files: Set<string>; bare: Set<string> } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/g)) {
      const spec = match[1] ?? match[2]!;
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
      else bare.add(spec);
    }
  };
  visit(resolve(srcDir, entry));
  return { files, bare };
}

describe("browser-safe subpaths", () => {
  it.each(["codec/index.ts", "transport/index.ts"])(
    "%s imports no node: module and nothing but mtproto-crypto",
    (entry) => {
      const { files, bare } = importGraph(entry);
      expect(files.size).toBeGreaterThan(3);
      expect(
        [...bare].filter((spec) => spec !== "@mtkit/mtproto-crypto" && spec !== "@mtkit/mtproto-crypto/bytes"),
      ).toEqual([]);
    },
  );

  it("the main entry is the one that adds node:net", () => {
    const { bare } = importGraph("index.ts");
    expect(bare.has("node:net")).toBe(true);
  });
});
