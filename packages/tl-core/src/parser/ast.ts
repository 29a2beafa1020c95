/** A type reference in a TL combinator (https://core.telegram.org/mtproto/TL-formal). */
export type TlTypeRef =
  | { readonly kind: "nat" } // `#`, the flags word
  | { readonly kind: "true" } // `true`, only meaningful as `flags.N?true`
  | { readonly kind: "primitive"; readonly name: TlPrimitive }
  | { readonly kind: "vector"; readonly boxed: boolean; readonly of: TlTypeRef } // Vector<T> / vector<T>
  | { readonly kind: "boxed"; readonly name: string } // MessageMedia, messages.Messages, Object
  // `%Message` (percent: the only constructor of type Message) or a constructor name such as `future_salt`
  | { readonly kind: "bare"; readonly name: string; readonly percent: boolean }
  | { readonly kind: "generic"; readonly name: string; readonly bang: boolean }; // X or !X

export type TlPrimitive = "int" | "long" | "double" | "string" | "bytes" | "int128" | "int256" | "Bool";

export interface TlParam {
  readonly name: string;
  readonly type: TlTypeRef;
  /** Set for `flags.N?Type`: the `#` field holding the bit and the bit number. */
  readonly condition?: { readonly field: string; readonly bit: number };
}

export interface TlCombinator {
  readonly kind: "constructor" | "method";
  /** Full name including namespace, e.g. `messages.getHistory`. */
  readonly name: string;
  /** Signed 32-bit id actually used (explicit if given, computed otherwise). */
  readonly id: number;
  readonly explicitId: number | undefined;
  readonly computedId: number;
  /** The text that `computedId` is the CRC32 of. */
  readonly normalized: string;
  readonly generics: readonly string[];
  readonly params: readonly TlParam[];
  /** Result type: the boxed type for constructors; any type for methods (e.g. `Vector<long>`, `X`). */
  readonly result: TlTypeRef;
  readonly line: number;
  readonly source: string;
}

export interface TlSchema {
  readonly constructors: readonly TlCombinator[];
  readonly methods: readonly TlCombinator[];
  /** `// LAYER N` trailer, if the file has one. */
  readonly layer: number | undefined;
}
