import type { TestServer } from "../server/test-server.js";

/** The `--json` line: everything a script needs to point a client at the server. */
export function describeServerJson(server: TestServer): string {
  return JSON.stringify({
    dcs: server.endpoints.map((dc) => ({ id: dc.id, host: dc.host, port: dc.port, wsPort: dc.wsPort ?? null })),
    publicKeyPem: server.publicKeyPem,
    // Signed decimal, as resPQ carries it and GramJS keys its map; hex (unsigned) as mtcute logs it.
    fingerprint: server.fingerprint.toString(),
    fingerprintHex: BigInt.asUintN(64, server.fingerprint).toString(16).padStart(16, "0"),
  });
}

export function describeServerBanner(server: TestServer): string {
  const lines = ["mtkit test server: MTProto 2.0 on localhost", ""];
  for (const dc of server.endpoints) {
    const ws = dc.wsPort === undefined ? "" : `, WebSocket ws://${dc.host}:${dc.wsPort}/apiws`;
    lines.push(`  DC ${dc.id}: TCP ${dc.host}:${dc.port} (abridged, intermediate, padded, full, obfuscated)${ws}`);
  }
  lines.push("", `  RSA key fingerprint: ${server.fingerprint} (0x${BigInt.asUintN(64, server.fingerprint).toString(16)})`);
  lines.push("  Public key (PKCS#1, for mtcute addPublicKey / GramJS):", "", server.publicKeyPem.trimEnd(), "");
  lines.push("Press Ctrl+C to stop.");
  return lines.join("\n");
}
