// @mtkit/tl-core/api/entries — one constant per constructor and method of API layer 228 (`c_<name>`,
// dots as `_`), for registryOf([...]): a bundle then pays only for the constructors it names.
export * from "./generated/api/entries.js";
