// Loads a vector file by name, e.g. loadVectors("aes-ige"). Node-only (tests run in Node).
import { readFileSync } from "node:fs";

const dataDir = new URL("./data/", import.meta.url);

export function loadVectors(name) {
  return JSON.parse(readFileSync(new URL(`${name}.json`, dataDir), "utf8"));
}

export function hex(s) {
  if (s.length % 2 !== 0) throw new Error(`odd hex length: ${s.length}`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toHex(bytes) {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}
