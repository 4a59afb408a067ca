// Loads hand-written scenario indexes: the snapshot format plus per-release knobs (see README.md).

import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { FileDecl, IndexData, ProjectDecl, ReleaseDecl, Yanked } from "./index-model";
import { parseDistFilename, filenameMatchesRelease } from "./dist-filename";
import { withExtraMarker } from "./extra-markers";
import { normalizeName } from "./project-name";

/** A resolution a scenario is written to exercise, checked against pip by check-pip-install.ts. */
export interface ScenarioCase {
  name: string;
  requirements: string[];
  /** Target Python `X.Y`. */
  python: string;
  /** Target platform tag for wheels (pip `--platform`), e.g. `win_amd64`; default: this machine's. */
  platform?: string;
  /** The pinned set pip chooses, or `"no-solution"` when the requirements cannot be satisfied. */
  result: Record<string, string> | "no-solution";
  /** False when pip cannot check the case here (e.g. it needs an sdist for another interpreter). */
  pip: boolean;
}

export interface Scenario {
  name: string;
  description: string;
  cases: ScenarioCase[];
  index: IndexData;
}

/** A scenario file that breaks the format: says which file and which JSON path. */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly path: string,
    what: string,
  ) {
    super(`${source}: ${path}: ${what}`);
  }
}

const DEFAULT_RECORDED = "2024-01-01T00:00:00Z";
const META_KEY = "$scenario";
const RELEASE_KEYS = new Set(["dependencies", "extras", "requiresPython", "yanked", "uploadTime", "metadata", "files", "summary", "license"]);
const FILE_KEYS = new Set(["filename", "requiresPython", "yanked", "uploadTime", "metadata"]);
const META_KEYS = new Set(["description", "recorded", "cases"]);
const CASE_KEYS = new Set(["name", "requirements", "python", "platform", "result", "pip"]);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

class Reader {
  constructor(readonly source: string) {}

  fail(path: string, what: string): never {
    throw new ScenarioError(this.source, path, what);
  }

  record(x: unknown, path: string, allowed?: Set<string>): Record<string, unknown> {
    if (!isRecord(x)) this.fail(path, "expected an object");
    if (allowed) for (const k of Object.keys(x)) if (!allowed.has(k)) this.fail(`${path}.${k}`, `unknown key (allowed: ${[...allowed].join(", ")})`);
    return x;
  }

  strings(x: unknown, path: string): string[] {
    if (!Array.isArray(x) || !x.every((s) => typeof s === "string")) this.fail(path, "expected an array of strings");
    return x as string[];
  }

  string(x: unknown, path: string): string {
    if (typeof x !== "string") this.fail(path, "expected a string");
    return x;
  }

  bool(x: unknown, path: string): boolean {
    if (typeof x !== "boolean") this.fail(path, "expected true or false");
    return x;
  }

  yanked(x: unknown, path: string): Yanked {
    if (typeof x !== "boolean" && typeof x !== "string") this.fail(path, "expected true, false or a reason string");
    return x;
  }

  instant(x: unknown, path: string): string {
    const s = this.string(x, path);
    const t = Date.parse(s);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(s) || Number.isNaN(t)) this.fail(path, `expected an ISO 8601 date-time, got ${JSON.stringify(s)}`);
    return new Date(t).toISOString();
  }
}

function readFileDecl(r: Reader, x: unknown, path: string, project: string, version: string): FileDecl {
  const decl: FileDecl = typeof x === "string" ? { filename: x } : { filename: r.string(r.record(x, path, FILE_KEYS).filename, `${path}.filename`) };
  const parsed = parseDistFilename(decl.filename);
  if (parsed === null) r.fail(path, `${JSON.stringify(decl.filename)} is neither a wheel (.whl) nor an sdist (.tar.gz, .zip)`);
  if (!filenameMatchesRelease(parsed, project, version)) r.fail(path, `${JSON.stringify(decl.filename)} is not a file of ${project} ${version}`);
  if (isRecord(x)) {
    if (x.requiresPython !== undefined) decl.requiresPython = x.requiresPython === null ? null : r.string(x.requiresPython, `${path}.requiresPython`);
    if (x.yanked !== undefined) decl.yanked = r.yanked(x.yanked, `${path}.yanked`);
    if (x.uploadTime !== undefined) decl.uploadTime = r.instant(x.uploadTime, `${path}.uploadTime`);
    if (x.metadata !== undefined) decl.metadata = r.bool(x.metadata, `${path}.metadata`);
  }
  return decl;
}

function readRelease(r: Reader, x: unknown, path: string, project: string, version: string, scenario: string): ReleaseDecl {
  const rel = r.record(x, path, RELEASE_KEYS);
  const requiresDist = rel.dependencies === undefined ? [] : [...r.strings(rel.dependencies, `${path}.dependencies`)];
  if (rel.extras !== undefined) {
    for (const [extra, deps] of Object.entries(r.record(rel.extras, `${path}.extras`))) {
      for (const d of r.strings(deps, `${path}.extras.${extra}`)) requiresDist.push(withExtraMarker(d, extra));
    }
  }
  const out: ReleaseDecl = {
    version,
    requiresDist,
    metadataKnown: rel.metadata === undefined ? true : r.bool(rel.metadata, `${path}.metadata`),
    requiresPython: rel.requiresPython === undefined ? null : r.string(rel.requiresPython, `${path}.requiresPython`),
    yanked: rel.yanked === undefined ? false : r.yanked(rel.yanked, `${path}.yanked`),
    summary: rel.summary === undefined ? `${project} (fixture scenario ${scenario})` : r.string(rel.summary, `${path}.summary`),
    license: rel.license === undefined ? "MIT" : r.string(rel.license, `${path}.license`),
  };
  if (rel.uploadTime !== undefined) out.uploadTime = r.instant(rel.uploadTime, `${path}.uploadTime`);
  if (rel.files !== undefined) {
    if (!Array.isArray(rel.files)) r.fail(`${path}.files`, "expected an array of filenames or { filename, ... } objects");
    out.files = rel.files.map((f, i) => readFileDecl(r, f, `${path}.files[${i}]`, project, version));
    const names = new Set(out.files.map((f) => f.filename));
    if (names.size !== out.files.length) r.fail(`${path}.files`, "the same filename is listed twice");
  }
  return out;
}

function readCase(r: Reader, x: unknown, path: string): ScenarioCase {
  const c = r.record(x, path, CASE_KEYS);
  const python = r.string(c.python, `${path}.python`);
  if (!/^\d+\.\d+$/.test(python)) r.fail(`${path}.python`, `expected X.Y, got ${JSON.stringify(python)}`);
  let result: ScenarioCase["result"];
  if (c.result === "no-solution") result = "no-solution";
  else {
    const pins = r.record(c.result, `${path}.result`);
    result = {};
    for (const [name, v] of Object.entries(pins)) result[normalizeName(name)] = r.string(v, `${path}.result.${name}`);
  }
  const out: ScenarioCase = {
    name: r.string(c.name, `${path}.name`),
    requirements: r.strings(c.requirements, `${path}.requirements`),
    python,
    result,
    pip: c.pip === undefined ? true : r.bool(c.pip, `${path}.pip`),
  };
  if (c.platform !== undefined) out.platform = r.string(c.platform, `${path}.platform`);
  return out;
}

/** Validates a parsed scenario JSON value and turns it into an index mounted at `scenarios/<name>`. */
export function parseScenario(name: string, json: unknown, source = `scenario ${name}`): Scenario {
  const r = new Reader(source);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) r.fail("$", `scenario name ${JSON.stringify(name)} must be lower-case letters, digits and dashes`);
  const top = r.record(json, "$");
  const meta = top[META_KEY] === undefined ? {} : r.record(top[META_KEY], `$.${META_KEY}`, META_KEYS);
  const description = meta.description === undefined ? `scenario ${name}` : r.string(meta.description, `$.${META_KEY}.description`);
  const recorded = meta.recorded === undefined ? DEFAULT_RECORDED : r.instant(meta.recorded, `$.${META_KEY}.recorded`);
  const cases = meta.cases === undefined ? [] : (Array.isArray(meta.cases) ? meta.cases : r.fail(`$.${META_KEY}.cases`, "expected an array")).map((c, i) => readCase(r, c, `$.${META_KEY}.cases[${i}]`));
  const projects = new Map<string, ProjectDecl>();
  for (const [project, versions] of Object.entries(top)) {
    if (project === META_KEY) continue;
    const path = `$[${JSON.stringify(project)}]`;
    if (!/^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(project)) r.fail(path, "not a valid project name");
    const key = normalizeName(project);
    if (projects.has(key)) r.fail(path, `same normalised name as ${JSON.stringify(projects.get(key)?.name)}`);
    const releases = Object.entries(r.record(versions, path)).map(([v, rel]) => readRelease(r, rel, `${path}[${JSON.stringify(v)}]`, project, v, name));
    projects.set(key, { name: project, releases });
  }
  return { name, description, cases, index: { prefix: `scenarios/${name}`, description, recorded, projects } };
}

/** Reads every `*.json` scenario in a directory (sorted by name); the file name is the scenario name. */
export async function loadScenarioDir(dir: string): Promise<Scenario[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(
    names.map(async (f) => {
      const path = join(dir, f);
      const text = await readFile(path, "utf8");
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new ScenarioError(path, "$", `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      }
      return parseScenario(basename(f, ".json"), json, path);
    }),
  );
}
