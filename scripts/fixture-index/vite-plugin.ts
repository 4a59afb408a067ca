// Vite plugin that mounts the fixture index under `/index/` on the dev and preview servers.

import type { Plugin } from "vite";
import { createIndexHandler } from "./index-handler";
import type { IndexHandlerOptions } from "./index-handler";

/** e.g. `http://127.0.0.1:5173/index/snapshot-2020/simple/`; `basePath` defaults to `/index`. */
export function fixtureIndexPlugin(options: IndexHandlerOptions = {}): Plugin {
  const handler = createIndexHandler({ basePath: "/index", ...options });
  return {
    name: "tangle-fixture-index",
    configureServer(server) {
      server.middlewares.use(handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler);
    },
  };
}
