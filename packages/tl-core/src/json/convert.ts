// JSON view of TL values for logs, debugging and the `tl` CLI. JSON has no bigint or bytes, so
// those are wrapped: `{"$long":"-5"}`, `{"$bytes":"base64"}`; doubles JSON cannot hold are
// `{"$double":"NaN" | "Infinity" | "-Infinity" | "-0"}`. `undefined` fields are dropped.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Converts a TL value (object, array, bigint, Uint8Array, ...) to plain JSON data. */
export function toJson(value: unknown): JsonValue {
  switch (typeof value) {
    case "bigint":
      return { $long: value.toString() };
    case "number":
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      return { $double: Object.is(value, -0) ? "-0" : String(value) };
    case "string":
    case "boolean":
      return value;
    case "object": {
      if (value === null) return null;
      if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
      if (Array.isArray(value)) return value.map(toJson);
      const out: Record<string, JsonValue> = {};
      for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = toJson(field);
      return out;
    }
    default:
      throw new TypeError(`cannot convert ${typeof value} to TL JSON`);
  }
}

/** Inverse of `toJson`. */
export function fromJson(value: JsonValue): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(fromJson);
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const only = value[keys[0]!];
    if (typeof only === "string") {
      if (keys[0] === "$long") return BigInt(only);
      if (keys[0] === "$bytes") return fromBase64(only);
      if (keys[0] === "$double") return only === "-0" ? -0 : Number(only);
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = fromJson(value[key]!);
  return out;
}

/** `JSON.stringify(toJson(value), null, indent)`. */
export function stringifyTl(value: unknown, indent?: number): string {
  return JSON.stringify(toJson(value), null, indent);
}

/** `fromJson(JSON.parse(text))`. */
export function parseTl(text: string): unknown {
  return fromJson(JSON.parse(text) as JsonValue);
}
