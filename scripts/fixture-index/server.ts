// Starts the fixture package index as a standalone HTTP server (for tests, benchmarks, e2e and the CLI).

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createIndexHandler } from "./index-handler";
import type { IndexHandlerOptions } from "./index-handler";
import type { MountedIndex } from "./index-registry";
import type { StatsSnapshot } from "./request-stats";
import type { Scenario } from "./scenario-loader";

export interface FixtureIndexOptions extends IndexHandlerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port chosen by the OS. */
  port?: number;
}

export interface FixtureIndex {
  /** `http://HOST:PORT` without a trailing slash; an index's Simple root is `${url}/<prefix>/simple/`. */
  url: string;
  port: number;
  /** The mounted indexes (prefix, kind, description). */
  indexes: readonly MountedIndex[];
  /** The loaded scenarios with their cases. */
  scenarios: readonly Scenario[];
  stats(): StatsSnapshot;
  resetStats(): void;
  close(): Promise<void>;
}

/** Listens on host:port and resolves once the server accepts requests (scenario errors reject here). */
export async function startFixtureIndex(options: FixtureIndexOptions = {}): Promise<FixtureIndex> {
  const handler = createIndexHandler(options);
  const registry = await handler.ready();
  const server = createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    indexes: registry.list(),
    scenarios: registry.scenarios,
    stats: () => handler.stats(),
    resetStats: () => handler.resetStats(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
