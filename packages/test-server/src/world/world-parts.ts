import type { WorldStore } from "../store/world-store.js";
import type { Accounts } from "./accounts.js";
import type { Boxes } from "./boxes.js";
import type { Dialogs } from "./dialogs.js";
import type { Expiries } from "./expiries.js";
import type { MessageStore } from "./message-store.js";
import type { WorldChange } from "./world-change.js";
import type { WorldEnv } from "./world-clock.js";

/** The pieces every part of the world shares. */
export interface WorldParts {
  readonly store: WorldStore;
  readonly env: WorldEnv;
  readonly accounts: Accounts;
  readonly boxes: Boxes;
  readonly messages: MessageStore;
  readonly dialogs: Dialogs;
  readonly expiries: Expiries;
  readonly emit: (change: WorldChange) => void;
}
