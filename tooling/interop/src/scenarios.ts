import { createHash, randomBytes } from "node:crypto";
import type { InteropPeer } from "./peer.js";
import { step } from "./step.js";
import type { SeededBot, SeededUser } from "./world-seed.js";

/** Per-step deadlines: generous for a loaded 2-core machine, short enough that a hang fails fast. */
const LOGIN_MS = 20_000;
const MESSAGE_MS = 15_000;
const FILE_MS = 30_000;

function named(peer: InteropPeer, what: string): string {
  return `${peer.library}/${peer.transport}: ${what}`;
}

/** Texts are unique per run so a late message from another scenario can never satisfy a wait. */
function uniqueText(label: string): string {
  return `${label} ${randomBytes(6).toString("hex")}`;
}

export async function loginBoth(a: InteropPeer, userA: SeededUser, b: InteropPeer, userB: SeededUser): Promise<void> {
  await step(named(a, `log in as +${userA.phone}`), LOGIN_MS, () => a.loginWithPhone(userA.phone));
  await step(named(b, `log in as +${userB.phone}`), LOGIN_MS, () => b.loginWithPhone(userB.phone));
}

/** `user` (logged in already) writes to a bot that logs in with its token; the bot receives it and answers. */
export async function botTokenLogin(
  user: InteropPeer,
  seeded: SeededUser,
  bot: InteropPeer,
  token: SeededBot,
): Promise<void> {
  await step(named(bot, "log in with a bot token"), LOGIN_MS, () => bot.loginWithBotToken(token.token));
  const hello = uniqueText("/start");
  const atBot = bot.expectText(hello);
  await step(named(user, `send to @${token.username}`), MESSAGE_MS, () => user.sendText(`@${token.username}`, hello));
  await step(named(bot, "receive the user's message"), MESSAGE_MS, () => atBot);
  const answer = uniqueText("hello from the bot");
  const atUser = user.expectText(answer);
  await step(named(bot, `answer @${seeded.username}`), MESSAGE_MS, () => bot.sendText(`@${seeded.username}`, answer));
  await step(named(user, "receive the bot's answer"), MESSAGE_MS, () => atUser);
}

/** Both logged in and online: A → B, then B → A, each seen live. */
export async function liveMessages(
  a: InteropPeer,
  userA: SeededUser,
  b: InteropPeer,
  userB: SeededUser,
): Promise<void> {
  for (const [from, to, target] of [
    [a, b, userB],
    [b, a, userA],
  ] as const) {
    const text = uniqueText(`${from.library} to ${to.library}`);
    const received = to.expectText(text);
    await step(named(from, `send to @${target.username}`), MESSAGE_MS, () =>
      from.sendText(`@${target.username}`, text),
    );
    const got = await step(named(to, "receive it live"), MESSAGE_MS, () => received);
    if (got.inGroup) throw new Error(`${to.library}: a private message arrived as a group message`);
  }
}

/** B goes offline, A sends, B comes back and its catch-up (getDifference) delivers the message. */
export async function offlineCatchUp(a: InteropPeer, b: InteropPeer, userB: SeededUser): Promise<void> {
  await step(named(b, "go offline"), MESSAGE_MS, () => b.goOffline());
  const text = uniqueText("sent while you were away");
  const received = b.expectText(text);
  await step(named(a, `send to offline @${userB.username}`), MESSAGE_MS, () => a.sendText(`@${userB.username}`, text));
  await step(named(b, "come back"), LOGIN_MS, () => b.comeBack());
  await step(named(b, "catch up on the missed message"), MESSAGE_MS, () => received);
}

/** A creates a basic group with B and posts in it; B sees the post as a group message. */
export async function groupPost(a: InteropPeer, b: InteropPeer, userB: SeededUser): Promise<void> {
  const group = await step(named(a, "create a group"), MESSAGE_MS, () =>
    a.createGroup(uniqueText("interop group"), [`@${userB.username}`]),
  );
  const text = uniqueText("first post");
  const received = b.expectText(text);
  await step(named(a, "post in the group"), MESSAGE_MS, () => a.sendText(group, text));
  const got = await step(named(b, "receive the group post"), MESSAGE_MS, () => received);
  if (!got.inGroup) throw new Error(`${b.library}: the group post arrived as a private message`);
}

/** Upload (several parts), download, and compare SHA-256. Returns the hash. */
export async function fileRoundTrip(peer: InteropPeer, size: number): Promise<string> {
  const bytes = new Uint8Array(randomBytes(size));
  const sent = createHash("sha256").update(bytes).digest("hex");
  const back = await step(named(peer, `upload and download ${size.toString()} bytes`), FILE_MS, () =>
    peer.uploadAndDownload(bytes, "interop.bin"),
  );
  const got = createHash("sha256").update(back).digest("hex");
  if (got !== sent) throw new Error(`${named(peer, "file")}: sha256 ${got} after the round trip, ${sent} sent`);
  return got;
}

/** Every peer sends one message to every other peer; each arrives live. */
export async function everyoneToEveryone(peers: readonly { peer: InteropPeer; user: SeededUser }[]): Promise<void> {
  for (const from of peers) {
    for (const to of peers) {
      if (from === to) continue;
      const text = uniqueText(`${from.peer.library} to ${to.peer.library}`);
      const received = to.peer.expectText(text);
      await step(named(from.peer, `send to ${to.peer.library} @${to.user.username}`), MESSAGE_MS, () =>
        from.peer.sendText(`@${to.user.username}`, text),
      );
      await step(named(to.peer, `receive from ${from.peer.library}`), MESSAGE_MS, () => received);
    }
  }
}

/** `owner` creates a group with all the others and posts; every member receives the post. */
export async function groupWithEveryone(
  owner: InteropPeer,
  members: readonly { peer: InteropPeer; user: SeededUser }[],
): Promise<void> {
  const group = await step(named(owner, "create a group with every library"), MESSAGE_MS, () =>
    owner.createGroup(
      uniqueText("all libraries"),
      members.map((member) => `@${member.user.username}`),
    ),
  );
  const text = uniqueText(`${owner.library} posts`);
  const waits = members.map((member) => ({ member, received: member.peer.expectText(text) }));
  await step(named(owner, "post in the group"), MESSAGE_MS, () => owner.sendText(group, text));
  for (const { member, received } of waits) {
    const got = await step(named(member.peer, `receive ${owner.library}'s group post`), MESSAGE_MS, () => received);
    if (!got.inGroup) throw new Error(`${member.peer.library}: the group post arrived as a private message`);
  }
}

/** Logs in with a number that is not a test number: the code is read where the CLI prints it (stderr). */
export async function loginWithPrintedCode(
  peer: InteropPeer,
  phone: string,
  nextLoginCode: (phone: string) => Promise<string>,
): Promise<void> {
  await step(named(peer, `log in as +${phone} with the code the CLI printed`), LOGIN_MS, () =>
    peer.loginWithPhone(phone, () => nextLoginCode(phone)),
  );
}
