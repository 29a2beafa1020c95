/** A tiny writer for TLS handshake structures with 2-byte length-prefixed scopes. */
export class HelloBuilder {
  private readonly bytes: number[] = [];
  private readonly scopes: number[] = [];

  get length(): number {
    return this.bytes.length;
  }

  put(...values: number[]): this {
    for (const v of values) this.bytes.push(v & 0xff);
    return this;
  }

  putBytes(data: Uint8Array): this {
    for (const v of data) this.bytes.push(v);
    return this;
  }

  /** Opens a scope whose 2-byte big-endian length is filled in by `end()`. */
  begin(): this {
    this.scopes.push(this.bytes.length);
    this.bytes.push(0, 0);
    return this;
  }

  end(): this {
    const start = this.scopes.pop();
    if (start === undefined) throw new Error("unbalanced TLS scope");
    const size = this.bytes.length - start - 2;
    this.bytes[start] = size >>> 8;
    this.bytes[start + 1] = size & 0xff;
    return this;
  }

  finish(): Uint8Array {
    if (this.scopes.length !== 0) throw new Error("unbalanced TLS scope");
    return Uint8Array.from(this.bytes);
  }
}
