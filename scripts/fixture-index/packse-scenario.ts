// packse scenarios (uv's resolver test cases, TOML) read as fixture scenarios: the index they serve and what uv expects.

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseToml, type TomlTable } from "smol-toml";
import { distFilenameName, normalizeName } from "./project-name";
import { parseScenario } from "./scenario-loader";

/** One packse scenario for a single environment. */
export interface PackseScenario {
  /** packse's name, e.g. `package-only-yanked`. */
  name: string;
  /** The folder it came from, e.g. `yanked`. */
  category: string;
  /** The fixture scenario (scenario-loader's format) it serves, mounted at `scenarios/<fixtureName>`. */
  fixtureName: string;
  fixtureJson: Record<string, unknown>;
  requirements: string[];
  /** Target Python: the resolver's override when the scenario sets one, else the environment's, else packse's default. */
  python: string;
  /** Whether the scenario names a Python (when it does not, none of its packages cares which). */
  pythonStated: boolean;
  /** A pip `--platform` tag when the scenario names a platform. */
  platform?: string;
  /** `resolver_options.prereleases = true`. */
  allowPrereleases: boolean;
  /** Projects whose sdists must be used (`no_binary`), whose metadata only a build would give. */
  noBinary: string[];
  expected: { satisfiable: boolean; packages: Record<string, string> };
  /** What makes it not a single-environment scenario (`universal`, `required_environments`), else null. */
  multiEnvironment: string | null;
}

/** packse's defaults when a scenario leaves them out (packse `scenario.py`; uv's tests run on Python 3.12). */
const DEFAULT_PYTHON = "3.12";
const DEFAULT_REQUIRES_PYTHON = ">=3.8";
const DEFAULT_WHEEL_TAGS = ["py3-none-any"];

function table(x: unknown, where: string): TomlTable {
  if (typeof x !== "object" || x === null || Array.isArray(x) || x instanceof Date) throw new Error(`${where}: expected a table`);
  return x as TomlTable;
}

function strings(x: unknown, where: string): string[] {
  if (x === undefined) return [];
  if (!Array.isArray(x) || !x.every((s) => typeof s === "string")) throw new Error(`${where}: expected an array of strings`);
  return x as string[];
}

function optionalString(x: unknown, where: string): string | undefined {
  if (x === undefined) return undefined;
  if (typeof x !== "string") throw new Error(`${where}: expected a string`);
  return x;
}

/** `x86_64-manylinux2014` (uv's `--python-platform`) as a pip platform tag. */
function platformTag(uvPlatform: string): string {
  const [arch = "", os = ""] = uvPlatform.split("-");
  if (os.startsWith("manylinux")) return `${os}_${arch}`;
  if (os === "windows") return arch === "aarch64" ? "win_arm64" : "win_amd64";
  if (os === "macos") return `macosx_11_0_${arch === "aarch64" ? "arm64" : arch}`;
  return `linux_${arch}`;
}

/** Reads one packse TOML text; `source` names it in errors. */
export function parsePackseScenario(text: string, category: string, source: string): PackseScenario {
  const top = table(parseToml(text), source);
  const name = optionalString(top.name, `${source}: name`) ?? "";
  const root = table(top.root, `${source}: [root]`);
  const expected = table(top.expected, `${source}: [expected]`);
  const environment = top.environment === undefined ? {} : table(top.environment, `${source}: [environment]`);
  const options = top.resolver_options === undefined ? {} : table(top.resolver_options, `${source}: [resolver_options]`);
  const projects: Record<string, Record<string, unknown>> = {};
  for (const [project, decl] of Object.entries(table(top.packages, `${source}: [packages]`))) {
    const versions = table(table(decl, `${source}: packages.${project}`).versions, `${source}: packages.${project}.versions`);
    const releases: Record<string, unknown> = {};
    for (const [version, raw] of Object.entries(versions)) {
      const where = `${source}: packages.${project}.versions."${version}"`;
      const v = table(raw, where);
      const files: string[] = [];
      const stem = `${distFilenameName(project)}-${version}`;
      if (v.wheel !== false) for (const tag of v.wheel_tags === undefined ? DEFAULT_WHEEL_TAGS : strings(v.wheel_tags, `${where}.wheel_tags`)) files.push(`${stem}-${tag}.whl`);
      if (v.sdist !== false) files.push(`${stem}.tar.gz`);
      const extras = v.extras === undefined ? undefined : Object.fromEntries(Object.entries(table(v.extras, `${where}.extras`)).map(([e, deps]) => [e, strings(deps, `${where}.extras.${e}`)]));
      releases[version] = {
        dependencies: strings(v.requires, `${where}.requires`),
        ...(extras ? { extras } : {}),
        requiresPython: optionalString(v.requires_python, `${where}.requires_python`) ?? DEFAULT_REQUIRES_PYTHON,
        ...(v.yanked === true ? { yanked: true } : {}),
        files,
      };
    }
    projects[project] = releases;
  }
  const fixtureName = `packse-${name}`;
  const fixtureJson = { $scenario: { description: `packse ${name} (astral-sh/packse 561e0fe, Apache-2.0/MIT)` }, ...projects };
  parseScenario(fixtureName, fixtureJson, source); // fails here, naming the file, rather than when the index starts
  const pythonPlatform = optionalString(options.python_platform, `${source}: resolver_options.python_platform`);
  const stated = optionalString(options.python, `${source}: resolver_options.python`) ?? optionalString(environment.python, `${source}: environment.python`);
  const multiEnvironment = options.universal === true ? "universal" : options.required_environments !== undefined ? "required_environments" : null;
  return {
    name,
    category,
    fixtureName,
    fixtureJson,
    requirements: strings(root.requires, `${source}: root.requires`),
    python: stated ?? DEFAULT_PYTHON,
    pythonStated: stated !== undefined,
    ...(pythonPlatform ? { platform: platformTag(pythonPlatform) } : {}),
    allowPrereleases: options.prereleases === true,
    noBinary: strings(options.no_binary, `${source}: resolver_options.no_binary`).map(normalizeName),
    expected: {
      satisfiable: expected.satisfiable === true,
      packages: Object.fromEntries(Object.entries(expected.packages === undefined ? {} : table(expected.packages, `${source}: expected.packages`)).map(([k, v]) => [normalizeName(k), String(v)])),
    },
    multiEnvironment,
  };
}

/** Every `<category>/*.toml` below `dir`, sorted by category and name. */
export async function loadPackseScenarios(dir: string): Promise<PackseScenario[]> {
  const out: PackseScenario[] = [];
  for (const category of (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of (await readdir(join(dir, category))).filter((f) => f.endsWith(".toml")).sort()) {
      const path = join(dir, category, file);
      out.push(parsePackseScenario(await readFile(path, "utf8"), category, path));
    }
  }
  return out;
}
