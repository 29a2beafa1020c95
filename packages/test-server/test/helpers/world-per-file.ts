import { afterAll, beforeAll } from "vitest";
import {
  installWorld,
  TestServer,
  type TestServerOptions,
  type WorldServer,
  type WorldServerOptions,
} from "../../src/index.js";
import { loginTestNumber, type WorldClient } from "../world/world-client.js";

/** A test server with the world installed, shared by the tests of one file. */
export interface WorldPerFile {
  readonly server: TestServer;
  readonly world: WorldServer;
  /** Logs a test number in over a raw session driver (world-client.ts); closed after the file's tests. */
  readonly login: (phone: string) => Promise<WorldClient>;
}

/**
 * Starts the server and installs the world before the file's tests, and closes the clients that
 * `login` opened, the server and the world after them. Call it at the top level of a test file.
 */
export function worldPerFile(
  serverOptions: TestServerOptions = {},
  worldOptions: WorldServerOptions = {},
): WorldPerFile {
  let running: { readonly server: TestServer; readonly world: WorldServer } | undefined;
  const clients: WorldClient[] = [];
  const started = (): { readonly server: TestServer; readonly world: WorldServer } => {
    if (running === undefined) throw new Error("worldPerFile: the server runs only during the file's tests");
    return running;
  };
  beforeAll(async () => {
    const server = await TestServer.start(serverOptions);
    running = { server, world: installWorld(server, worldOptions) };
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.driver.close()));
    await running?.server.close();
    running?.world.close();
  });
  return {
    get server() {
      return started().server;
    },
    get world() {
      return started().world;
    },
    login: async (phone) => {
      const client = await loginTestNumber(started().server, phone);
      clients.push(client);
      return client;
    },
  };
}
