/** Runs one demo step, printing its name, how long it took and a one-line summary of its result. */
export async function step<T>(name: string, run: () => Promise<T> | T, describe: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await run();
  const ms = (performance.now() - started).toFixed(1).padStart(7);
  console.log(`  ${ms} ms  ${name.padEnd(54)} ${describe(value)}`);
  return value;
}
