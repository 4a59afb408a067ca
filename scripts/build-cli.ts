// Builds the `tangle` command: one ES module bundle (esbuild) that Node starts without compiling TypeScript.
// Usage: npx tsx scripts/build-cli.ts   (run by `npm install` through `prepare`, and by `npm test` before the tests)
import { chmodSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where the bundle goes: package.json's `bin` points here. */
export const CLI_BUNDLE = `${ROOT}dist-cli/tangle.mjs`;

/** Writes the bundle; returns its size in bytes. */
export async function buildCli(): Promise<number> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["workers/cli.ts"],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Node's own modules stay imports; everything else (smol-toml, ...) is inlined, so the bundle needs no node_modules.
    packages: "bundle",
    banner: { js: "#!/usr/bin/env node" },
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
  chmodSync(CLI_BUNDLE, 0o755);
  return Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const bytes = await buildCli();
  console.log(`built ${CLI_BUNDLE.slice(ROOT.length)} (${(bytes / 1024).toFixed(0)} KiB)`);
}
