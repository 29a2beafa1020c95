// What is in the browser client bundle (issue 14): the same program as the budget test, bundled by
// esbuild (minified, browser, no splitting), then for each group of inputs (a package, a folder of
// the client, a generated schema file) its raw bytes in the output and its marginal gzip cost: the
// gzipped bundle minus the gzipped bundle with that group's bytes cut out (the source map says
// which output bytes came from which input). Run: `pnpm --filter @mtkit/client run bundle:breakdown`
// after a build; pass another program as the first argument to measure that instead.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const program =
  process.argv[2] ??
  `import { TelegramClient } from "./dist/index.js";
   new TelegramClient({ apiId: 1, apiHash: "0" }).invoke({ _: "help.getNearestDc" });`;

/** A readable group for one source path of the map (paths are relative to this package). */
function groupOf(source: string): string {
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(source);
  if (npm !== null) return `npm ${npm[1] ?? ""}`;
  const ours = /^(?:\.\.\/([^/]+)\/)?(?:src|dist)\/(.*)$/.exec(source);
  if (ours === null) return source;
  const [, pkg = "client", file = ""] = ours;
  if (pkg === "tl-core") {
    const generated = /^generated\/([^/]+)\/([^.]+)/.exec(file);
    return generated === null ? "tl-core runtime" : `tl-core ${generated[1] ?? ""} ${generated[2] ?? ""}`;
  }
  return pkg === "client" ? `client ${file.split("/")[0]?.replace(/\.[jt]s$/, "") ?? ""}` : pkg;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Source-map "mappings": per output line, [column, source index] of each segment (VLQ, fields are deltas). */
function decodeMappings(mappings: string): [number, number][][] {
  const lines: [number, number][][] = [];
  let source = 0;
  for (const line of mappings.split(";")) {
    const segments: [number, number][] = [];
    let column = 0;
    for (const segment of line.split(",")) {
      if (segment === "") continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        shift += 5;
        if ((digit & 32) === 0) {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length > 1) source += fields[1] ?? 0;
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

const result = await build({
  stdin: { contents: program, resolveDir: fileURLToPath(new URL("..", import.meta.url)), loader: "js" },
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  write: false,
  sourcemap: "external",
  outfile: "bundle.js",
  logLevel: "silent",
});
const code = result.outputFiles.find((file) => file.path.endsWith(".js"))!.text;
const map = JSON.parse(result.outputFiles.find((file) => file.path.endsWith(".map"))!.text) as {
  sources: string[];
  mappings: string;
};
const gz = (text: string): number => gzipSync(Buffer.from(text), { level: 9 }).length;
const lines = code.split("\n");
const groups = map.sources.map(groupOf);
/** group -> per output line, the [start, end) column ranges it owns. */
const owned = new Map<string, Map<number, [number, number][]>>();
let lastSource = -1;
decodeMappings(map.mappings).forEach((mapped, line) => {
  // A line without mappings continues the last segment's source (a multi-line template literal such
  // as tl-core's schema tables).
  const segments: [number, number][] = mapped.length === 0 ? [[0, lastSource]] : mapped;
  lastSource = segments[segments.length - 1]![1];
  segments.forEach(([start, source], i) => {
    const group = source < 0 ? "(unmapped)" : (groups[source] ?? "(unmapped)");
    const end = segments[i + 1]?.[0] ?? lines[line]?.length ?? start;
    const byLine = owned.get(group) ?? new Map<number, [number, number][]>();
    owned.set(group, byLine);
    byLine.set(line, [...(byLine.get(line) ?? []), [start, end]]);
  });
});

const total = gz(code);
const rows: { group: string; raw: number; gz: number }[] = [];
for (const [group, byLine] of owned) {
  let raw = 0;
  const without = lines.map((text, line) => {
    const ranges = byLine.get(line);
    if (ranges === undefined) return text;
    let kept = "";
    let at = 0;
    for (const [start, end] of ranges) {
      kept += text.slice(at, start);
      raw += end - start;
      at = end;
    }
    return kept + text.slice(at);
  });
  rows.push({ group, raw, gz: total - gz(without.join("\n")) });
}
rows.sort((a, b) => b.gz - a.gz);
const kb = (bytes: number): string => (bytes / 1000).toFixed(1).padStart(6);
console.log(`whole bundle: ${kb(code.length)} KB raw, ${kb(total)} KB gzipped`);
console.log("   gz KB   raw KB  group (gz: what removing the group saves)");
for (const row of rows) if (row.gz >= 100) console.log(`${kb(row.gz)}   ${kb(row.raw)}  ${row.group}`);
