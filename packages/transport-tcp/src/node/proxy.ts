import type { Socket } from "node:net";
import { isIP } from "node:net";
import { TransportError } from "../codec/errors.js";
import { SocketReader } from "./socket-reader.js";

/** A SOCKS5 (RFC 1928, user/pass RFC 1929) or HTTP CONNECT proxy in front of the DC. */
export type ProxyConfig =
  | {
      readonly type: "socks5";
      readonly host: string;
      readonly port: number;
      readonly username?: string;
      readonly password?: string;
    }
  | {
      readonly type: "http";
      readonly host: string;
      readonly port: number;
      readonly username?: string;
      readonly password?: string;
    };

/** Runs the proxy handshake on a socket connected to the proxy; returns bytes read past it. */
export async function openProxyTunnel(
  socket: Socket,
  proxy: ProxyConfig,
  host: string,
  port: number,
): Promise<Uint8Array> {
  const reader = new SocketReader(socket);
  try {
    if (proxy.type === "socks5") await socks5(socket, reader, proxy, host, port);
    else await httpConnect(socket, reader, proxy, host, port);
  } catch (error) {
    reader.release();
    throw error;
  }
  return reader.release();
}

async function socks5(
  socket: Socket,
  reader: SocketReader,
  proxy: ProxyConfig,
  host: string,
  port: number,
): Promise<void> {
  const withAuth = proxy.username !== undefined;
  socket.write(withAuth ? Uint8Array.of(5, 2, 0, 2) : Uint8Array.of(5, 1, 0));
  const [version, method] = await reader.read(2);
  if (version !== 5) throw new TransportError("PROXY", "not a SOCKS5 proxy");
  if (method === 2 && withAuth) {
    const user = new TextEncoder().encode(proxy.username);
    const pass = new TextEncoder().encode(proxy.password ?? "");
    if (user.length > 255 || pass.length > 255)
      throw new TransportError("PROXY", "SOCKS5 credentials longer than 255 bytes");
    socket.write(Uint8Array.of(1, user.length, ...user, pass.length, ...pass));
    const [, status] = await reader.read(2);
    if (status !== 0) throw new TransportError("PROXY", "SOCKS5 authentication refused");
  } else if (method !== 0) {
    throw new TransportError("PROXY", `SOCKS5 proxy offers no acceptable auth method (${method})`);
  }
  socket.write(Uint8Array.of(5, 1, 0, ...socksAddress(host), port >>> 8, port & 0xff));
  const head = await reader.read(4);
  if (head[1] !== 0)
    throw new TransportError("PROXY", `SOCKS5 CONNECT failed with reply ${head[1]}`, { reply: head[1]! });
  const addressLength = head[3] === 1 ? 4 : head[3] === 4 ? 16 : (await reader.read(1))[0]!;
  await reader.read(addressLength + 2);
}

function socksAddress(host: string): number[] {
  const kind = isIP(host);
  if (kind === 4) return [1, ...host.split(".").map(Number)];
  if (kind === 6) return [4, ...ipv6Bytes(host)];
  const name = new TextEncoder().encode(host);
  if (name.length > 255) throw new TransportError("PROXY", "host name too long for SOCKS5");
  return [3, name.length, ...name];
}

function ipv6Bytes(host: string): number[] {
  const [left = "", right = ""] = host.split("::");
  const l = left === "" ? [] : left.split(":");
  const r = right === "" ? [] : right.split(":");
  const groups = host.includes("::") ? [...l, ...Array<string>(8 - l.length - r.length).fill("0"), ...r] : l;
  return groups.flatMap((g) => {
    const v = Number.parseInt(g, 16);
    return [v >>> 8, v & 0xff];
  });
}

async function httpConnect(
  socket: Socket,
  reader: SocketReader,
  proxy: ProxyConfig,
  host: string,
  port: number,
): Promise<void> {
  const target = isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
  const auth =
    proxy.username === undefined
      ? ""
      : `Proxy-Authorization: Basic ${btoa(`${proxy.username}:${proxy.password ?? ""}`)}\r\n`;
  socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
  const head = new TextDecoder().decode(await reader.readUntil(new TextEncoder().encode("\r\n\r\n"), 16 * 1024));
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
  if (status !== "200") throw new TransportError("PROXY", `HTTP CONNECT refused: ${head.split("\r\n")[0] ?? ""}`);
}
