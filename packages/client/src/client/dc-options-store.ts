import type { KeyValueRepository } from "../storage/types.js";
import type { DcEndpointOption } from "./options.js";

/** The kv key of the DC endpoints learned from help.getConfig. */
export const DC_OPTIONS_KEY = "dc_options";

/** Stored as JSON: small, readable in any storage, and versioned by its shape. */
export async function saveDcOptions(kv: KeyValueRepository, endpoints: readonly DcEndpointOption[]): Promise<void> {
  const plain = endpoints.map((dc) => ({
    id: dc.id,
    host: dc.host,
    port: dc.port,
    ...(dc.testMode === true ? { testMode: true } : {}),
  }));
  await kv.set(DC_OPTIONS_KEY, new TextEncoder().encode(JSON.stringify(plain)));
}

/** What an earlier run stored; anything unreadable counts as nothing stored. */
export async function loadDcOptions(kv: KeyValueRepository): Promise<DcEndpointOption[]> {
  const bytes = await kv.get(DC_OPTIONS_KEY);
  if (bytes === null) return [];
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isEndpoint);
  } catch {
    return [];
  }
}

function isEndpoint(value: unknown): value is DcEndpointOption {
  if (typeof value !== "object" || value === null) return false;
  const dc = value as Record<string, unknown>;
  return (
    Number.isInteger(dc.id) &&
    typeof dc.host === "string" &&
    Number.isInteger(dc.port) &&
    (dc.testMode === undefined || dc.testMode === true)
  );
}
