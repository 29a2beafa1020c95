/** One auth-key handshake as the server saw it (ms). */
export interface HandshakeTiming {
  /** The server's own synchronous work on the handshake's packets (RSA, DH, answers), wall time. */
  readonly workMs: number;
  /**
   * The process's CPU time during that work (process.cpuUsage: GC threads included). Unlike `workMs`
   * it does not grow while the machine's other processes hold the CPU.
   */
  readonly workCpuMs: number;
  /** From its first whole packet to the key made: the work, the client's turns and the waits. */
  readonly elapsedMs: number;
}

export interface HandshakeSummary {
  readonly count: number;
  readonly workMs: { readonly median: number; readonly max: number };
  readonly workCpuMs: { readonly median: number; readonly max: number };
  readonly elapsedMs: { readonly median: number; readonly max: number };
}

/**
 * The last `capacity` auth-key handshakes of a DC, as the server timed them (issue 13). Under a flood on
 * a loaded machine a client's handshake time is mostly the machine's; these say what the server itself
 * spent. A fixed ring: a flood of handshakes cannot grow it.
 */
export class HandshakeTimings {
  private samples: HandshakeTiming[] = [];
  private next = 0;

  constructor(private readonly capacity = 256) {}

  record(timing: HandshakeTiming): void {
    if (this.samples.length < this.capacity) this.samples.push(timing);
    else this.samples[this.next] = timing;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Median and max of the handshakes recorded since the last call; undefined when there were none. */
  takeSummary(): HandshakeSummary | undefined {
    const samples = this.samples;
    this.samples = [];
    this.next = 0;
    if (samples.length === 0) return undefined;
    return {
      count: samples.length,
      workMs: medianAndMax(samples.map((s) => s.workMs)),
      workCpuMs: medianAndMax(samples.map((s) => s.workCpuMs)),
      elapsedMs: medianAndMax(samples.map((s) => s.elapsedMs)),
    };
  }
}

function medianAndMax(values: number[]): { median: number; max: number } {
  const sorted = values.sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}
