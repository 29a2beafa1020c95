import type { TlObject } from "@mtkit/tl-core";
import type { RawInitConnectionRequest } from "@mtkit/tl-core/api";
import type { KeyInfo } from "./client-info.js";

export interface UnwrappedCall {
  readonly request: TlObject;
  readonly withoutUpdates: boolean;
  /** msg_ids named by invokeAfterMsg(s): answer only after those calls finished. */
  readonly afterMsgIds: readonly bigint[];
}

interface Wrapper extends TlObject {
  readonly query: TlObject;
}

/**
 * Peels the invoke wrappers of https://core.telegram.org/api/invoking, recording what they say on
 * the auth key: the layer (answers follow it), initConnection's client description.
 */
export function unwrapInvoke(record: KeyInfo, outer: TlObject): UnwrappedCall {
  let request = outer;
  let withoutUpdates = false;
  const afterMsgIds: bigint[] = [];
  for (;;) {
    switch (request._) {
      case "invokeWithLayer":
        record.layer = (request as Wrapper & { layer: number }).layer;
        break;
      case "initConnection": {
        const init = request as RawInitConnectionRequest;
        record.client = {
          apiId: init.apiId,
          deviceModel: init.deviceModel,
          systemVersion: init.systemVersion,
          appVersion: init.appVersion,
          langCode: init.langCode,
        };
        break;
      }
      case "invokeWithoutUpdates":
        withoutUpdates = true;
        break;
      case "invokeAfterMsg":
        afterMsgIds.push((request as Wrapper & { msgId: bigint }).msgId);
        break;
      case "invokeAfterMsgs":
        afterMsgIds.push(...(request as Wrapper & { msgIds: bigint[] }).msgIds);
        break;
      case "invokeWithMessagesRange":
      case "invokeWithTakeout":
      case "invokeWithBusinessConnection":
      case "invokeWithGooglePlayIntegrity":
      case "invokeWithApnsSecret":
      case "invokeWithReCaptcha":
        break;
      default:
        return { request, withoutUpdates, afterMsgIds };
    }
    request = (request as Wrapper).query;
  }
}
