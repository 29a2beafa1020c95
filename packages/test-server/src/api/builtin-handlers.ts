import type { TypeConfig, TypeDcOption } from "@mtkit/tl-core/api";
import type { HandlerRegistry } from "./handler-registry.js";
import type { DcEndpoint } from "./topology.js";

export interface BuiltinOptions {
  /** The DCs of this server, for dc_options. */
  readonly endpoints: () => readonly DcEndpoint[];
  readonly nowSeconds: () => number;
}

/**
 * dc_options lists every DC twice, plain and `media_only`, all on 127.0.0.1-style addresses: mtcute
 * looks up every DC id it meets there, media DCs included (peers.md §2).
 */
export function dcOptions(endpoints: readonly DcEndpoint[]): TypeDcOption[] {
  return endpoints.flatMap((dc) => [
    { _: "dcOption", id: dc.id, ipAddress: dc.host, port: dc.port },
    { _: "dcOption", mediaOnly: true, id: dc.id, ipAddress: dc.host, port: dc.port },
  ]);
}

/** A config#cc1a241e: the same constructor in layers 198 (GramJS) and 227/228 (mtcute, mtkit). */
export function buildConfig(endpoints: readonly DcEndpoint[], thisDc: number, now: number): TypeConfig {
  return {
    _: "config",
    date: now,
    expires: now + 3600,
    testMode: false,
    thisDc,
    dcOptions: dcOptions(endpoints),
    dcTxtDomainName: "localhost",
    chatSizeMax: 200,
    megagroupSizeMax: 200000,
    forwardedCountMax: 100,
    onlineUpdatePeriodMs: 210000,
    offlineBlurTimeoutMs: 5000,
    offlineIdleTimeoutMs: 30000,
    onlineCloudTimeoutMs: 300000,
    notifyCloudDelayMs: 30000,
    notifyDefaultDelayMs: 1500,
    pushChatPeriodMs: 60000,
    pushChatLimit: 2,
    editTimeLimit: 172800,
    revokeTimeLimit: 2147483647,
    revokePmTimeLimit: 2147483647,
    ratingEDecay: 2419200,
    stickersRecentLimit: 200,
    channelsReadMediaPeriod: 604800,
    callReceiveTimeoutMs: 20000,
    callRingTimeoutMs: 90000,
    callConnectTimeoutMs: 30000,
    callPacketTimeoutMs: 10000,
    meUrlPrefix: "https://t.me/",
    captionLengthMax: 1024,
    messageLengthMax: 4096,
    webfileDcId: thisDc,
  };
}

/**
 * help.getConfig, help.getNearestDc, updates.getState and updates.getDifference: what clients call on
 * connect and after new_session_created (https://core.telegram.org/api/updates). The update state is
 * static (pts 1, nothing missed) until a handler overrides these.
 */
export function registerBuiltins(handlers: HandlerRegistry, options: BuiltinOptions): void {
  handlers.set("help.getConfig", (_request, ctx) => buildConfig(options.endpoints(), ctx.dcId, options.nowSeconds()));
  handlers.set("help.getNearestDc", (_request, ctx) => ({
    _: "nearestDc" as const,
    country: "ZZ",
    thisDc: ctx.dcId,
    nearestDc: ctx.dcId,
  }));
  handlers.set("updates.getState", () => ({
    _: "updates.state" as const,
    pts: 1,
    qts: 0,
    date: options.nowSeconds(),
    seq: 0,
    unreadCount: 0,
  }));
  handlers.set("updates.getDifference", () => ({
    _: "updates.differenceEmpty" as const,
    date: options.nowSeconds(),
    seq: 0,
  }));
}
