/**
 * What two users compare to rule out a man in the middle (https://core.telegram.org/api/end-to-end#key-visualization):
 * the 36-byte value SHA1(initial key)[0..16] ‖ SHA256(key)[0..20] (layer >= 46), shown as
 * - `grid`: the 12x12 picture official apps draw, two bits per cell, cells read from each byte's
 *   low bits up (four colours, index 0..3);
 * - `emoji`: one emoji per byte from a fixed 256-emoji block (U+1F400..U+1F4FF), so the text carries
 *   every bit of the value and both sides print the same line.
 * Re-keying does not change it: the visualisation is of the chat's first key.
 *
 * The emoji line is our own scheme: TDLib's only emoji table (td/telegram/misc.cpp,
 * get_emoji_fingerprints) is for calls (4 emoji from a SHA-256); for secret chats TDLib hands apps
 * the same 36 bytes to draw as 2-bit pixels, in the four colours of `KEY_GRID_COLOURS`.
 */
import { type CryptoProvider, secretKeyVisualization } from "@mtkit/mtproto-crypto";

export interface KeyVisualization {
  /** The 36 bytes (128 + 160 bits). */
  readonly bytes: Uint8Array;
  /** 36 emoji, one per byte. */
  readonly emoji: string;
  /** 12 rows of 12 colour indexes (0..3). */
  readonly grid: readonly (readonly number[])[];
}

/** The colours of grid indexes 0..3, as official apps draw them (TDLib's td_api.tl, secretChat.key_hash). */
export const KEY_GRID_COLOURS = ["#ffffff", "#d5e6f3", "#2d5775", "#2f99c9"] as const;

const EMOJI_BLOCK_START = 0x1f400;
const GRID_SIDE = 12;

/** The 36 bytes of a chat's first key, computed once when the chat is created. */
export function keyVisualizationBytes(crypto: CryptoProvider, initialKey: Uint8Array): Uint8Array {
  return secretKeyVisualization(crypto, initialKey);
}

export function visualizeKey(bytes: Uint8Array): KeyVisualization {
  let emoji = "";
  for (const byte of bytes) emoji += String.fromCodePoint(EMOJI_BLOCK_START + byte);
  const cells: number[] = [];
  for (const byte of bytes) for (let shift = 0; shift < 8; shift += 2) cells.push((byte >> shift) & 3);
  const grid: number[][] = [];
  for (let row = 0; row < GRID_SIDE; row++) grid.push(cells.slice(row * GRID_SIDE, (row + 1) * GRID_SIDE));
  return { bytes, emoji, grid };
}
