import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../src/index.js";
import { Api, createGramJsClient, type GramJsConnection } from "./helpers/gramjs.js";

describe("GramJS 2.26.22 against the test server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ ws: true });
  });
  afterAll(async () => {
    await server.close();
  });

  const connections: GramJsConnection[] = ["full", "abridged", "obfuscated"];
  for (const connection of connections) {
    it(`creates a key (legacy p_q_inner_data) and calls help.getConfig over ${connection}`, async () => {
      const client = createGramJsClient(server, { connection });
      try {
        await client.connect();
        const config = await client.invoke(new Api.help.GetConfig());
        expect(config.className).toBe("Config");
        expect(config.thisDc).toBe(1);
        expect(config.dcOptions.map((o) => o.port)).toEqual([server.endpoints[0]!.port, server.endpoints[0]!.port]);
      } finally {
        await client.destroy();
      }
    });
  }

  it("connects over WebSocket (obfuscated framing on ws://…/apiws)", async () => {
    const client = createGramJsClient(server, { webSocket: true });
    try {
      await client.connect();
      const nearest = await client.invoke(new Api.help.GetNearestDc());
      expect(nearest.thisDc).toBe(1);
    } finally {
      await client.destroy();
    }
  });

  it("is answered in the layer it announced (198)", async () => {
    let layer: number | undefined;
    server.handle("help.getNearestDc", (_request, ctx) => {
      layer = ctx.layer;
      return { _: "nearestDc" as const, country: "ZZ", thisDc: ctx.dcId, nearestDc: ctx.dcId };
    });
    const client = createGramJsClient(server, { connection: "abridged" });
    try {
      await client.connect();
      await client.invoke(new Api.help.GetNearestDc());
      expect(layer).toBe(198);
    } finally {
      await client.destroy();
    }
  });

  it("gets updates.state from updates.getState", async () => {
    const client = createGramJsClient(server, { connection: "abridged" });
    try {
      await client.connect();
      const state = await client.invoke(new Api.updates.GetState());
      expect(state.className).toBe("updates.State");
    } finally {
      await client.destroy();
    }
  });
});
