// The test server of the files benchmark, in a child process of its own (run with tsx): one DC with
// the files slice, uploads kept in memory (one at a time: each new upload forgets the last), and a
// synthetic download file of the size asked (computed from offsets, never held). Prints one JSON line.
// Usage: node --import tsx files-server.ts <downloadBytes>
import { installFiles, TestServer } from "@mtkit/test-server";

/** The JSON line this prints once listening. */
export interface FilesServerInfo {
  readonly port: number;
  readonly publicKeyPem: string;
  readonly fingerprint: string;
  readonly file: {
    readonly id: string;
    readonly accessHash: string;
    readonly fileReference: string;
    readonly size: number;
  };
}

const size = Number(process.argv[2] ?? 256 * 1024 * 1024);
const server = await TestServer.start({ dcs: 1 });
const files = installFiles(server, {
  maxPendingUploads: 1,
  maxPendingBytes: 2 * 1024 * 1024 * 1024,
  referenceTtlMs: 24 * 3_600_000,
});
const handle = files.addSyntheticFile(size, { seed: 42 });
const info: FilesServerInfo = {
  port: server.endpoints[0]!.port,
  publicKeyPem: server.publicKeyPem,
  fingerprint: server.fingerprint.toString(),
  file: {
    id: handle.file.id.toString(),
    accessHash: handle.file.accessHash.toString(),
    fileReference: Buffer.from(handle.file.fileReference).toString("hex"),
    size,
  },
};
console.log(JSON.stringify(info));
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
