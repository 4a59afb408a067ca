// The Vite plugin mounts the index under /index/ on a real Vite dev server; other paths still reach Vite.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { createServer } from "vite";
import { describe, expect, it } from "vitest";
import { fixtureIndexPlugin } from "./vite-plugin";

describe("fixtureIndexPlugin", () => {
  it("serves /index/<prefix>/simple/ from the dev server and leaves other paths to Vite", async () => {
    const root = mkdtempSync(join(tmpdir(), "fixture-vite-"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>app</title>");
    const plugin = fixtureIndexPlugin();
    expect(plugin.name).toBe("tangle-fixture-index");
    expect(typeof plugin.configurePreviewServer).toBe("function");
    const server = await createServer({ root, configFile: false, logLevel: "silent", plugins: [plugin], server: { port: 0, host: "127.0.0.1" }, optimizeDeps: { noDiscovery: true } });
    await server.listen();
    try {
      const port = (server.httpServer?.address() as AddressInfo).port;
      const base = `http://127.0.0.1:${port}`;
      const page = await fetch(`${base}/index/scenarios/yanked/simple/pinned-lib/`, { headers: { Accept: "application/vnd.pypi.simple.v1+json" } });
      expect(page.status).toBe(200);
      const body = (await page.json()) as { files: { url: string }[] };
      expect(body.files[0]?.url).toBe(`${base}/index/scenarios/yanked/files/pinned_lib-1.0.0-py3-none-any.whl`);
      const redirect = await fetch(`${base}/index/scenarios/yanked/simple/Pinned_Lib/`, { redirect: "manual" });
      expect(redirect.headers.get("location")).toBe("/index/scenarios/yanked/simple/pinned-lib/");
      const app = await fetch(`${base}/`);
      expect(await app.text()).toContain("<title>app</title>");
    } finally {
      await server.close();
    }
  });
});
