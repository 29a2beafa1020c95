// @mtkit/tl-core/api — the Telegram API schema, layer 228, generated.
export * from "./generated/api/index.js";
