// The page every bundled browser test loads: its entry bundled by esbuild for platform "browser"
// (so any `node:` import fails the build), served with an HTML page from a local HTTP server.
import { createServer } from "node:http";
import { build } from "esbuild";

/**
 * Bundles `entry` (a file path) and serves it as `/page.js` under an HTML page titled `title` at
 * `/`. Returns the HTTP server (a WebSocket server may share it), its origin and URL, the bundle's
 * input files (to check what it pulled in) and `close`.
 */
export async function serveBundle({ entry, title = "loading" }) {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0].text;
  const html = `<!doctype html><title>${title}</title><script type="module" src="/page.js"></script>`;
  const http = createServer((request, response) => {
    if (request.url === "/page.js") response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else response.writeHead(200, { "content-type": "text/html" }).end(html);
  });
  await new Promise((resolve) => http.listen(0, "127.0.0.1", resolve));
  const origin = `127.0.0.1:${http.address().port}`;
  return {
    http,
    origin,
    url: `http://${origin}/`,
    inputs: Object.keys(bundle.metafile.inputs),
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
