#!/usr/bin/env node
// `mtkit-test-server`: run the test server from a shell (see README.md).
import { readFileSync } from "node:fs";
import { CliUsageError, parseCliArgs, USAGE } from "./cli/parse-cli-args.js";
import { describeServerBanner, describeServerJson } from "./cli/describe-server.js";
import { installFiles } from "./files/install-files.js";
import { installWorld } from "./install/install-world.js";
import { planFromFile, planFromFlags, seedWorld, type SeedPlan } from "./cli/seed-world.js";
import { limitHeapGrowth } from "./server/heap-growth.js";
import { TestServer } from "./server/test-server.js";
import { SqliteWorldStore } from "./store/sqlite-store.js";

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const plans: SeedPlan[] = [planFromFlags(options.users, options.bots, options.groups)];
  if (options.seedFile !== undefined) plans.push(planFromFile(options.seedFile));
  // Registered first: a signal that arrives while the key is generated still ends the process cleanly.
  const state: { server: TestServer | undefined; stopping: boolean } = { server: undefined, stopping: false };
  const stop = (): void => {
    state.stopping = true;
    void (state.server?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const server = await TestServer.start({
    host: options.host,
    port: options.port,
    dcs: options.dcs,
    ws: options.ws,
    http: options.http,
    secrets: options.secrets,
    ...(options.keyFile === undefined ? {} : { rsaKey: readFileSync(options.keyFile, "utf8") }),
  });
  state.server = server;
  if (state.stopping) {
    stop();
    return;
  }
  const world = installWorld(server, {
    ...(options.dataDir === undefined ? {} : { store: SqliteWorldStore.open(options.dataDir) }),
    // On stderr so the --json line stays the only thing on stdout; test numbers need none of this.
    onLoginCode: (phone, code) => {
      console.error(`login code for +${phone}: ${code}`);
    },
  });
  process.once("exit", () => {
    world.close();
  });
  // Uploads and downloads (kept in memory): a client library's file code is tested against the CLI too.
  installFiles(server);
  const seeded = seedWorld(world, plans);
  // A server process: its memory budget holds under a connection flood only with V8 collecting early.
  // Set after the seeding, which builds its heap at start-up and would only pay more full collections.
  limitHeapGrowth();
  console.log(options.json ? describeServerJson(server, seeded) : describeServerBanner(server, seeded));
}

main().catch((error: unknown) => {
  console.error(error instanceof CliUsageError ? `${error.message}\n\n${USAGE}` : error);
  process.exit(error instanceof CliUsageError ? 2 : 1);
});
