import { mtcutePeer } from "../src/peers/mtcute-peer.js";
import { describeLibrary } from "./library-suite.js";

// mtcute 0.30.3 (layer 227) through its own high-level API, over each TCP transport @mtcute/node offers.
describeLibrary({
  name: "mtcute",
  transports: ["intermediate", "padded", "obfuscated", "obfuscated-padded"],
  create: mtcutePeer,
  catchesUp: true,
});
