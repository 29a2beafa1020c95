/** Parsed JSON of `data/<name>.json`; shape differs per file, so tests narrow it themselves. */
export declare function loadVectors(name: string): unknown;
/** Lower-case or upper-case hex to bytes. */
export declare function hex(s: string): Uint8Array;
/** Bytes to lower-case hex. */
export declare function toHex(bytes: Uint8Array): string;
