// The built app served for the browser benchmarks: `vite build` into a folder of their own, `vite preview` of it on a free port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";

/** Vite 8 warns at length that the project's config imports lack file extensions; it loads fine. */
const QUIET = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Builds the app into `outDir` (not dist/, which the e2e tests and other tools use), with Vite's manifest on request. */
export function buildApp(outDir: string, options: { manifest?: boolean } = {}): void {
  console.log(`building into ${outDir} …`);
  const args = ["vite", "build", "--outDir", outDir, "--emptyOutDir", ...(options.manifest ? ["--manifest"] : []), "--logLevel", "warn"];
  const result = spawnSync("npx", args, { stdio: "inherit", env: QUIET });
  if (result.status !== 0) throw new Error(`vite build failed with status ${String(result.status)}`);
}

/** Serves `outDir` (and, through the Vite config, the fixture index under /index) on 127.0.0.1:`port`; resolves once it answers. */
export async function startPreview(outDir: string, port: number): Promise<ChildProcess> {
  const child = spawn("npx", ["vite", "preview", "--outDir", outDir, "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    env: QUIET,
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}
