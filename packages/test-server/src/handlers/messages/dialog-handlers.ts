import type { TypeMessage } from "@mtkit/tl-core/api";
import { PeerSet } from "../../wire/peer-set.js";
import { dialogList, type DialogView } from "../../world/dialog-list.js";
import { peerKey } from "../../world/peers.js";
import { requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolvePeer } from "../input-peers.js";

/**
 * messages.getDialogs with offset pagination (https://core.telegram.org/api/offsets#dialogs): pinned
 * dialogs first (unless exclude_pinned or paging past them), then those older than
 * (offset_date, offset_id, offset_peer).
 */
export function registerDialogHandlers(deps: HandlerDeps): void {
  const { server, world, wire } = deps;
  server.handle("messages.getDialogs", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const all = dialogList(world.store, world.dialogs, world.messages, self.id);
    const paging = request.offsetDate > 0 || request.offsetId > 0 || request.offsetPeer._ !== "inputPeerEmpty";
    let candidates = all.filter(
      (view) => !(request.excludePinned === true || paging) || view.dialog.pinnedOrder === undefined,
    );
    if (paging) {
      const offsetPeer =
        request.offsetPeer._ === "inputPeerEmpty" ? undefined : peerKey(resolvePeer(deps, self, request.offsetPeer));
      const index =
        offsetPeer === undefined ? -1 : candidates.findIndex((view) => peerKey(view.dialog.peer) === offsetPeer);
      candidates =
        index >= 0
          ? candidates.slice(index + 1)
          : candidates.filter((view) => olderThan(view, request.offsetDate, request.offsetId));
    }
    const limit = Math.max(0, Math.min(request.limit, 100));
    const page = candidates.slice(0, limit);
    const peers = new PeerSet();
    const messages: TypeMessage[] = [];
    for (const view of page) {
      peers.add(view.dialog.peer);
      if (view.top !== undefined) {
        peers.addMessage(view.top);
        messages.push(wire.message(view.top));
      }
    }
    const dialogs = page.map((view) =>
      wire.dialog(
        view.dialog,
        view.unreadCount,
        view.dialog.peer.kind === "channel" ? world.boxes.channelPts(view.dialog.peer.id) : undefined,
      ),
    );
    const body = { dialogs, messages, ...wire.peers(self.id, peers) };
    if (page.length === all.length) return { _: "messages.dialogs" as const, ...body };
    return { _: "messages.dialogsSlice" as const, count: all.length, ...body };
  });
}

function olderThan(view: DialogView, offsetDate: number, offsetId: number): boolean {
  if (offsetDate > 0 && view.dialog.topDate !== offsetDate) return view.dialog.topDate < offsetDate;
  return offsetId <= 0 || view.dialog.topMessage < offsetId;
}
