export { html, parseHtml, escapeHtml } from "./html.js";
export { md, parseMarkdown, escapeMarkdown } from "./markdown.js";
export { TextParseError, type TextParseErrorCode } from "./text-parse-error.js";
export { isTextWithEntities, type InputText, type TextWithEntities } from "./text-with-entities.js";
export { toTextWithEntities, type ParseMode } from "./to-text-with-entities.js";
