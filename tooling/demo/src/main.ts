// The README's demo: an mtkit client against the embedded MTProto test server. Part 1 walks the
// layers (transport, auth key, session); part 2 uses the full client. Each step prints its time.
import { clientDemo } from "./client-demo.js";
import { filesDemo } from "./files-demo.js";
import { layersDemo } from "./layers-demo.js";
import { messagingDemo } from "./messaging-demo.js";
import { secretDemo } from "./secret-demo.js";

console.log("mtkit demo: mtkit against the embedded MTProto test server (no internet needed)\n");
await layersDemo();
await clientDemo();
await filesDemo();
await messagingDemo();
await secretDemo();
console.log("\ndone");
