import { mtkitPeer } from "../src/peers/mtkit-peer.js";
import { describeLibrary } from "./library-suite.js";

// mtkit's own client runs the scenarios every peer library runs (mtcute.test.ts, gramjs.test.ts).
describeLibrary({
  name: "mtkit",
  transports: ["intermediate", "abridged", "padded", "full", "websocket"],
  create: mtkitPeer,
  catchesUp: true,
});
