import type { DcEndpointOption } from "./options.js";

/** One Telegram DC as the official apps ship it before their first help.getConfig. */
export interface TelegramDc {
  readonly id: number;
  readonly ipv4: string;
  readonly ipv6: string;
  /** TCP port of both addresses (MTProto transports: https://core.telegram.org/mtproto/mtproto-transports). */
  readonly port: number;
  /** WebSocket endpoint for browsers (https://core.telegram.org/mtproto/transports#websocket). */
  readonly webSocket: string;
}

const ws = (name: string, test: boolean): string => `wss://${name}.web.telegram.org/${test ? "apiws_test" : "apiws"}`;

/**
 * Production DCs 1-5. Bootstrap only: the client replaces them with help.getConfig's dc_options
 * (https://core.telegram.org/api/datacenter) and stores those.
 */
export const TELEGRAM_PRODUCTION_DCS: readonly TelegramDc[] = [
  { id: 1, ipv4: "149.154.175.53", ipv6: "2001:b28:f23d:f001::a", port: 443, webSocket: ws("pluto", false) },
  { id: 2, ipv4: "149.154.167.51", ipv6: "2001:67c:4e8:f002::a", port: 443, webSocket: ws("venus", false) },
  { id: 3, ipv4: "149.154.175.100", ipv6: "2001:b28:f23d:f003::a", port: 443, webSocket: ws("aurora", false) },
  { id: 4, ipv4: "149.154.167.91", ipv6: "2001:67c:4e8:f004::a", port: 443, webSocket: ws("vesta", false) },
  { id: 5, ipv4: "91.108.56.130", ipv6: "2001:b28:f23f:f005::a", port: 443, webSocket: ws("flora", false) },
];

/** Test DCs 1-3 (https://core.telegram.org/api/auth#test-accounts): separate accounts, `+10000` DC ids for MTProxies. */
export const TELEGRAM_TEST_DCS: readonly TelegramDc[] = [
  { id: 1, ipv4: "149.154.175.40", ipv6: "2001:b28:f23d:f001::e", port: 443, webSocket: ws("pluto", true) },
  { id: 2, ipv4: "149.154.167.40", ipv6: "2001:67c:4e8:f002::e", port: 443, webSocket: ws("venus", true) },
  { id: 3, ipv4: "149.154.175.117", ipv6: "2001:b28:f23d:f003::e", port: 443, webSocket: ws("aurora", true) },
];

/** DC 2 first: the first entry is the home DC until the server names another (PHONE_MIGRATE_X...). */
const HOME_FIRST = 2;

/** The built-in table as the client's seed list. */
export function telegramDcEndpoints(
  options: { readonly testMode?: boolean; readonly ipv6?: boolean } = {},
): DcEndpointOption[] {
  const table = options.testMode === true ? TELEGRAM_TEST_DCS : TELEGRAM_PRODUCTION_DCS;
  const ordered = [...table].sort((a, b) => Number(b.id === HOME_FIRST) - Number(a.id === HOME_FIRST));
  return ordered.map((dc) => ({
    id: dc.id,
    host: options.ipv6 === true ? dc.ipv6 : dc.ipv4,
    port: dc.port,
    ...(options.testMode === true ? { testMode: true } : {}),
  }));
}
