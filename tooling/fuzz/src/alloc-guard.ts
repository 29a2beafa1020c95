/**
 * "No allocation from an untrusted length": while installed, every `new Uint8Array(n)` (and
 * ArrayBuffer) made by our code is compared with the size of the input being parsed. A parser
 * that sizes a buffer from a length the peer claimed allocates far more than it was given.
 * Instances stay real Uint8Arrays: the constructor is wrapped in a Proxy, nothing else changes.
 */
type AnyConstructor = new (...args: unknown[]) => object;

export class AllocationGuard {
  /** Bytes of the input being parsed; set by each target before it parses. */
  inputLength = 0;
  /** Largest allocation seen for the current input and the input's length. */
  worst: { readonly size: number; readonly inputLength: number } | undefined;
  private readonly realUint8Array = globalThis.Uint8Array;
  private readonly realArrayBuffer = globalThis.ArrayBuffer;

  /** An allocation above this for the current input is a finding. */
  limit(): number {
    return 1024 * 1024 + 64 * this.inputLength;
  }

  install(): void {
    const check = (size: unknown): void => {
      if (typeof size !== "number" || size <= this.limit()) return;
      if (this.worst === undefined || size > this.worst.size) this.worst = { size, inputLength: this.inputLength };
    };
    const watched = <T extends object>(real: T): T =>
      new Proxy(real, {
        construct(target, args: unknown[], newTarget) {
          check(args[0]);
          return Reflect.construct(target as unknown as AnyConstructor, args, newTarget) as object;
        },
      });
    globalThis.Uint8Array = watched(this.realUint8Array);
    globalThis.ArrayBuffer = watched(this.realArrayBuffer);
  }

  uninstall(): void {
    globalThis.Uint8Array = this.realUint8Array;
    globalThis.ArrayBuffer = this.realArrayBuffer;
  }

  /** The finding of the input just parsed, if any; resets for the next one. */
  take(): { readonly size: number; readonly inputLength: number } | undefined {
    const worst = this.worst;
    this.worst = undefined;
    return worst;
  }
}
