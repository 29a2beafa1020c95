// The columns of the rpc benchmark, in table order: one connect function per client library.
import { connectMtkitClient, connectMtkitDriver, type ConnectClient } from "./rpc-clients.js";
import { connectGramJs, connectMtcute } from "./rpc-peers.js";
import { MTKIT_CLIENT } from "./rpc-table.js";

export const COLUMNS: readonly (readonly [string, ConnectClient])[] = [
  [MTKIT_CLIENT, connectMtkitClient],
  ["mtkit driver", connectMtkitDriver],
  ["mtcute", connectMtcute],
  ["GramJS", connectGramJs],
];
