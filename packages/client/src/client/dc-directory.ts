import type { TypeConfig } from "@mtkit/tl-core/api";
import type { DcEndpointOption } from "./options.js";

/**
 * Where each DC listens. Seeded from the options, then filled from help.getConfig's dc_options
 * (https://core.telegram.org/api/datacenter): IPv4, not media-only, not CDN, first one wins.
 */
export class DcDirectory {
  readonly #byId = new Map<number, DcEndpointOption>();
  readonly #media = new Map<number, DcEndpointOption>();

  constructor(seed: readonly DcEndpointOption[]) {
    for (const dc of seed) this.#byId.set(dc.id, dc);
  }

  get(dcId: number, media = false): DcEndpointOption | undefined {
    return (media ? this.#media.get(dcId) : undefined) ?? this.#byId.get(dcId);
  }

  has(dcId: number): boolean {
    return this.#byId.has(dcId);
  }

  learn(config: TypeConfig): void {
    const fresh = new Map<number, DcEndpointOption>();
    for (const option of config.dcOptions) {
      if (option.ipv6 === true || option.cdn === true || option.tcpoOnly === true) continue;
      const target = option.mediaOnly === true ? this.#media : fresh;
      if (!target.has(option.id)) target.set(option.id, { id: option.id, host: option.ipAddress, port: option.port });
    }
    for (const [id, dc] of fresh) this.#byId.set(id, dc);
  }
}
