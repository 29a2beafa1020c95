import type { TlObject } from "@mtkit/tl-core";
import { LAYER } from "@mtkit/tl-core/api";
import type { DeviceInfo } from "./options.js";

/**
 * The first request on every new connection goes out as invokeWithLayer(LAYER, initConnection(...)),
 * or the server answers in an old layer and does not know the app
 * (https://core.telegram.org/api/invoking#layers, https://core.telegram.org/method/initConnection).
 */
export function wrapWithInitConnection(query: TlObject, apiId: number, device: DeviceInfo): TlObject {
  return {
    _: "invokeWithLayer",
    layer: LAYER,
    query: {
      _: "initConnection",
      apiId,
      deviceModel: device.deviceModel,
      systemVersion: device.systemVersion,
      appVersion: device.appVersion,
      systemLangCode: device.systemLangCode,
      langPack: device.langPack,
      langCode: device.langCode,
      query,
    },
  } as TlObject;
}
