// Run by csp-fallback.test.ts in a Node started with --disallow-code-generation-from-strings, which
// makes `new Function` throw an EvalError as a Content-Security-Policy without 'unsafe-eval' does.
import { decodeObject, encodeObject } from "../src/runtime/codec.js";
import { apiRegistry } from "../src/generated/api/index.js";

let evalBlocked = false;
try {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- checks that the flag took effect
  (new Function("return 1") as () => number)();
} catch (error) {
  evalBlocked = error instanceof EvalError;
}
const value = {
  _: "messages.messages",
  messages: [{ _: "messageEmpty", id: 5, peerId: { _: "peerUser", userId: 7n } }],
  topics: [],
  chats: [],
  users: [{ _: "user", id: 7n, firstName: "Ann", status: { _: "userStatusRecently" } }],
};
const bytes = encodeObject(apiRegistry, value);
const back = decodeObject(apiRegistry, bytes);
process.stdout.write(
  JSON.stringify({ evalBlocked, hex: Buffer.from(bytes).toString("hex"), back }, (_k, v: unknown) =>
    typeof v === "bigint" ? `${v}n` : v,
  ),
);
