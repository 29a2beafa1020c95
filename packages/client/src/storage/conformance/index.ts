// `@mtkit/client/storage-conformance`: the behaviour every ClientStorage must have, as plain async
// checks with no test-runner dependency. We run it against memory, SQLite (Node) and IndexedDB
// (Chromium); run it against your own storage the same way.
import type { ClientStorage } from "../types.js";
import { storageConformanceCases } from "./cases.js";

export { storageConformanceCases, type StorageConformanceCase } from "./cases.js";
export { ConformanceFailure } from "./expect.js";

export interface ConformanceResult {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
}

/** Runs every case on a fresh storage from `open`, closing it afterwards. Never throws. */
export async function runStorageConformance(open: () => Promise<ClientStorage>): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = [];
  for (const testCase of storageConformanceCases) {
    const storage = await open();
    try {
      await testCase.run(storage);
      results.push({ name: testCase.name, ok: true });
    } catch (error) {
      results.push({ name: testCase.name, ok: false, error: String(error) });
    } finally {
      await storage.close();
    }
  }
  return results;
}
