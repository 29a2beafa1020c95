import { RpcError } from "../../api/rpc-error.js";
import { normalizePhone } from "../auth/login-state.js";
import { requireAccount, type HandlerDeps } from "../handler-deps.js";
import { PeerSet } from "../../wire/peer-set.js";

/** contacts.importContacts, getContacts, resolveUsername (https://core.telegram.org/api/contacts). */
export function registerContactHandlers(deps: HandlerDeps): void {
  const { server, wire, world } = deps;

  server.handle("contacts.importContacts", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const imported: { _: "importedContact"; userId: bigint; clientId: bigint }[] = [];
    const peers = new PeerSet();
    for (const contact of request.contacts) {
      const account = world.accounts.importContact(
        self.id,
        normalizePhone(contact.phone),
        contact.firstName,
        contact.lastName,
      );
      if (account === undefined) continue;
      imported.push({ _: "importedContact", userId: account.id, clientId: contact.clientId });
      peers.addUser(account.id);
    }
    return {
      _: "contacts.importedContacts" as const,
      imported,
      popularInvites: [],
      retryContacts: [],
      users: wire.peers(self.id, peers).users,
    };
  });

  server.handle("contacts.getContacts", (_request, ctx) => {
    const self = requireAccount(deps, ctx);
    const ids = world.accounts.contacts(self.id);
    const peers = new PeerSet();
    for (const id of ids) peers.addUser(id);
    return {
      _: "contacts.contacts" as const,
      contacts: ids.map((userId) => ({
        _: "contact" as const,
        userId,
        mutual: world.accounts.isContact(userId, self.id),
      })),
      savedCount: 0,
      users: wire.peers(self.id, peers).users,
    };
  });

  server.handle("contacts.resolveUsername", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peer = world.accounts.resolveUsername(request.username);
    if (peer === undefined) throw new RpcError(400, "USERNAME_NOT_OCCUPIED");
    const { users, chats } = wire.peers(self.id, new PeerSet().add(peer));
    return { _: "contacts.resolvedPeer" as const, peer: wire.peer(peer), chats, users };
  });
}
