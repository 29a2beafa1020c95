import { describe, expectTypeOf, it } from "vitest";
import type { LAYER, RpcMethods, TypeConfig, TypePeer, RawMessage, messages, ObjectsByName } from "../src/api.js";
import type { RawMsgContainer, RawRpcResult, RawResPQ } from "../src/mtproto.js";
import type { TlObject } from "../src/runtime/types.js";

// Compile-time checks of the generated types (vitest runs them as no-op tests; tsc checks them).
describe("generated types", () => {
  it("maps methods to request and result types", () => {
    expectTypeOf<RpcMethods["help.getConfig"]["result"]>().toEqualTypeOf<TypeConfig>();
    expectTypeOf<RpcMethods["photos.deletePhotos"]["result"]>().toEqualTypeOf<bigint[]>();
    expectTypeOf<RpcMethods["auth.logOut"]["request"]>().toHaveProperty("_");
    expectTypeOf<RpcMethods["messages.getHistory"]["request"]>().toEqualTypeOf<messages.RawGetHistoryRequest>();
    expectTypeOf<RpcMethods["invokeWithLayer"]["result"]>().toBeUnknown();
    expectTypeOf<typeof LAYER>().toEqualTypeOf<228>();
  });

  it("represents TL types as documented", () => {
    expectTypeOf<RawMessage["id"]>().toEqualTypeOf<number>();
    expectTypeOf<RawMessage["out"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<RawMessage["fromId"]>().toEqualTypeOf<TypePeer | undefined>();
    expectTypeOf<ObjectsByName["user"]["accessHash"]>().toEqualTypeOf<bigint | undefined>();
    expectTypeOf<messages.RawMessages["_"]>().toEqualTypeOf<"messages.messages">();
    expectTypeOf<RawResPQ["pq"]>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<RawResPQ["serverPublicKeyFingerprints"]>().toEqualTypeOf<bigint[]>();
    expectTypeOf<RawRpcResult["result"]>().toBeUnknown();
    expectTypeOf<RawMsgContainer["messages"][number]["body"]>().toEqualTypeOf<TlObject>();
  });
});
