import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { MemoryStorage, type ClientStorage } from "../src/index.js";
import { SqliteStorage } from "../src/storage/sqlite/index.js";
import { storageConformanceCases } from "../src/storage/conformance/index.js";

const dir = mkdtempSync(join(tmpdir(), "mtkit-conformance-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const implementations: [string, () => ClientStorage][] = [
  ["MemoryStorage", () => new MemoryStorage()],
  ["SqliteStorage (file)", () => new SqliteStorage(join(dir, `s${++files}.session`))],
  ["SqliteStorage (:memory:)", () => new SqliteStorage(":memory:")],
];

describe.each(implementations)("%s", (_name, open) => {
  it.each(storageConformanceCases.map((c) => [c.name, c] as const))("%s", async (_caseName, testCase) => {
    const storage = open();
    try {
      await testCase.run(storage);
    } finally {
      await storage.close();
    }
  });
});
