// @mtkit/tl-core/mtproto — the MTProto service schema (mtproto.tl), generated.
export * from "./generated/mtproto/index.js";
