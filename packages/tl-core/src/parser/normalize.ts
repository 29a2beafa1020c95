import type { TlParam, TlTypeRef } from "./ast.js";
import { normalizeTypeRef } from "./type-ref.js";

/**
 * The combinator text whose CRC32 is its id (https://core.telegram.org/mtproto/TL-tl): no `#id`,
 * `{X:Type}` written `X:Type`, `flags.N?true` parameters dropped, `bytes` written `string`,
 * `Vector<T>` written `Vector T`, single spaces, no `;`.
 */
export function normalizeCombinator(
  name: string,
  generics: readonly string[],
  params: readonly TlParam[],
  result: TlTypeRef,
  keepBytes = false,
): string {
  const parts = [name];
  for (const generic of generics) parts.push(`${generic}:Type`);
  for (const param of params) {
    if (param.condition && param.type.kind === "true") continue;
    const type = normalizeTypeRef(param.type, keepBytes);
    const condition = param.condition ? `${param.condition.field}.${param.condition.bit}?` : "";
    parts.push(`${param.name}:${condition}${type}`);
  }
  parts.push("=", normalizeTypeRef(result, keepBytes));
  return parts.join(" ");
}
