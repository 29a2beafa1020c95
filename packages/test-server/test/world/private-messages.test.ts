import { describe, expect, it } from "vitest";
import { worldPerFile } from "../helpers/world-per-file.js";
import { inputPeer, like } from "./world-client.js";

const fixture = worldPerFile();
const login = fixture.login;

describe("private messages with pts over real sockets", () => {
  it("a test number signs in without signUp; sendMessage answers updateShortSentMessage; the online peer gets updateShortMessage", async () => {
    const alice = await login("9996610001");
    const bob = await login("9996610002");
    expect(fixture.world.userByPhone("9996610001")?.id).toBe(alice.userId);
    const before = (await bob.driver.invoke({ _: "updates.getState" })) as { pts: number };
    const sent = await alice.driver.invoke({
      _: "messages.sendMessage",
      peer: inputPeer(bob),
      message: "hi Bob",
      randomId: 77n,
    });
    expect(sent).toMatchObject({ _: "updateShortSentMessage", out: true, id: 1, pts: 2, ptsCount: 1 });
    await expect
      .poll(() => bob.pushed, { timeout: 5000 })
      .toContainEqual(
        like({ _: "updateShortMessage", message: "hi Bob", userId: alice.userId, pts: before.pts + 1, ptsCount: 1 }),
      );
    // The same random_id again: the same message, never a second one.
    const again = await alice.driver.invoke({
      _: "messages.sendMessage",
      peer: inputPeer(bob),
      message: "hi Bob",
      randomId: 77n,
    });
    expect(again).toMatchObject({ id: 1, ptsCount: 0 });
    const history = (await bob.driver.invoke({
      _: "messages.getHistory",
      peer: inputPeer(alice),
      offsetId: 0,
      offsetDate: 0,
      addOffset: 0,
      limit: 10,
      maxId: 0,
      minId: 0,
      hash: 0n,
    })) as { messages: { message: string }[] };
    expect(history.messages.map((m) => m.message)).toEqual(["hi Bob"]);
  });

  it("an offline account catches up with getDifference: exactly what it missed", async () => {
    const carol = await login("9996610003");
    const dave = await login("9996610004");
    const state = (await dave.driver.invoke({ _: "updates.getState" })) as { pts: number; seq: number; date: number };
    await dave.driver.close();
    for (let i = 0; i < 3; i++)
      await carol.driver.invoke({
        _: "messages.sendMessage",
        peer: inputPeer(dave),
        message: `m${i}`,
        randomId: BigInt(100 + i),
      });
    const back = await login("9996610004");
    const difference = (await back.driver.invoke({
      _: "updates.getDifference",
      pts: state.pts,
      date: state.date,
      qts: 0,
    })) as {
      _: string;
      newMessages: { message: string; out?: boolean; id: number }[];
      state: { pts: number };
      users: { id: bigint }[];
    };
    expect(difference._).toBe("updates.difference");
    expect(difference.newMessages.map((m) => m.message)).toEqual(["m0", "m1", "m2"]);
    expect(difference.newMessages.every((m) => m.out !== true)).toBe(true);
    expect(difference.state.pts).toBe(state.pts + 3);
    expect(difference.users.map((u) => u.id)).toContain(carol.userId);
    const sliced = (await back.driver.invoke({
      _: "updates.getDifference",
      pts: state.pts,
      ptsLimit: 2,
      date: state.date,
      qts: 0,
    })) as { _: string; intermediateState: { pts: number } };
    expect(sliced).toMatchObject({ _: "updates.differenceSlice", intermediateState: { pts: state.pts + 2 } });
    await expect(
      back.driver.invoke({ _: "updates.getDifference", pts: state.pts + 3, date: state.date, qts: 0 }),
    ).resolves.toMatchObject({ _: "updates.differenceEmpty" });
    fixture.server.faults.updates.forceDifferenceTooLong();
    await expect(
      back.driver.invoke({ _: "updates.getDifference", pts: state.pts, date: state.date, qts: 0 }),
    ).resolves.toMatchObject({ _: "updates.differenceTooLong", pts: state.pts + 3 });
  });
});

describe("pushed-update fault knobs", () => {
  it("a dropped push leaves a pts gap the client can fill with getDifference; a duplicate arrives twice", async () => {
    const erin = await login("9996610005");
    const fred = await login("9996610006");
    const state = await fred.driver.invoke({ _: "updates.getState" });
    fixture.server.faults.updates.drop();
    await erin.driver.invoke({ _: "messages.sendMessage", peer: inputPeer(fred), message: "lost push", randomId: 1n });
    fixture.server.faults.updates.duplicate();
    await erin.driver.invoke({ _: "messages.sendMessage", peer: inputPeer(fred), message: "twice", randomId: 2n });
    await expect
      .poll(() => fred.pushed.filter((update) => (update as { message?: string }).message === "twice").length, {
        timeout: 5000,
      })
      .toBe(2);
    expect(fred.pushed).not.toContainEqual(like({ message: "lost push" }));
    // The second push says pts = state + 2 with pts_count 1: the client sees the gap and asks.
    expect(fred.pushed).toContainEqual(like({ message: "twice", pts: state.pts + 2, ptsCount: 1 }));
    const difference = await fred.driver.invoke({
      _: "updates.getDifference",
      pts: state.pts,
      date: state.date,
      qts: 0,
    });
    expect(difference).toMatchObject({
      _: "updates.difference",
      newMessages: [{ message: "lost push" }, { message: "twice" }],
    });
  });
});
