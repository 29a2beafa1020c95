// The `@mtkit/mtproto-crypto/bytes` entry: byte helpers shared by the transports and the session.
export {
  bytesEqual,
  concatAll,
  concatBytes,
  int64ToBytesLE,
  readInt32LE,
  readInt64LE,
  readUint32LE,
  reversed,
  writeInt32LE,
  writeInt64LE,
  writeUint32LE,
  xorBytes,
} from "./util/bytes.js";
