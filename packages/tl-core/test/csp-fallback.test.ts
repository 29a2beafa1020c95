// Under a Content-Security-Policy without 'unsafe-eval', `new Function` throws; the table registry must
// then build its readers and writers from closures. A child Node process started with
// --disallow-code-generation-from-strings is such an environment (EvalError, as in a browser).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import * as entries from "../src/generated/api/entries.js";
import { decodeObject, encodeObject } from "../src/runtime/codec.js";
import { registryOf } from "../src/runtime/registry.js";
import type { TlObject } from "../src/runtime/types.js";

const child = fileURLToPath(new URL("./csp-child.ts", import.meta.url));

it("where code generation is forbidden, the API registry falls back to closures and gives the same bytes and object", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--disallow-code-generation-from-strings", "--import", "tsx", child],
    { timeout: 60_000 },
  );
  const { evalBlocked, hex, back } = JSON.parse(stdout) as { evalBlocked: boolean; hex: string; back: unknown };
  expect(evalBlocked).toBe(true);
  const generated = registryOf(Object.values(entries));
  const bytes = Buffer.from(hex, "hex");
  const expected = decodeObject(generated, bytes) as TlObject;
  expect(Buffer.from(encodeObject(generated, expected)).toString("hex")).toBe(hex);
  expect(back).toEqual(JSON.parse(JSON.stringify(expected, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))));
  expect((expected as unknown as { users: { firstName: string }[] }).users[0]?.firstName).toBe("Ann");
}, 90_000);
