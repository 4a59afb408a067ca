// `tangle tree FILE [--invert PKG] [--depth N] [--format text|json]`: the dependency tree of a lock (read as is) or of any input (resolved first).
import type { ResolvedPackageDto } from "../api";
import type { CliIo } from "../cli";
import { renderTextTree, textTree } from "../formats/output/text-tree";
import { canonicalizeName } from "../packaging/names";
import { loadPackages, type CliRunner } from "./load-packages";
import { takeOption, takePositionals } from "./take-option";

export const TREE_USAGE = `Usage: tangle tree FILE [--invert PKG] [--depth N] [--format text|json] [resolve options]

Prints the dependency tree of a lock file (poetry.lock, uv.lock, Pipfile.lock, pylock.toml, pip-compile or
pip freeze output, pip's --report JSON), read as it is for the target (--python, --platform, --arch), or of
any other input, resolved first with the same options as \`tangle resolve\`.

  --invert PKG     show what requires PKG, up to the project's requirements
  --depth N        show N levels (1: the direct requirements only), as uv tree counts
  --format text    as \`uv tree\`: one line per edge, [required: specifier], (*) where a subtree was already shown
  --format json    {"packages": [{"name", "version", "direct", "dependencies": [name, ...]}]}`;

/** `--format json`: every package with its version, whether it is direct, and the names it depends on. */
export function treeJson(packages: readonly ResolvedPackageDto[]): { packages: { name: string; version: string; direct: boolean; dependencies: string[] }[] } {
  const names = new Set(packages.map((p) => p.name));
  return {
    packages: [...packages]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((p) => ({ name: p.name, version: p.version, direct: p.direct, dependencies: [...new Set(p.dependencies.map((d) => d.name))].filter((n) => names.has(n) && n !== p.name).sort() })),
  };
}

export async function runTreeCommand(argv: string[], io: CliIo, runCli: CliRunner): Promise<number> {
  const args = [...argv];
  if (args.includes("-h") || args.includes("--help")) {
    io.stdout(`${TREE_USAGE}\n`);
    return 0;
  }
  let invert: string | null;
  let depthText: string | null;
  let format: string | null;
  try {
    invert = takeOption(args, "--invert");
    depthText = takeOption(args, "--depth");
    format = takeOption(args, "--format") ?? "text";
  } catch (error) {
    io.stderr(`tangle tree: ${(error as Error).message}\n`);
    return 2;
  }
  const depth = depthText === null ? null : Number(depthText);
  if (depth !== null && (!Number.isInteger(depth) || depth < 1)) {
    io.stderr(`tangle tree: --depth must be a whole number of levels, 1 or more (got "${depthText}")\n`);
    return 2;
  }
  if (format !== "text" && format !== "json") {
    io.stderr(`tangle tree: --format must be text or json (got "${format}")\n`);
    return 2;
  }
  const files = takePositionals(args);
  if (files.length !== 1) {
    io.stderr(`tangle tree: ${files.length === 0 ? "missing FILE" : `one FILE (got ${files.join(", ")})`}\n\n${TREE_USAGE}\n`);
    return 2;
  }
  const loaded = await loadPackages(files[0], args, io, runCli);
  if (!loaded.ok) {
    io.stderr(`tangle tree: ${loaded.message}\n`);
    return loaded.status;
  }
  const { packages, rootSpecifiers, warnings } = loaded.loaded;
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
  if (format === "json") {
    io.stdout(`${JSON.stringify(treeJson(packages), null, 2)}\n`);
    return 0;
  }
  const invertName = invert === null ? null : canonicalizeName(invert);
  // The text tree counts levels from 0 (the top lines); uv's --depth counts the direct requirements as 1.
  const tree = textTree(packages, { invert: invertName, depth: depth === null ? null : depth - 1, rootSpecifiers });
  if (!tree.ok) {
    io.stderr(`tangle tree: ${tree.message}\n`);
    return 2;
  }
  io.stdout(renderTextTree(tree, { invert: invertName }));
  return 0;
}
