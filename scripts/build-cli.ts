// Builds the `tangle` command, which Node starts without compiling TypeScript: the program as one CommonJS bundle
// (esbuild, dist-cli/tangle-core.cjs) and the launcher package.json's `bin` names (dist-cli/tangle.cjs), which runs the
// bundle from V8's code cache (workers/cli-launcher.ts).
// Usage: npx tsx scripts/build-cli.ts   (run by `npm install` through `prepare`, and by `npm test` before the tests)
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = `${ROOT}dist-cli/`;

/** Where the command goes: package.json's `bin` points here. */
export const CLI_BUNDLE = `${OUT_DIR}tangle.cjs`;
/** The program itself, which the launcher runs. */
export const CLI_CORE = `${OUT_DIR}tangle-core.cjs`;

/** Writes the program and its launcher, and drops code caches of earlier builds; returns the bytes written. */
export async function buildCli(): Promise<number> {
  const core = await build({
    absWorkingDir: ROOT,
    entryPoints: ["workers/cli-main.ts"],
    outfile: CLI_CORE,
    bundle: true,
    platform: "node",
    // CommonJS, so the launcher can compile it with a code cache (node:vm has no stable cache for ES modules in Node 20).
    format: "cjs",
    target: "node20",
    // Node's own modules stay imports; everything else (smol-toml, ...) is inlined, so the bundle needs no node_modules.
    packages: "bundle",
    banner: { js: '"use strict";' },
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  const [coreFile] = core.outputFiles;
  mkdirSync(OUT_DIR, { recursive: true });
  const digest = createHash("sha256").update(coreFile.contents).digest("hex").slice(0, 16);
  const launcher = await build({
    absWorkingDir: ROOT,
    entryPoints: ["workers/cli-launcher.ts"],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: "node",
    // CommonJS too: Node starts a CommonJS main without its ES module loader (~5 ms of every run).
    format: "cjs",
    target: "node20",
    define: { TANGLE_CORE_DIGEST: JSON.stringify(digest), "import.meta.url": "__launcherUrl" },
    banner: { js: '#!/usr/bin/env node\n"use strict";\nconst __launcherUrl = require("node:url").pathToFileURL(__filename).href;' },
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  // The program first, then the launcher that names its digest; each replaced whole, so a `tangle` started meanwhile
  // (or a test building at the same time) never reads half a file.
  replaceFile(CLI_CORE, coreFile.contents);
  replaceFile(CLI_BUNDLE, launcher.outputFiles[0].contents, 0o755);
  for (const name of readdirSync(OUT_DIR)) {
    if (name.endsWith(".v8cache") && !name.includes(`.${digest}.`)) rmSync(`${OUT_DIR}${name}`, { force: true });
  }
  return statSync(CLI_CORE).size + statSync(CLI_BUNDLE).size;
}

function replaceFile(path: string, contents: Uint8Array, mode = 0o644): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents, { mode });
  renameSync(temporary, path);
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const bytes = await buildCli();
  console.log(`built ${CLI_BUNDLE.slice(ROOT.length)} and ${CLI_CORE.slice(ROOT.length)} (${(bytes / 1024).toFixed(0)} KiB)`);
}
