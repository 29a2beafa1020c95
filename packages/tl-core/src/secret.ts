// @mtkit/tl-core/secret — the secret-chat (end-to-end) schema, all layers, generated.
export * from "./generated/secret/index.js";
