// @mtkit/tl-core/mtproto/entries — one constant per constructor and method of the MTProto service
// schema (`c_<name>`), for registryOf([...]).
export * from "./generated/mtproto/entries.js";
