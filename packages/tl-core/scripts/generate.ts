// Regenerates src/generated/{mtproto,api,secret} from schema/*.tl.
// Run: pnpm --filter @mtkit/tl-core run generate
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { emitLayers } from "../src/codegen/emit-layers.js";
import { generateSchema, type SchemaJob } from "../src/codegen/generate.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (file: string): string => readFileSync(join(root, "schema", file), "utf8");

// In mtproto.tl every `string` is binary (nonces' pq, DH values, encrypted blobs, msgs_state_info's
// status bytes) except these, which are human-readable text.
const MTPROTO_TEXT = new Set(["rpc_error.error_message", "accessPointRule.phone_prefix_rules", "tlsBlockString.data"]);

const jobs: [dir: string, job: SchemaJob][] = [
  // tdesktop's copy; its `// parsed manually` lines (rpc_result, message, msg_container, gzip_packed)
  // are included so the session gets typed objects for them.
  [
    "mtproto",
    {
      file: "mtproto.tl",
      source: read("mtproto.tl"),
      registryName: "mtprotoRegistry",
      includeParsedManually: true,
      textStrings: MTPROTO_TEXT,
    },
  ],
  // telegram_api.tl has no `// LAYER` trailer; TDLib's Version.h says 228 (schema/SOURCES.md).
  [
    "api",
    {
      file: "telegram_api.tl",
      source: read("telegram_api.tl"),
      registryName: "apiRegistry",
      extra: ["/** API layer of this schema (send it with invokeWithLayer). */", "export const LAYER = 228;"],
    },
  ],
  [
    "secret",
    {
      file: "secret_api.tl",
      source: read("secret_api.tl"),
      registryName: "secretRegistry",
      extra: ["/** Newest secret-chat layer in this schema. */", "export const SECRET_LAYER = 144;"],
    },
  ],
];

const started = performance.now();
for (const [dir, job] of jobs) {
  const out = join(root, "src", "generated", dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const [name, text] of generateSchema(job)) writeFileSync(join(out, name), text);
}
// Older API layers (schema/layers/telegram_api.N.tl): only what differs from 228, as data (src/layers).
const layersOut = join(root, "src", "generated", "layers");
rmSync(layersOut, { recursive: true, force: true });
mkdirSync(layersOut, { recursive: true });
const older = readdirSync(join(root, "schema", "layers"))
  .map((file) => /^telegram_api\.(\d+)\.tl$/.exec(file))
  .filter((match) => match !== null)
  .map((match) => ({ layer: Number(match[1]), source: read(`layers/${match[0]}`) }));
writeFileSync(join(layersOut, "data.ts"), emitLayers({ layer: 228, source: read("telegram_api.tl") }, older));

console.log(`generated ${jobs.map(([d]) => d).join(", ")}, layers in ${Math.round(performance.now() - started)} ms`);
