/**
 * JSON for world rows, with the two types JSON lacks: bigint ({"$n":"123"}) and Uint8Array
 * ({"$b":"base64"}). Rows are plain data (TL payloads included), so this is all they need.
 */
export function encodeRow(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "bigint") return { $n: item.toString() };
    if (item instanceof Uint8Array) return { $b: Buffer.from(item).toString("base64") };
    return item;
  });
}

export function decodeRow(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (typeof item !== "object" || item === null) return item;
    const tagged = item as { $n?: unknown; $b?: unknown };
    if (typeof tagged.$n === "string" && Object.keys(item).length === 1) return BigInt(tagged.$n);
    if (typeof tagged.$b === "string" && Object.keys(item).length === 1)
      return new Uint8Array(Buffer.from(tagged.$b, "base64"));
    return item;
  });
}
