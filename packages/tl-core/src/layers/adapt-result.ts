import { normalizeTypeRef } from "../parser/type-ref.js";
import { fieldsOf } from "./fields.js";
import { BASE_LAYER, baseModel, layerModel } from "./layer-model.js";

/**
 * The answer to `method` as layer `layer` declares it, when the method's result type changed: a
 * base-layer answer that wraps the older type in one of its fields is unwrapped (layer 198's
 * `channels.joinChannel` returns `Updates`; 228's returns `messages.chatInviteJoinResultOk`, whose
 * `updates` field holds them). Anything else is returned as it is.
 */
export function adaptResult(layer: number, method: string, value: unknown): unknown {
  if (layer === BASE_LAYER || typeof value !== "object" || value === null) return value;
  const older = layerModel(layer).byName.get(method);
  const current = baseModel().byName.get(method);
  if (older?.kind !== "method" || current === undefined) return value;
  const wanted = normalizeTypeRef(older.result);
  if (wanted === normalizeTypeRef(current.result)) return value;
  const answer = baseModel().byName.get((value as { readonly _?: unknown })._ as string);
  const field = answer === undefined ? undefined : fieldsOf(answer).find((f) => f.typeText === wanted);
  return field === undefined ? value : (value as Readonly<Record<string, unknown>>)[field.key];
}
