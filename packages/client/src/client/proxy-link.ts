import { parseProxySecret, type ProxySecret } from "@mtkit/transport-tcp/codec";

/** An MTProxy as Telegram shares it: `tg://proxy?server=..&port=..&secret=..` or `https://t.me/proxy?...`. */
export interface ProxyLink {
  readonly server: string;
  readonly port: number;
  readonly secret: ProxySecret;
}

/** A link that is not a usable MTProxy link; `field` names what is wrong. */
export class ProxyLinkError extends Error {
  override readonly name = "ProxyLinkError";
  readonly code = "BAD_PROXY_LINK";

  constructor(
    readonly field: "link" | "server" | "port" | "secret",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isProxyLink(text: string): boolean {
  return /^(tg:\/\/proxy\?|https:\/\/t\.me\/proxy\?)/i.test(text);
}

/** https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation (secrets); the link form is Telegram's share format. */
export function parseProxyLink(link: string): ProxyLink {
  if (!isProxyLink(link)) throw new ProxyLinkError("link", "expected tg://proxy?... or https://t.me/proxy?...");
  const params = new URLSearchParams(link.slice(link.indexOf("?") + 1));
  const server = params.get("server") ?? "";
  if (!/^[\w.-]+$|^\[?[0-9a-f:]+\]?$/i.test(server)) throw new ProxyLinkError("server", `bad proxy server "${server}"`);
  const portText = params.get("port") ?? "";
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new ProxyLinkError("port", `bad proxy port "${portText}"`);
  let secret: ProxySecret;
  try {
    secret = parseProxySecret(params.get("secret") ?? "");
  } catch (error) {
    throw new ProxyLinkError("secret", "bad proxy secret", { cause: error });
  }
  return { server: server.replace(/^\[|\]$/g, ""), port, secret };
}
