import { apiRegistry } from "@mtkit/tl-core/api";
import {
  ClientHandshake,
  ClientSession,
  MemoryKeyStore,
  ServerConnection,
  ServerSaltSchedule,
  ServerSessionStore,
  type ServerSessionStoreOptions,
  type ClientSessionEvent,
  type HandshakeResult,
  type ServerEvent,
  type ServerSession,
} from "../../src/index.js";
import { testClock, testEnv, type TestClock } from "./env.js";
import { serverRsaKey } from "./handshake.js";

export type RequestHandler = (request: { readonly _: string }, session: ServerSession, reqMsgId: bigint) => void;

/**
 * A client session and the server role wired back to back in memory, with no transport: every
 * byte still goes through the real encryption and the real checks.
 */
export class Harness {
  readonly clock: TestClock;
  readonly serverEnv;
  readonly keys;
  readonly sessions: ServerSessionStore;
  readonly salts;
  conn: ServerConnection;
  readonly serverEvents: ServerEvent[] = [];
  readonly clientEvents: ClientSessionEvent[] = [];
  /** Server-side executions by request name. */
  readonly executed: string[] = [];
  handler: RequestHandler = (request, session, reqMsgId) => {
    if (request._ === "help.getNearestDc")
      session.sendResult(reqMsgId, { _: "nearestDc", country: "NL", thisDc: 2, nearestDc: 2 });
  };

  constructor(seed = "h", clock = testClock(), storeOptions: ServerSessionStoreOptions = {}) {
    this.clock = clock;
    this.sessions = new ServerSessionStore(storeOptions);
    this.serverEnv = testEnv(`${seed}-server`, clock);
    this.keys = new MemoryKeyStore(() => Math.floor(clock.ms / 1000));
    let n = 1000n;
    this.salts = new ServerSaltSchedule(() => n++);
    this.conn = this.newConnection();
  }

  newConnection(): ServerConnection {
    this.conn = new ServerConnection({
      env: this.serverEnv,
      keys: this.keys,
      sessions: this.sessions,
      salts: this.salts,
      rsaKeys: [serverRsaKey().privateKey],
      apiRegistry,
    });
    return this.conn;
  }

  /** Creates a key through the server connection (plain messages). */
  handshake(seed: string, expiresIn?: number): HandshakeResult {
    const client = new ClientHandshake({
      env: testEnv(seed, this.clock),
      rsaKeys: [serverRsaKey().publicKey],
      dcId: 2,
      ...(expiresIn === undefined ? {} : { expiresIn }),
    });
    let packet: Uint8Array | undefined = client.start();
    while (packet !== undefined) {
      const events = this.conn.receive(packet);
      const send = events.find((e) => e.type === "send");
      if (send?.type !== "send")
        throw new Error(
          `handshake stalled: ${events.map((e) => (e.type === "handshake-failed" ? e.error.message : e.type)).join(", ")}`,
        );
      packet = client.receive(send.packet);
    }
    return client.result!;
  }

  client(
    result: HandshakeResult,
    seed = "client",
    overrides: Partial<ConstructorParameters<typeof ClientSession>[0]> = {},
  ): ClientSession {
    return new ClientSession({
      env: testEnv(seed, this.clock),
      authKey: result.authKey,
      serverSalt: result.serverSalt,
      timeOffsetMs: result.timeOffsetMs,
      apiRegistry,
      ...overrides,
    });
  }

  /** Delivers client packets to the server (unless `dropAnswers`), server packets back, until quiet. */
  pump(client: ClientSession, options: { dropAnswers?: boolean; rounds?: number } = {}): ClientSessionEvent[] {
    const collected: ClientSessionEvent[] = [];
    for (let round = 0; round < (options.rounds ?? 10); round++) {
      const out = client.flush();
      for (const packet of out) this.deliverToServer(packet);
      const back = this.conn.flush();
      if (out.length === 0 && back.length === 0) break;
      if (options.dropAnswers === true) continue;
      for (const packet of back) collected.push(...client.receive(packet));
    }
    this.clientEvents.push(...collected);
    return collected;
  }

  deliverToServer(packet: Uint8Array): ServerEvent[] {
    const events = this.conn.receive(packet);
    this.serverEvents.push(...events);
    for (const e of events) {
      if (e.type === "request") {
        this.executed.push(e.request._);
        this.handler(e.request, e.session, e.reqMsgId);
      }
    }
    return events;
  }
}
