// What answering older layers costs the server (issue 16), on the TL benchmark's messages.messages
// (100 messages + 50 users): encode in 228 with the generated registry (the path mtkit clients take)
// and converted to 227 (mtcute) and 198 (GramJS); decode 228 bytes with the generated registry and
// with the any-layer registry the server's session now uses. Run: pnpm --filter @mtkit/bench run bench:layers
import { decodeObject, encodeObject, type TlObject, type TlRegistry } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";
import { anyLayerRegistry, registryForLayer } from "@mtkit/tl-core/layers";
import { do_not_optimize, measure } from "mitata";
import { mtkitPayload } from "./tl-mtkit.js";

interface Row {
  readonly name: string;
  readonly run: () => unknown;
}

async function runLayersBench(): Promise<void> {
  const payload: TlObject = mtkitPayload();
  const bytes228 = encodeObject(apiRegistry, payload);
  const any = anyLayerRegistry();
  const encodeIn = (registry: TlRegistry) => (): unknown => encodeObject(registry, payload);
  const rows: Row[] = [
    { name: "encode 228 (generated, mtkit clients)", run: encodeIn(apiRegistry) },
    { name: "encode converted to 227 (mtcute)", run: encodeIn(registryForLayer(227)) },
    { name: "encode converted to 198 (GramJS)", run: encodeIn(registryForLayer(198)) },
    { name: "decode 228 bytes, generated registry", run: () => decodeObject(apiRegistry, bytes228) },
    { name: "decode 228 bytes, any-layer registry", run: () => decodeObject(any, bytes228) },
  ];
  console.log(`layers: messages.messages (100 messages + 50 users), ${bytes228.length} bytes in 228`);
  for (const row of rows) {
    const stats = await measure(
      () => {
        do_not_optimize(row.run());
      },
      { min_cpu_time: 500e6 },
    );
    console.log(`  ${row.name.padEnd(42)} ${(stats.p50 / 1e3).toFixed(1).padStart(8)} µs p50`);
  }
}

await runLayersBench();
