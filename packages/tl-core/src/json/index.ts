export { fromJson, type JsonValue, parseTl, stringifyTl, toJson } from "./convert.js";
