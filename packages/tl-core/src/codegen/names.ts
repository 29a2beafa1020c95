// Naming of generated identifiers, following mtcute: `message` -> `RawMessage`, type `Message` ->
// `TypeMessage`, method `messages.getHistory` -> `messages.RawGetHistoryRequest`. Namespaced names are
// declared flat (`messages_RawGetHistoryRequest`) and re-exported inside a TS namespace, so a name in a
// namespace can never shadow a root one.

/** `p_q_inner_data` -> `PQInnerData`, `inputPeerUser` -> `InputPeerUser`. */
export function pascal(name: string): string {
  return name
    .split("_")
    .filter((part) => part !== "")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** Field names in objects: `from_id` -> `fromId`, `g_a` -> `gA`. */
export function camel(name: string): string {
  const p = pascal(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

export function splitNamespace(fullName: string): { ns: string | undefined; local: string } {
  const dot = fullName.lastIndexOf(".");
  return dot < 0 ? { ns: undefined, local: fullName } : { ns: fullName.slice(0, dot), local: fullName.slice(dot + 1) };
}

function flat(fullName: string, make: (local: string) => string): string {
  const { ns, local } = splitNamespace(fullName);
  return ns === undefined ? make(local) : `${ns.replace(/\./g, "_")}_${make(local)}`;
}

export const constructorTypeName = (name: string): string => flat(name, (l) => `Raw${pascal(l)}`);
export const methodTypeName = (name: string): string => flat(name, (l) => `Raw${pascal(l)}Request`);
export const unionTypeName = (name: string): string => flat(name, (l) => `Type${pascal(l)}`);

/** Identifier of a generated function, e.g. `r_messages_messages`. */
export const fnName = (prefix: string, name: string): string => `${prefix}_${name.replace(/\./g, "_")}`;
