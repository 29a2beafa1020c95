/**
 * GREASE values (RFC 8701): 0x?A?A with a random high nibble, so middleboxes see the same
 * variety a browser sends. Neighbouring values differ so the list never repeats an entry.
 */
export function greaseValues(random: Uint8Array): number[] {
  const out = Array.from(random, (b) => (b & 0xf0) | 0x0a);
  for (let i = 1; i < out.length; i += 2) if (out[i] === out[i - 1]) out[i] = out[i]! ^ 0x10;
  return out;
}
