import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../src/index.js";
import { createKey, openDriver, type ClientEvent } from "./helpers/mtkit-client.js";

describe("session limits, seen through mtkit's session driver", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ sessionLimits: { maxSessionsPerKey: 2 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it("keeps at most maxSessionsPerKey sessions of one key; an evicted client gets new_session_created and carries on", async () => {
    const key = await createKey(server);
    const firstEvents: ClientEvent[] = [];
    const drivers = [
      await openDriver(server, key, { onEvent: (event) => firstEvents.push(event) }),
      await openDriver(server, key),
      await openDriver(server, key),
    ];
    try {
      for (const driver of drivers)
        await expect(driver.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ _: "nearestDc" });
      const sessions = server.dc(1).sessions;
      expect(sessions).toHaveLength(2);
      expect(sessions.map((session) => session.sessionId)).not.toContain(drivers[0]!.session.state.sessionId);

      const newSessions = (): number => firstEvents.filter((event) => event.type === "new-session").length;
      const before = newSessions();
      await expect(drivers[0]!.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ _: "nearestDc" });
      expect(newSessions()).toBe(before + 1);
      expect(server.dc(1).sessions).toHaveLength(2);
    } finally {
      await Promise.all(drivers.map((driver) => driver.close()));
    }
  });
});
