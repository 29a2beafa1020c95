import type { TypeInputMedia, TypeMessageMedia } from "@mtkit/tl-core/api";
import type { RpcContext } from "../api/rpc-context.js";

/**
 * What the world needs from the files beside it to send media (installFiles provides it): the world
 * keeps messages, the files slice keeps the bytes and their expiring file references.
 */
export interface MediaHost {
  /** The MessageMedia for an InputMedia: uploads finished and stored, earlier files checked (400 errors as RpcError). */
  messageMedia(media: TypeInputMedia, ctx: RpcContext): TypeMessageMedia;
  /** A stored message's media as shown now: current file references (https://core.telegram.org/api/file_reference). */
  currentMedia(media: TypeMessageMedia): TypeMessageMedia;
}

/** Where installWorld keeps the MediaHost attached later (undefined: messages.sendMedia answers MEDIA_INVALID). */
export interface MediaSlot {
  host: MediaHost | undefined;
}
