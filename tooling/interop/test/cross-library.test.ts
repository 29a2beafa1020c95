import { afterAll, beforeAll, describe, it } from "vitest";
import type { InteropPeer } from "../src/peer.js";
import { gramJsPeer } from "../src/peers/gramjs-peer.js";
import { mtcutePeer } from "../src/peers/mtcute-peer.js";
import { mtkitPeer } from "../src/peers/mtkit-peer.js";
import { everyoneToEveryone, groupWithEveryone, loginWithPrintedCode } from "../src/scenarios.js";
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

// Ordinary numbers (not 99966XYYYY): their codes are random and the CLI prints them on stderr.
const PRINTED_CODE_PHONES = ["15550101", "15550102", "15550103"] as const;

let server: ServerProcess;
let everyone: { peer: InteropPeer; user: typeof gramUser }[] = [];
beforeAll(async () => {
  server = await startServerProcess([
    ...seedArgs([gramUser, mtcuteUser, mtkitUser], []),
    ...PRINTED_CODE_PHONES.flatMap((phone) => ["--user", phone]),
  ]);
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

  it("log in with an ordinary number, reading the code the CLI prints", async () => {
    const fresh = [
      gramJsPeer(server.description, "full"),
      mtcutePeer(server.description, "intermediate"),
      mtkitPeer(server.description, "intermediate"),
    ];
    try {
      for (const [index, peer] of fresh.entries())
        await loginWithPrintedCode(peer, PRINTED_CODE_PHONES[index]!, server.nextLoginCode);
    } finally {
      await Promise.allSettled(fresh.map((peer) => peer.close()));
    }
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
