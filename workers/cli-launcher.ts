// Starts the bundled `tangle` program (tangle-core.cjs beside this file) from V8's code cache, so a run skips compiling it.
// The cache is written beside the bundle after a run that had none (or only one from `--version`/`--help`, which compile
// little); a cache V8 refuses (another Node, a damaged file) is compiled around and replaced; an unwritable install has none.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** A digest of tangle-core.cjs, set by scripts/build-cli.ts: a cache belongs to one bundle, whatever its length. */
declare const TANGLE_CORE_DIGEST: string;

/** The cache file's first byte: what kind of run wrote it. */
const WRITTEN_BY = { shortRun: 0, fullRun: 1 } as const;

const corePath = fileURLToPath(new URL("./tangle-core.cjs", import.meta.url));
const cachePath = `${corePath.replace(/\.cjs$/, "")}.${TANGLE_CORE_DIGEST}.${process.version}-${process.arch}.v8cache`;
const args = process.argv.slice(2);
const shortRun = args.length === 0 || args.some((a) => a === "--version" || a === "--help" || a === "-h");

let cached: Buffer | undefined;
let cachedByFullRun = false;
try {
  const file = readFileSync(cachePath);
  cachedByFullRun = file[0] === WRITTEN_BY.fullRun;
  cached = file.subarray(1);
} catch {
  // No cache yet: compile, and write one after the run.
}

let source: string;
try {
  source = readFileSync(corePath, "utf8");
} catch (error) {
  // A broken install (the bundle deleted or never built): say what is missing and how to get it back, not a stack.
  process.stderr.write(`tangle: cannot read ${corePath} (${(error as NodeJS.ErrnoException).code ?? String(error)}): rebuild the command with \`npm run build:cli\`\n`);
  process.exit(70);
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: corePath, cachedData: cached });
const accepted = cached !== undefined && !script.cachedDataRejected;
if (!accepted || (!cachedByFullRun && !shortRun)) process.once("exit", writeCodeCache);

const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
const module = { exports: {} };
run(module.exports, createRequire(corePath), module, corePath, dirname(corePath));

/** After the run, so the functions it compiled are in the cache too. Atomic: a concurrent run reads the old file or the new. */
function writeCodeCache(): void {
  const temporary = `${cachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.of(shortRun ? WRITTEN_BY.shortRun : WRITTEN_BY.fullRun), script.createCachedData()]));
    renameSync(temporary, cachePath);
  } catch {
    // A read-only install runs without a cache: slower to start, nothing else.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}
