import type { TypeMessageEntity } from "@mtkit/tl-core/api";
import type { ClientContext } from "./context.js";

/**
 * A mention by user id (`tg://user?id=N`, messageEntityMentionName) is what Telegram sends us, but a
 * client must send inputMessageEntityMentionName with the user's access hash
 * (https://core.telegram.org/api/mentions): looked up in the peer cache here.
 */
export async function resolveMentions(
  ctx: ClientContext,
  entities: readonly TypeMessageEntity[],
  signal: AbortSignal | undefined,
): Promise<TypeMessageEntity[]> {
  return Promise.all(
    entities.map(async (entity): Promise<TypeMessageEntity> => {
      if (entity._ !== "messageEntityMentionName") return entity;
      const userId = await ctx.peers.resolveUser({ _: "peerUser", userId: entity.userId }, signal);
      return { _: "inputMessageEntityMentionName", offset: entity.offset, length: entity.length, userId };
    }),
  );
}
