// The portable entry must bundle for browsers with no Node built-ins and no polyfills.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));

describe("browser bundle of the portable entry", () => {
  it("has no node: imports anywhere in its graph", async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      metafile: true,
      logLevel: "silent",
      // Any Node built-in reached from here fails the build instead of being silently shimmed.
      plugins: [
        {
          name: "forbid-node-builtins",
          setup(b) {
            b.onResolve({ filter: /^node:|^(crypto|buffer|fs|path|os|stream|util)$/ }, (args) => ({
              errors: [{ text: `Node built-in "${args.path}" imported from ${args.importer}` }],
            }));
          },
        },
      ],
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes("@noble"))).toBe(true);
    expect(inputs.filter((i) => i.includes("/node/") && !i.includes("node_modules"))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
  });

  it("the Node entry still bundles for platform node (the addon is an optional runtime require)", async () => {
    const nodeEntry = fileURLToPath(new URL("../src/node.ts", import.meta.url));
    const result = await build({
      entryPoints: [nodeEntry],
      bundle: true,
      write: false,
      platform: "node",
      format: "esm",
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
  });

  it("the bundle runs and reproduces an IGE round trip", async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      logLevel: "silent",
    });
    const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0]!.text).toString("base64")}`;
    const mod = (await import(/* @vite-ignore */ url)) as typeof import("../src/index.js");
    const crypto = mod.createPortableCrypto();
    const key = new Uint8Array(32).fill(3);
    const iv = new Uint8Array(32).fill(4);
    const data = new Uint8Array(64).fill(5);
    expect(crypto.aesIgeDecrypt(crypto.aesIgeEncrypt(data, key, iv), key, iv)).toEqual(data);
  });
});
