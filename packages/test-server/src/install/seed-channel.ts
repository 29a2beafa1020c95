import type { Channel } from "../world/types.js";
import type { World } from "../world/world.js";
import type { ChannelSeed } from "./seeds.js";

/**
 * Creates a channel and its members straight in the world: a 200,000-member group costs 200,000 row
 * writes and no handshake, login or message.
 */
export function seedChannel(world: World, seed: ChannelSeed, homeDc: number): Channel {
  return world.store.transaction(() => {
    const creatorId = seed.creatorId ?? generatedUser(world, 0, homeDc);
    const { channel } = world.channels.create(creatorId, {
      title: seed.title,
      about: "",
      megagroup: seed.megagroup ?? true,
      username: seed.username,
    });
    world.channels.addMembers(channel.id, seed.memberIds ?? [], creatorId);
    const count = seed.generatedMembers ?? 0;
    if (count > 0) {
      const base = world.accounts.reserveCounter("generatedMembers", 1, count);
      world.channels.addMembers(channel.id, generatedIds(world, base, count, homeDc), creatorId);
    }
    return world.channels.get(channel.id)!;
  });
}

function* generatedIds(world: World, base: number, count: number, homeDc: number): Generator<bigint> {
  for (let i = 0; i < count; i++) yield generatedUser(world, base + i, homeDc);
}

function generatedUser(world: World, n: number, homeDc: number): bigint {
  const phone = `42${String(n).padStart(9, "0")}`;
  const existing = world.accounts.byPhone(phone);
  if (existing !== undefined) return existing.id;
  return world.accounts.create({
    phone,
    firstName: `Member ${n}`,
    lastName: undefined,
    username: undefined,
    bot: false,
    homeDc,
    password: undefined,
    botToken: undefined,
  }).id;
}
