import { parseArgs } from "node:util";

export interface CliOptions {
  readonly host: string;
  readonly port: number;
  readonly dcs: number;
  readonly ws: boolean;
  readonly http: boolean;
  readonly keyFile: string | undefined;
  readonly secrets: string[];
  readonly json: boolean;
  readonly help: boolean;
  /** Keep the world in this directory (SQLite). */
  readonly dataDir: string | undefined;
  readonly users: string[];
  readonly bots: string[];
  readonly groups: string[];
  readonly seedFile: string | undefined;
}

export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
  readonly code = "BAD_ARGUMENT";
}

export const USAGE = `Usage: mtkit-test-server [options]
  --host HOST     interface to listen on (default 127.0.0.1)
  --port N        TCP port of the first DC, the others follow (default 0 = random)
  --dcs N         number of DCs (default 1)
  --ws            also listen on WebSocket (one port per DC)
  --http          also listen for the HTTP transport, POST /api (one port per DC)
  --key FILE      PEM RSA private key to load (default: generate one)
  --secret HEX    accept this MTProxy secret (repeatable; 16 bytes, dd+16, ee+16+domain)
  --data DIR      keep the world (accounts, chats, messages, updates) in DIR/world.sqlite
  --user SPEC     seed a user: PHONE[:FIRST[:USERNAME]] (repeatable; test numbers 99966XYYYY need none)
  --bot SPEC      seed a bot: USERNAME=TOKEN (repeatable)
  --group SPEC    seed a supergroup with generated members: TITLE=MEMBERS (repeatable; 200000 is fine)
  --seed FILE     seed from JSON: {"users":[...],"bots":[...],"groups":[{"title","generatedMembers","memberPhones"}]}
  --json          print one JSON line once listening instead of the banner
  --help          show this text`;

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new CliUsageError(`--${name} must be an integer in ${min}..${max}, got "${value}"`);
  }
  return parsed;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        host: { type: "string" },
        port: { type: "string" },
        dcs: { type: "string" },
        ws: { type: "boolean" },
        http: { type: "boolean" },
        key: { type: "string" },
        secret: { type: "string", multiple: true },
        json: { type: "boolean" },
        data: { type: "string" },
        user: { type: "string", multiple: true },
        bot: { type: "string", multiple: true },
        group: { type: "string", multiple: true },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  for (const secret of values.secret ?? []) {
    if (!/^(?:[0-9a-f]{2})+$/i.test(secret)) throw new CliUsageError(`--secret must be hex, got "${secret}"`);
  }
  return {
    host: values.host ?? "127.0.0.1",
    port: integer("port", values.port, 0, 0, 65535),
    dcs: integer("dcs", values.dcs, 1, 1, 16),
    ws: values.ws ?? false,
    http: values.http ?? false,
    keyFile: values.key,
    secrets: values.secret ?? [],
    json: values.json ?? false,
    help: values.help ?? false,
    dataDir: values.data,
    users: values.user ?? [],
    bots: values.bot ?? [],
    groups: values.group ?? [],
    seedFile: values.seed,
  };
}
