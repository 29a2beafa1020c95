import { MemoryWorldStore } from "../store/memory-store.js";
import type { WorldStore } from "../store/world-store.js";
import { Accounts } from "./accounts.js";
import { AutoDelete } from "./auto-delete.js";
import { BasicGroups } from "./basic-groups.js";
import { Boxes } from "./boxes.js";
import { Channels } from "./channels.js";
import { ChatMessaging } from "./chat-messaging.js";
import { Dialogs } from "./dialogs.js";
import { Expiries } from "./expiries.js";
import { MessageStore } from "./message-store.js";
import type { WorldChange, WorldListener } from "./world-change.js";
import type { WorldEnv } from "./world-clock.js";
import { WorldLookup } from "./world-lookup.js";
import type { WorldParts } from "./world-parts.js";

export interface WorldOptions {
  /** Default: a new `MemoryWorldStore`. */
  readonly store?: WorldStore;
  readonly env: WorldEnv;
}

/**
 * A small Telegram without RPC: accounts, contacts, private chats, basic groups, channels, messages
 * and update boxes. Every operation is synchronous and announces what changed to the listeners.
 */
export class World {
  readonly store: WorldStore;
  readonly env: WorldEnv;
  readonly accounts: Accounts;
  readonly boxes: Boxes;
  readonly messages: MessageStore;
  readonly dialogs: Dialogs;
  readonly expiries: Expiries;
  readonly chatMessaging: ChatMessaging;
  readonly channels: Channels;
  readonly basicGroups: BasicGroups;
  readonly autoDelete: AutoDelete;
  readonly lookup: WorldLookup;
  private readonly listeners = new Set<WorldListener>();

  constructor(options: WorldOptions) {
    this.store = options.store ?? new MemoryWorldStore();
    this.env = options.env;
    this.accounts = new Accounts(this.store, this.env);
    this.boxes = new Boxes(this.store, this.env, (change) => {
      this.emit(change);
    });
    this.messages = new MessageStore(this.store);
    this.dialogs = new Dialogs(this.store);
    this.expiries = new Expiries(this.store);
    this.chatMessaging = new ChatMessaging(this.parts);
    this.channels = new Channels(this.parts);
    this.basicGroups = new BasicGroups(this.parts, this.chatMessaging);
    this.autoDelete = new AutoDelete(this.parts, this.chatMessaging, this.basicGroups, this.channels);
    this.lookup = new WorldLookup(this.store);
  }

  /** What the parts of the world share (for the parts added beside this class). */
  get parts(): WorldParts {
    return {
      store: this.store,
      env: this.env,
      accounts: this.accounts,
      boxes: this.boxes,
      messages: this.messages,
      dialogs: this.dialogs,
      expiries: this.expiries,
      emit: (change) => {
        this.emit(change);
      },
    };
  }

  /** Calls `listener` with every change; returns the unsubscribe function. */
  subscribe(listener: WorldListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: WorldChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
