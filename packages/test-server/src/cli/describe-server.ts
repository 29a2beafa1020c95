import type { TestServer } from "../server/test-server.js";
import type { SeedReport } from "./seed-world.js";

/** The `--json` line: everything a script needs to point a client at the server. */
export function describeServerJson(server: TestServer, seeded?: SeedReport): string {
  return JSON.stringify({
    ...(seeded === undefined ? {} : { seeded }),
    dcs: server.endpoints.map((dc) => ({
      id: dc.id,
      host: dc.host,
      port: dc.port,
      wsPort: dc.wsPort ?? null,
      ...(dc.httpPort === undefined ? {} : { httpPort: dc.httpPort }),
    })),
    publicKeyPem: server.publicKeyPem,
    // Signed decimal, as resPQ carries it and GramJS keys its map; hex (unsigned) as mtcute logs it.
    fingerprint: server.fingerprint.toString(),
    fingerprintHex: BigInt.asUintN(64, server.fingerprint).toString(16).padStart(16, "0"),
  });
}

export function describeServerBanner(server: TestServer, seeded?: SeedReport): string {
  const lines = ["mtkit test server: MTProto 2.0 on localhost", ""];
  for (const dc of server.endpoints) {
    const ws = dc.wsPort === undefined ? "" : `, WebSocket ws://${dc.host}:${dc.wsPort}/apiws`;
    const http = dc.httpPort === undefined ? "" : `, HTTP http://${dc.host}:${dc.httpPort}/api`;
    lines.push(
      `  DC ${dc.id}: TCP ${dc.host}:${dc.port} (abridged, intermediate, padded, full, obfuscated)${ws}${http}`,
    );
  }
  lines.push(
    "",
    `  RSA key fingerprint: ${server.fingerprint} (0x${BigInt.asUintN(64, server.fingerprint).toString(16)})`,
  );
  lines.push("  Public key (PKCS#1, for mtcute addPublicKey / GramJS):", "", server.publicKeyPem.trimEnd(), "");
  if (seeded !== undefined) lines.push(...describeSeeded(seeded));
  lines.push("Press Ctrl+C to stop.");
  return lines.join("\n");
}

function describeSeeded(seeded: SeedReport): string[] {
  const lines = ["  World (test numbers 99966XYYYY log in with code X five times):"];
  for (const user of seeded.users)
    lines.push(`    user ${user.id}: +${user.phone}${user.username === null ? "" : ` @${user.username}`}`);
  for (const bot of seeded.bots) lines.push(`    bot ${bot.id}: @${bot.username ?? ""} token ${bot.token}`);
  for (const group of seeded.groups)
    lines.push(`    group ${group.id} "${group.title}": ${group.members} members (access hash ${group.accessHash})`);
  lines.push("");
  return lines;
}
