import type { MethodName } from "../api/handler-registry.js";
import { UpdateFaults } from "./update-faults.js";

/** What to do to a call of one method, instead of (or before) running its handler. */
export type MethodFault =
  /** Answer rpc_error (FLOOD_WAIT_X, *_MIGRATE_X, anything). */
  | { readonly kind: "rpcError"; readonly code: number; readonly message: string }
  /** Answer after `ms` milliseconds (the handler still runs). */
  | { readonly kind: "delay"; readonly ms: number }
  /** Close the connection without answering or running the handler (the client must resend). */
  | { readonly kind: "disconnect" };

interface ArmedFault {
  readonly fault: MethodFault;
  remaining: number;
}

/**
 * Test knobs shared by every DC of a server. Each knob fires a fixed number of times
 * (`times`, default 1; `Infinity` for always) and then disarms itself.
 */
export class FaultKnobs {
  /** Knobs on pushed updates and forced *TooLong differences (see UpdateFaults). */
  readonly updates = new UpdateFaults();
  private readonly methodFaults = new Map<string, ArmedFault[]>();
  private dropAfterPackets: number | undefined;
  private blackholeAfterPackets: number | undefined;
  private silenceGeneration = 0;
  private dhRetries = 0;

  /** Arms `fault` for calls of `method` (`"*"` = any method). */
  onMethod(method: MethodName | "*", fault: MethodFault, times = 1): void {
    const list = this.methodFaults.get(method) ?? [];
    list.push({ fault, remaining: times });
    this.methodFaults.set(method, list);
  }

  /** `420 FLOOD_WAIT_<seconds>` for the next `times` calls. */
  floodWait(method: MethodName | "*", seconds: number, times = 1): void {
    this.onMethod(method, { kind: "rpcError", code: 420, message: `FLOOD_WAIT_${seconds}` }, times);
  }

  /** `303 <kind>_MIGRATE_<dcId>` (https://core.telegram.org/api/datacenter). */
  migrate(
    method: MethodName | "*",
    dcId: number,
    kind: "USER" | "PHONE" | "NETWORK" | "FILE" | "STATS" = "USER",
    times = 1,
  ): void {
    this.onMethod(method, { kind: "rpcError", code: 303, message: `${kind}_MIGRATE_${dcId}` }, times);
  }

  delay(method: MethodName | "*", ms: number, times = 1): void {
    this.onMethod(method, { kind: "delay", ms }, times);
  }

  disconnectOn(method: MethodName | "*", times = 1): void {
    this.onMethod(method, { kind: "disconnect" }, times);
  }

  /**
   * The next connection accepted (by any DC) is closed when it receives packet `packets + 1`,
   * without processing it. E.g. 3 lets a handshake finish and cuts the first encrypted message.
   */
  dropNextConnectionAfter(packets: number): void {
    this.dropAfterPackets = packets;
  }

  /** Consumed by the server when it accepts a connection. */
  takeDropAfterPackets(): number | undefined {
    const packets = this.dropAfterPackets;
    this.dropAfterPackets = undefined;
    return packets;
  }

  /**
   * The next connection accepted (by any DC) goes silent from packet `packets + 1` on: it still reads
   * and runs everything (requests execute, their answers are cached), but sends nothing back, and it
   * stays open. What a client sees after its NAT entry vanished or the laptop slept: a socket that
   * looks open and never answers. 3 lets a handshake finish and silences the first encrypted message.
   */
  blackholeNextConnectionAfter(packets: number): void {
    this.blackholeAfterPackets = packets;
  }

  /** Consumed by the server when it accepts a connection. */
  takeBlackholeAfterPackets(): number | undefined {
    const packets = this.blackholeAfterPackets;
    this.blackholeAfterPackets = undefined;
    return packets;
  }

  /**
   * Every connection open now (any DC) goes silent, as with `blackholeNextConnectionAfter`, from
   * now on. Connections accepted later behave, so a client that reconnects gets answers again.
   */
  silenceConnections(): void {
    this.silenceGeneration++;
  }

  /** Bumped by `silenceConnections()`: a connection accepted at an older generation is silent. */
  get silencedGeneration(): number {
    return this.silenceGeneration;
  }

  /**
   * The next `connections` handshakes answer their first set_client_DH_params with dh_gen_retry,
   * so the client must send a new g_b with retry_id = aux_hash (https://core.telegram.org/mtproto/auth_key).
   */
  dhGenRetry(connections = 1): void {
    this.dhRetries += connections;
  }

  /** Consumed by the server when it accepts a connection. */
  takeDhGenRetry(): boolean {
    if (this.dhRetries === 0) return false;
    this.dhRetries--;
    return true;
  }

  /** Removes every armed knob. */
  clear(): void {
    this.methodFaults.clear();
    this.dropAfterPackets = undefined;
    this.blackholeAfterPackets = undefined;
    this.dhRetries = 0;
    this.updates.clear();
  }

  /** Consumes and returns the faults armed for this call (exact name first, then `"*"`). */
  take(method: string): MethodFault[] {
    const out: MethodFault[] = [];
    for (const key of [method, "*"]) {
      const list = this.methodFaults.get(key);
      if (list === undefined) continue;
      for (const armed of list) {
        if (armed.remaining <= 0) continue;
        armed.remaining--;
        out.push(armed.fault);
      }
      this.methodFaults.set(
        key,
        list.filter((armed) => armed.remaining > 0),
      );
    }
    return out;
  }
}
