import { createRequire } from "node:module";
import { Long } from "@mtcute/core";
import { TlBinaryReader, TlBinaryWriter, __tlReaderMap, __tlWriterMap } from "@mtcute/core/utils.js";
import { decodeObject, encodeObject, type TlObject } from "@mtkit/tl-core";
import { anyLayerRegistry, registryForLayer } from "@mtkit/tl-core/layers";
import { describe, expect, it } from "vitest";
import { buildConfig } from "../src/index.js";
import { Api } from "./helpers/gramjs.js";
import {
  sampleAuthorization,
  sampleChannel,
  sampleMessage,
  sampleUpdates,
  sampleUser,
} from "./helpers/layer-samples.js";

// Issue 16: objects the server converts to a peer's layer are read by that peer's own TL parser
// (GramJS 2.26.22 = layer 198, mtcute 0.30.3 = layer 227), and requests the peers' own serializers
// wrote are read into layer-228 objects.
const require = createRequire(import.meta.url);
const { BinaryReader } = require("telegram/extensions/BinaryReader.js") as {
  BinaryReader: new (data: Buffer) => { tgReadObject(): unknown };
};

const gramJsRead = (value: TlObject): Record<string, unknown> =>
  new BinaryReader(Buffer.from(encodeObject(registryForLayer(198), value))).tgReadObject() as Record<string, unknown>;

const mtcuteRead = (value: TlObject): Record<string, unknown> =>
  TlBinaryReader.deserializeObject<Record<string, unknown>>(__tlReaderMap, encodeObject(registryForLayer(227), value));

const config = buildConfig([{ id: 1, host: "127.0.0.1", port: 4430, wsPort: undefined }], 1, 1_700_000_000);

describe("answers in layer 198, read by GramJS's own parser", () => {
  it("user", () => {
    const user = gramJsRead(sampleUser);
    expect(user).toBeInstanceOf(Api.User);
    expect(user).toMatchObject({ self: true, contact: true, premium: true, firstName: "Ann", username: "ann" });
    expect(String(user.id)).toBe("1000001");
    expect(String(user.accessHash)).toBe("-5000000000");
    expect(user.status).toBeInstanceOf(Api.UserStatusOnline);
    expect((user.usernames as { username: string }[])[0]?.username).toBe("ann");
  });

  it("(the same user in layer 228 is unreadable to GramJS: the conversion is what the test sees)", () => {
    const bytes = Buffer.from(encodeObject(registryForLayer(228), sampleUser));
    expect(() => new BinaryReader(bytes).tgReadObject()).toThrow();
  });

  it("auth.authorization", () => {
    const auth = gramJsRead(sampleAuthorization);
    expect(auth).toBeInstanceOf(Api.auth.Authorization);
    expect((auth.user as { phone: string }).phone).toBe("9996610001");
  });

  it("message with photo, reply and an entity 198 lacks (as messageEntityUnknown)", () => {
    const message = gramJsRead(sampleMessage);
    expect(message).toBeInstanceOf(Api.Message);
    expect(message).toMatchObject({ id: 17, out: true, message: "hello **world**", editDate: 1_700_000_200 });
    expect(message.media).toBeInstanceOf(Api.MessageMediaPhoto);
    expect((message.replyTo as { replyToMsgId: number }).replyToMsgId).toBe(16);
    const entities = message.entities as object[];
    expect(entities[0]).toBeInstanceOf(Api.MessageEntityBold);
    expect(entities[1]).toBeInstanceOf(Api.MessageEntityUnknown);
    expect(entities[1]).toMatchObject({ offset: 0, length: 5 });
  });

  it("updates with a channel message, the user and the channel", () => {
    const updates = gramJsRead(sampleUpdates);
    expect(updates).toBeInstanceOf(Api.Updates);
    const [first, second] = updates.updates as Record<string, unknown>[];
    expect(first).toBeInstanceOf(Api.UpdateNewChannelMessage);
    expect((first?.message as { id: number }).id).toBe(17);
    expect(second).toBeInstanceOf(Api.UpdateUserStatus);
    expect((updates.chats as object[])[0]).toBeInstanceOf(Api.Channel);
    expect((updates.chats as { participantsCount: number }[])[0]?.participantsCount).toBe(200_000);
  });

  it("config", () => {
    const read = gramJsRead(config);
    expect(read).toBeInstanceOf(Api.Config);
    expect(read).toMatchObject({ thisDc: 1, chatSizeMax: 200 });
  });
});

describe("answers in layer 227, read by mtcute's own parser", () => {
  it("user", () => {
    expect(mtcuteRead(sampleUser)).toMatchObject({
      _: "user",
      self: true,
      premium: true,
      id: 1_000_001,
      firstName: "Ann",
      status: { _: "userStatusOnline" },
      usernames: [{ _: "username", username: "ann" }],
    });
  });

  it("message, updates, channel, auth.authorization, config", () => {
    expect(mtcuteRead(sampleMessage)).toMatchObject({
      _: "message",
      id: 17,
      media: { _: "messageMediaPhoto", photo: { _: "photo", sizes: [{ _: "photoSize", w: 800 }] } },
      replyTo: { _: "messageReplyHeader", replyToMsgId: 16 },
      // 227 already has messageEntityFormattedDate (same id as 228): written as it is.
      entities: [{ _: "messageEntityBold" }, { _: "messageEntityFormattedDate", offset: 0, length: 5 }],
    });
    expect(mtcuteRead(sampleUpdates)).toMatchObject({
      _: "updates",
      updates: [{ _: "updateNewChannelMessage", pts: 5 }, { _: "updateUserStatus" }],
      chats: [{ _: "channel", title: "Group", megagroup: true }],
    });
    expect(mtcuteRead(sampleChannel)).toMatchObject({ _: "channel", participantsCount: 200_000 });
    expect(mtcuteRead(sampleAuthorization)).toMatchObject({ _: "auth.authorization", user: { phone: "9996610001" } });
    expect(mtcuteRead(config)).toMatchObject({ _: "config", thisDc: 1 });
  });
});

describe("requests the peers' own serializers wrote, read as layer-228 objects", () => {
  it("GramJS 198: invokeWithLayer(initConnection(auth.sendCode)) and messages.sendMessage", () => {
    const wrapped = new Api.InvokeWithLayer({
      layer: 198,
      query: new Api.InitConnection({
        apiId: 1,
        deviceModel: "test",
        systemVersion: "1",
        appVersion: "1",
        systemLangCode: "en",
        langPack: "",
        langCode: "en",
        query: new Api.auth.SendCode({
          phoneNumber: "9996610001",
          apiId: 1,
          apiHash: "x",
          settings: new Api.CodeSettings({}),
        }),
      }),
    });
    expect(decodeObject(anyLayerRegistry(), wrapped.getBytes())).toMatchObject({
      _: "invokeWithLayer",
      layer: 198,
      query: { _: "initConnection", query: { _: "auth.sendCode", phoneNumber: "9996610001" } },
    });
    const send = new Api.messages.SendMessage({
      peer: new Api.InputPeerSelf(),
      message: "hi",
      replyTo: new Api.InputReplyToMessage({ replyToMsgId: 3 }),
    });
    expect(decodeObject(anyLayerRegistry(), send.getBytes())).toMatchObject({
      _: "messages.sendMessage",
      peer: { _: "inputPeerSelf" },
      message: "hi",
      replyTo: { _: "inputReplyToMessage", replyToMsgId: 3 },
    });
  });

  it("mtcute 227: messages.sendMessage and channels.createChannel", () => {
    const write = (value: object): Uint8Array =>
      TlBinaryWriter.serializeObject(__tlWriterMap, value as Parameters<typeof TlBinaryWriter.serializeObject>[1]);
    expect(
      decodeObject(
        anyLayerRegistry(),
        write({ _: "messages.sendMessage", peer: { _: "inputPeerSelf" }, message: "hi", randomId: Long.fromNumber(5) }),
      ),
    ).toMatchObject({ _: "messages.sendMessage", message: "hi", randomId: 5n });
    expect(
      decodeObject(anyLayerRegistry(), write({ _: "channels.createChannel", megagroup: true, title: "G", about: "" })),
    ).toMatchObject({ _: "channels.createChannel", megagroup: true, title: "G" });
  });
});
