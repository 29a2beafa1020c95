/** A failed conformance check: which expectation, what we got. */
export class ConformanceFailure extends Error {
  override readonly name = "ConformanceFailure";
}

function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return `${v}n`;
    if (v instanceof Uint8Array) return `bytes:${Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    // Key order is not part of the contract: compare objects with sorted keys.
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function same(a: unknown, b: unknown): boolean {
  return show(a) === show(b);
}

/** Tiny assertions with no test-runner dependency, so the suite runs in Node and in a browser page alike. */
export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (!same(actual, expected)) throw new ConformanceFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

export async function expectRejects(promise: Promise<unknown>, code: string, what: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    const actual = (error as { code?: unknown }).code;
    if (actual === code) return;
    throw new ConformanceFailure(
      `${what}: expected a rejection with code ${code}, got ${String(actual)} (${String(error)})`,
    );
  }
  throw new ConformanceFailure(`${what}: expected a rejection with code ${code}, but it resolved`);
}

export function bytes(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}
