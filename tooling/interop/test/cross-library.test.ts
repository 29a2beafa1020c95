import { afterAll, beforeAll, describe, it } from "vitest";
import type { InteropPeer } from "../src/peer.js";
import { gramJsPeer } from "../src/peers/gramjs-peer.js";
import { mtcutePeer } from "../src/peers/mtcute-peer.js";
import { mtkitPeer } from "../src/peers/mtkit-peer.js";
import { everyoneToEveryone, groupWithEveryone } from "../src/scenarios.js";
import { step } from "../src/step.js";
import { startServerProcess, type ServerProcess } from "../src/server-process.js";
import { seedArgs, seedUsers } from "../src/world-seed.js";

// One server, three libraries in three layers (GramJS 198, mtcute 227, mtkit 228), each on its
// default transport: a message from any of them reaches the other two, and a group of all three works.
const [gramUser, mtcuteUser, mtkitUser] = seedUsers("cross_u", 3) as [
  ReturnType<typeof seedUsers>[number],
  ReturnType<typeof seedUsers>[number],
  ReturnType<typeof seedUsers>[number],
];

let server: ServerProcess;
let everyone: { peer: InteropPeer; user: typeof gramUser }[] = [];
beforeAll(async () => {
  server = await startServerProcess(seedArgs([gramUser, mtcuteUser, mtkitUser], []));
  everyone = [
    { peer: gramJsPeer(server.description, "full"), user: gramUser },
    { peer: mtcutePeer(server.description, "intermediate"), user: mtcuteUser },
    { peer: mtkitPeer(server.description, "intermediate"), user: mtkitUser },
  ];
});
afterAll(async () => {
  await Promise.allSettled(everyone.map(({ peer }) => peer.close()));
  await server.stop();
});

describe("GramJS, mtcute and mtkit on one server", () => {
  it("log in", async () => {
    for (const { peer, user } of everyone)
      await step(`${peer.library}: log in as +${user.phone}`, 20_000, () => peer.loginWithPhone(user.phone));
  });

  it("message each other, every direction", async () => {
    await everyoneToEveryone(everyone);
  });

  it("each creates a group with the other two and posts in it", async () => {
    for (const owner of everyone)
      await groupWithEveryone(
        owner.peer,
        everyone.filter((member) => member !== owner),
      );
  });
});
