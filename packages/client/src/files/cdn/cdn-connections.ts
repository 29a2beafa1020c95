import { parseRsaPublicKeyPem } from "@mtkit/mtproto-crypto";
import {
  createAuthKeyOverTransport,
  RpcError as SessionRpcError,
  SessionDriver,
  type SessionEnvironment,
} from "@mtkit/session";
import type { TlObject } from "@mtkit/tl-core";
import { apiRegistry, type RpcMethods, type TypeCdnConfig, type TypeConfig } from "@mtkit/tl-core/api";
import type { DcAddress as TransportAddress, Transport } from "@mtkit/transport-tcp/transport";
import { RpcError } from "../../errors/rpc-error.js";
import { FileTransferError } from "../file-transfer-error.js";

export interface CdnConnectionsDeps {
  readonly env: SessionEnvironment;
  readonly newTransport: (address: TransportAddress) => Transport;
  /** invokeWithLayer + initConnection around the first request of the session. */
  readonly wrapInit: (query: TlObject) => TlObject;
  /** help.getConfig / help.getCdnConfig on the home DC. */
  readonly askHome: (
    request: { readonly _: "help.getConfig" } | { readonly _: "help.getCdnConfig" },
  ) => Promise<unknown>;
  readonly requestTimeoutMs: number;
}

interface CdnLink {
  readonly driver: SessionDriver<TransportAddress>;
  initialized: boolean;
}

/**
 * Connections to CDN DCs (https://core.telegram.org/cdn): the address from help.getConfig (cdn
 * dc_options), an auth key made with the CDN's own RSA key from help.getCdnConfig, kept in memory
 * for this connect() span (CDN DCs hold no authorization, so nothing is stored or imported).
 */
export class CdnConnections {
  readonly #links = new Map<number, Promise<CdnLink>>();
  #closed = false;

  constructor(private readonly deps: CdnConnectionsDeps) {}

  async invoke<M extends keyof RpcMethods>(
    dcId: number,
    request: RpcMethods[M]["request"] & { readonly _: M },
    signal: AbortSignal,
  ): Promise<RpcMethods[M]["result"]> {
    let pending = this.#links.get(dcId);
    if (pending === undefined) {
      pending = this.#open(dcId);
      this.#links.set(dcId, pending);
      pending.catch(() => this.#links.delete(dcId));
    }
    const link = await pending;
    const wrap = !link.initialized;
    try {
      const result = await link.driver.invoke(wrap ? this.deps.wrapInit(request) : request, { signal });
      link.initialized = true;
      return result;
    } catch (error) {
      throw error instanceof SessionRpcError ? new RpcError(error.errorCode, error.errorMessage, request._) : error;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const links = [...this.#links.values()];
    this.#links.clear();
    await Promise.all(links.map(async (pending) => (await pending.catch(() => undefined))?.driver.close()));
  }

  async #open(dcId: number): Promise<CdnLink> {
    const config = (await this.deps.askHome({ _: "help.getConfig" })) as TypeConfig;
    const option = config.dcOptions.find((dc) => dc.cdn === true && dc.id === dcId && dc.ipv6 !== true);
    if (option === undefined)
      throw new FileTransferError("BAD_REDIRECT", `no CDN DC ${String(dcId)} in help.getConfig`);
    const cdnConfig = (await this.deps.askHome({ _: "help.getCdnConfig" })) as TypeCdnConfig;
    const pem = cdnConfig.publicKeys.find((key) => key.dcId === dcId)?.publicKey;
    if (pem === undefined)
      throw new FileTransferError("BAD_REDIRECT", `no RSA key for CDN DC ${String(dcId)} in help.getCdnConfig`);
    const address: TransportAddress = { dcId, host: option.ipAddress, port: option.port };
    const handshakeTransport = this.deps.newTransport(address);
    await handshakeTransport.connect(address);
    let key;
    try {
      key = await createAuthKeyOverTransport(handshakeTransport, {
        env: this.deps.env,
        rsaKeys: [parseRsaPublicKeyPem(pem)],
        dcId,
      });
    } finally {
      await handshakeTransport.close();
    }
    const driver = new SessionDriver<TransportAddress>({
      env: this.deps.env,
      transport: this.deps.newTransport(address),
      address,
      apiRegistry,
      authKey: key.authKey,
      serverSalt: key.serverSalt,
      timeOffsetMs: key.timeOffsetMs,
      requestTimeoutMs: this.deps.requestTimeoutMs,
    });
    await driver.connect();
    if (this.#closed) {
      await driver.close();
      throw new FileTransferError("BAD_REDIRECT", "the client disconnected");
    }
    return { driver, initialized: false };
  }
}
