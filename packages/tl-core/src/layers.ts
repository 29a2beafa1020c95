// @mtkit/tl-core/layers — API layers older than the generated one (194-227), as data: read requests of
// any of them, write answers in any of them. For servers; a client speaks the generated layer only.
export { BASE_LAYER, KNOWN_LAYERS, layerModel, type LayerModel } from "./layers/layer-model.js";
export { anyLayerRegistry, registryForLayer, resolveLayer, type ResolvedLayer } from "./layers/layer-registry.js";
export { neutralConstructor, neutralInstance, neutralValue } from "./layers/neutral.js";
export { substituteFor } from "./layers/substitute.js";
export { adaptResult } from "./layers/adapt-result.js";
