// The attacker of the hostile-load bench (loopback only): slowloris connections that drip an
// obfuscation header at 1 byte/s, and connections that send a maximal frame but its last byte.
// It stops by itself after the configured time.
import { connect, type Socket } from "node:net";
import { hostileConfigFromEnv, type HostileMessage } from "./hostile-config.js";

const config = hostileConfigFromEnv();
const port = config.port!;
const MAX_FRAME = 2 * 1024 * 1024;
const CHUNK = new Uint8Array(64 * 1024).fill(0x5a);
const sockets = new Set<Socket>();
let refused = 0;
let partialBytesSent = 0;

function open(): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      sockets.add(socket);
      resolve(socket);
    });
    socket.on("error", () => {
      refused += sockets.has(socket) ? 0 : 1;
      resolve(undefined);
    });
    socket.once("close", () => sockets.delete(socket));
  });
}

/** Opens `count` connections, `parallel` at a time, and runs `then` on each. */
async function openMany(
  count: number,
  parallel: number,
  then: (socket: Socket) => void | Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next++;
        const socket = await open();
        if (socket !== undefined) await then(socket);
      }
    }),
  );
}

/** Intermediate tag, a 2 MiB length, then 2 MiB - 1 bytes of it, respecting back-pressure. */
async function sendPartialFrame(socket: Socket): Promise<void> {
  const header = new Uint8Array(8);
  new DataView(header.buffer).setUint32(0, 0xeeeeeeee, true);
  new DataView(header.buffer).setUint32(4, MAX_FRAME, true);
  socket.write(header);
  let left = MAX_FRAME - 1;
  while (left > 0 && !socket.destroyed) {
    const part = CHUNK.subarray(0, Math.min(left, CHUNK.length));
    left -= part.length;
    partialBytesSent += part.length;
    if (!socket.write(part))
      await new Promise<void>((resolve) => {
        socket.once("drain", resolve);
        socket.once("close", resolve);
      });
  }
}

const slowloris = new Set<Socket>();
let stopping = false;
/** A slowloris the server closed (its transport-init deadline) comes straight back: the pressure stays. */
function keepDripping(socket: Socket): void {
  slowloris.add(socket);
  socket.once("close", () => {
    slowloris.delete(socket);
    if (!stopping)
      void open().then((again) => {
        if (again !== undefined) keepDripping(again);
      });
  });
}
await openMany(config.slowloris, 200, keepDripping);
// The drip: one byte of a 64-byte obfuscation header per connection per second (never a plain tag).
const drip = setInterval(() => {
  for (const socket of slowloris) if (!socket.destroyed) socket.write(Uint8Array.of(0x42));
}, 1000);
await openMany(config.partialFrames, 50, sendPartialFrame);
const ramped: HostileMessage = { type: "ramped", opened: sockets.size, refused, partialBytesSent };
process.send?.(ramped);
setTimeout(() => {
  stopping = true;
  clearInterval(drip);
  for (const socket of sockets) socket.destroy();
  process.exit(0);
}, config.attackSeconds * 1000);
process.on("disconnect", () => process.exit(0));
