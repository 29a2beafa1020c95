// Bundled by esbuild (platform "browser") and loaded into Chromium by ../browser.test.ts.
// It drives the browser entry of transport-ws against the Node test server.
import { createPortableCrypto } from "@mtkit/mtproto-crypto";
import type { FramingProtocol, ObfuscationOptions } from "@mtkit/transport-tcp/codec";
import { createWebSocketTransport } from "../../src/browser.js";

export interface BrowserRunOptions {
  readonly url: string;
  readonly protocol: FramingProtocol;
  readonly obfuscation: boolean | ObfuscationOptions;
}

declare global {
  interface Window {
    runTransportExchange: (options: BrowserRunOptions) => Promise<string[]>;
  }
}

function packet(length: number, seed: number): Uint8Array {
  return new Uint8Array(length).map((_, i) => (i * 31 + seed) & 0xff);
}

function digest(bytes: Uint8Array): string {
  let sum = 0;
  for (const b of bytes) sum = (sum * 33 + b) >>> 0;
  return `${bytes.length}:${sum.toString(16)}`;
}

window.runTransportExchange = async (options) => {
  const transport = createWebSocketTransport({
    crypto: createPortableCrypto(),
    protocol: options.protocol,
    obfuscation: options.obfuscation,
    url: options.url,
    maxPacketLength: 1024 * 1024,
  });
  const received: Uint8Array[] = [];
  let closed: string | undefined;
  transport.subscribe((event) => {
    if (event.type === "packet") received.push(event.packet);
    // A close before the echoes arrive ends the wait and shows up in the result.
    if (event.type === "close")
      closed = event.error === undefined ? "clean" : ((event.error as { code?: string }).code ?? event.error.message);
  });
  await transport.connect({ dcId: 2, host: "", port: 0 });
  const sent = [packet(24 + 16 * 2, 1), packet(24 + 16 * 16_384, 2), packet(24 + 16 * 7, 3)];
  for (const p of sent) await transport.send(p);
  const deadline = Date.now() + 20_000;
  while (received.length < sent.length && closed === undefined && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const early = closed === undefined ? [] : [`closed:${closed}`];
  await transport.close();
  return [
    ...sent.map(digest),
    "|",
    ...received.map(digest),
    ...early,
    `ua=${navigator.userAgent.includes("Chrome/") ? "chrome" : "other"}`,
  ];
};
