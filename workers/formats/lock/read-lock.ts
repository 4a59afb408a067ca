// Reads any lock file Tangle knows into a LockedGraph, taking the roots from the project file beside it when the lock does not record them.
import { parseInput } from "../input/parse-input";
import type { InputRequirement, RequirementSource } from "../../api-input";
import { diagnosticAt } from "../input/location";
import { canonicalizeName } from "../../packaging/names";
import { detectLockFormat } from "./detect-lock-format";
import type { LockFormat, LockReadResult, LockedGraph, LockedRoot } from "./locked-graph";
import { readPinnedRequirements } from "./pinned-requirements-reader";
import { readPipReport } from "./pip-report-reader";
import { readPipfileLock } from "./pipfile-lock-reader";
import { readPoetryLock } from "./poetry-lock-reader";
import { readPylock } from "./pylock-reader";
import { readUvLock } from "./uv-lock-reader";

export interface ReadLockOptions {
  /** Overrides detection. */
  format?: LockFormat;
  fileName?: string;
  /** Files beside the lock, by name (`pyproject.toml` for poetry.lock and uv.lock, `Pipfile` for Pipfile.lock). */
  files?: Record<string, string>;
}

/** The project file that declares the requirements a lock format was made from. */
const PROJECT_FILE: Partial<Record<LockFormat, string>> = { "poetry.lock": "pyproject.toml", "uv.lock": "pyproject.toml", "Pipfile.lock": "Pipfile" };

function fromLabel(source: RequirementSource): string {
  return source.kind === "main" ? "main" : `${source.kind}:${canonicalizeName(source.name)}`;
}

function rootOf(req: InputRequirement): LockedRoot {
  return { dependency: { name: canonicalizeName(req.name), specifier: req.specifier, marker: req.marker, extras: req.extras.map(canonicalizeName), version: null }, from: fromLabel(req.source) };
}

function findFile(files: Record<string, string> | undefined, name: string): [string, string] | null {
  for (const [path, text] of Object.entries(files ?? {})) {
    const base = path.replace(/\\/g, "/").split("/").pop() ?? path;
    if (base.toLowerCase() === name.toLowerCase()) return [path, text];
  }
  return null;
}

/** The project's requirements (every extra and group) from its file, as roots. */
function projectRoots(graph: LockedGraph, path: string, text: string): void {
  const all = parseInput(text, { fileName: path });
  const set = parseInput(text, { fileName: path, extras: all.extras, groups: all.groups });
  graph.roots = set.requirements.filter((r) => r.name !== "").map(rootOf);
  graph.rootsKnown = true;
  graph.extras = [...new Set([...graph.extras, ...all.extras.map(canonicalizeName)])];
  graph.groups = [...new Set([...graph.groups, ...all.groups.map(canonicalizeName)])];
  for (const d of set.diagnostics) if (d.severity === "error") graph.diagnostics.push({ ...d, file: d.file ?? path });
}

/** Roots nothing in the lock depends on: the best guess when neither the lock nor a project file names them. */
function guessRoots(graph: LockedGraph): void {
  const depended = new Set(graph.packages.flatMap((p) => [...p.dependencies, ...Object.values(p.optionalDependencies).flat()].map((d) => d.name)));
  graph.roots = graph.packages
    .filter((p) => !depended.has(p.name))
    .map((p) => ({ dependency: { name: p.name, specifier: "", marker: null, extras: [], version: p.version }, from: p.groups[0] && p.groups[0] !== "main" && p.groups[0] !== "default" ? `group:${p.groups[0]}` : "main" }));
  graph.rootsKnown = false;
}

export function readLock(text: string, options: ReadLockOptions = {}): LockReadResult {
  const fileName = options.fileName ?? "lock";
  const format = options.format ?? detectLockFormat(text, options.fileName);
  if (format === null) {
    return { ok: false, diagnostics: [diagnosticAt("error", { line: 1, column: 1 }, "not a lock file Tangle reads (poetry.lock, uv.lock, Pipfile.lock, pylock.toml, pip-compile or pip freeze output, pip's --report JSON)", { file: fileName })] };
  }
  let result: LockReadResult;
  switch (format) {
    case "poetry.lock":
      result = readPoetryLock(text, fileName);
      break;
    case "uv.lock":
      result = readUvLock(text, fileName);
      break;
    case "Pipfile.lock":
      result = readPipfileLock(text, fileName);
      break;
    case "pylock.toml":
      result = readPylock(text, fileName);
      break;
    case "pip-report":
      result = readPipReport(text, fileName);
      break;
    case "pip-compile":
    case "pip-freeze":
      result = readPinnedRequirements(text, format, fileName);
      break;
  }
  if (!result.ok) return result;
  const graph = result.graph;
  const projectFile = PROJECT_FILE[format];
  const beside = projectFile ? findFile(options.files, projectFile) : null;
  if (beside && (!graph.rootsKnown || format === "Pipfile.lock")) projectRoots(graph, beside[0], beside[1]);
  if (!graph.rootsKnown && graph.edges === "declared") {
    guessRoots(graph);
    graph.diagnostics.push(
      diagnosticAt("info", { line: 1, column: 1 }, `no ${projectFile ?? "project file"} beside the lock: the direct requirements are taken to be the packages nothing else depends on`, { file: fileName }),
    );
  }
  return result;
}
