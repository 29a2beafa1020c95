import type { TypeConfig } from "@mtkit/tl-core/api";
import type { DcEndpointOption } from "./options.js";

export interface DcDirectoryOptions {
  /** Take the IPv6 dc_options instead of the IPv4 ones. */
  readonly ipv6?: boolean;
  /** Every address is a test DC's (the server does not say so in dc_options). */
  readonly testMode?: boolean;
  /** Called with the main (not media) endpoints after each help.getConfig, so they can be stored. */
  readonly onLearn?: (endpoints: readonly DcEndpointOption[]) => void;
}

/**
 * Where each DC listens. Seeded from the options, then filled from help.getConfig's dc_options
 * (https://core.telegram.org/api/datacenter): the wanted IP family, not CDN, not TCPO-only, first
 * one per DC wins; media-only entries are kept apart for media connections.
 */
export class DcDirectory {
  readonly #byId = new Map<number, DcEndpointOption>();
  readonly #media = new Map<number, DcEndpointOption>();

  constructor(
    seed: readonly DcEndpointOption[],
    private readonly options: DcDirectoryOptions = {},
  ) {
    for (const dc of seed) this.#byId.set(dc.id, dc);
  }

  get(dcId: number, media = false): DcEndpointOption | undefined {
    return (media ? this.#media.get(dcId) : undefined) ?? this.#byId.get(dcId);
  }

  has(dcId: number): boolean {
    return this.#byId.has(dcId);
  }

  /** Endpoints stored by an earlier run replace the seed (they came from the server). */
  restore(endpoints: readonly DcEndpointOption[]): void {
    for (const dc of endpoints) this.#byId.set(dc.id, dc);
  }

  learn(config: TypeConfig): void {
    const fresh = new Map<number, DcEndpointOption>();
    const wantIpv6 = this.options.ipv6 === true;
    for (const option of config.dcOptions) {
      if ((option.ipv6 === true) !== wantIpv6 || option.cdn === true || option.tcpoOnly === true) continue;
      const target = option.mediaOnly === true ? this.#media : fresh;
      if (!target.has(option.id)) {
        target.set(option.id, {
          id: option.id,
          host: option.ipAddress,
          port: option.port,
          ...(this.options.testMode === true ? { testMode: true } : {}),
        });
      }
    }
    for (const [id, dc] of fresh) this.#byId.set(id, dc);
    if (fresh.size > 0) this.options.onLearn?.([...this.#byId.values()]);
  }
}
