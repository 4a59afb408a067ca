// uv.lock and poetry.lock exports: read back through Tangle's own lock readers to the same graph, shaped like the real lock files (golden from tomllib), Poetry's content-hash for a pyproject.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type TomlTable, type TomlValue } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolvedPackageDto } from "../../api";
import { startIndex } from "../../resolve/test-support/fixture-resolve";
import type { FixtureIndex } from "../../../scripts/fixture-index/server";
import { lockResolution } from "../lock/lock-resolution";
import { readLock } from "../lock/read-lock";
import { poetryConstraintToSpecifier } from "../input/poetry-constraint";
import { formatPoetryLock } from "./poetry-lock";
import { poetryContentHash } from "./poetry-content-hash";
import { CPYTHON_38_LINUX, FIXED_RESOLVED_AT, resolveFixture, type ResolvedFixture } from "./test-support/export-fixtures";
import { formatUvLock } from "./uv-lock";

interface LevelShape {
  keys: string[];
  always: string[];
  types: Record<string, string[]>;
}
type Structure = Record<string, LevelShape>;
const golden = JSON.parse(readFileSync(join(__dirname, "fixtures/lock-writers-golden.json"), "utf8")) as { structure: Record<"uv.lock" | "poetry.lock", Structure> };

const PYPROJECT = `[project]
name = "Demo-App"
version = "1.0"
requires-python = ">=3.8"
dependencies = ["requests[socks]>=2.20", "six; python_version >= '3'"]

[project.optional-dependencies]
yaml = ["pyyaml"]

[dependency-groups]
test = ["attrs>=19"]
`;

let index: FixtureIndex;
let plain: ResolvedFixture;
let project: ResolvedFixture;

beforeAll(async () => {
  index = await startIndex();
  plain = await resolveFixture(index, "snapshot-2020", ["requests[socks]", "pandas", "jupyter"]);
  project = await resolveFixture(index, "snapshot-2020", [], {
    input: { text: PYPROJECT, format: "pyproject.toml", fileName: "pyproject.toml", extras: ["yaml"], groups: ["test"] },
  });
}, 60_000);

afterAll(async () => {
  await index.close();
});

/** name==version -> sorted "dep" names, for every package. */
function edgesOf(packages: readonly ResolvedPackageDto[]): Record<string, string[]> {
  return Object.fromEntries(packages.map((p) => [`${p.name}==${p.version}`, [...new Set(p.dependencies.map((d) => d.name).filter((n) => n !== p.name))].sort()]));
}

function typeName(value: TomlValue): string {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number" || typeof value === "bigint") return Number.isInteger(value) ? "integer" : "float";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "datetime";
  return "table";
}

/** Every key the output uses at `level` is one the real files use there, with a type they use, and the keys all of them have are present. */
function checkLevel(structure: Structure, level: string, table: TomlTable, where: string, exempt: string[] = []): string[] {
  const shape = structure[level];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (!shape.keys.includes(key)) problems.push(`${where}: key ${key} is in no real ${level}`);
    else if (!shape.types[key].includes(typeName(value))) problems.push(`${where}: ${key} is a ${typeName(value)}, real files have ${shape.types[key].join("/")}`);
  }
  for (const key of shape.always) if (!(key in table) && !exempt.includes(key)) problems.push(`${where}: missing ${key}, which every real ${level} has`);
  return problems;
}

const tables = (value: TomlValue | undefined): TomlTable[] => (Array.isArray(value) ? (value.filter((v) => typeof v === "object" && !Array.isArray(v)) as TomlTable[]) : []);

describe("uv.lock export", () => {
  it("reads back through our uv.lock reader to the same packages, versions, edges and direct requirements", () => {
    for (const fixture of [plain, project]) {
      const text = formatUvLock(fixture.resolution, fixture.request);
      const read = readLock(text, { fileName: "uv.lock" });
      if (!read.ok) throw new Error(read.diagnostics[0].message);
      expect(read.graph.diagnostics).toEqual([]);
      const view = lockResolution(read.graph, { target: CPYTHON_38_LINUX, resolvedAt: FIXED_RESOLVED_AT, groups: fixture.request.input.groups ?? [], extras: fixture.request.input.extras ?? [] });
      const back = view.resolution.packages;
      expect(back.map((p) => [p.name, p.version, p.direct])).toEqual(fixture.resolution.packages.map((p) => [p.name, p.version, p.direct]).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
      expect(edgesOf(back)).toEqual(edgesOf(fixture.resolution.packages));
      expect(back.flatMap((p) => p.files.map((f) => f.filename)).sort()).toEqual(fixture.resolution.packages.flatMap((p) => p.files.filter((f) => f.kind !== "other").map((f) => f.filename)).sort());
    }
  });

  it("records the project as a virtual root with its requirements as written, extras and groups apart", () => {
    const doc = parse(formatUvLock(project.resolution, project.request));
    const root = tables(doc.package).find((p) => p.name === "demo-app") as TomlTable;
    expect(root.source).toEqual({ virtual: "." });
    expect(root.version).toBe("1.0");
    expect(doc["requires-python"]).toBe(">=3.8");
    expect(tables(root.dependencies).map((d) => d.name)).toEqual(["requests", "six"]);
    expect(tables(root.dependencies)[0].extra).toEqual(["socks"]);
    expect(Object.keys(root["optional-dependencies"] as TomlTable)).toEqual(["yaml"]);
    expect(Object.keys(root["dev-dependencies"] as TomlTable)).toEqual(["test"]);
    const metadata = root.metadata as TomlTable;
    expect(tables(metadata["requires-dist"])).toContainEqual({ name: "requests", extras: ["socks"], specifier: ">=2.20" });
    expect(tables(metadata["requires-dist"])).toContainEqual({ name: "pyyaml", marker: "extra == 'yaml'" });
    expect((metadata["requires-dev"] as TomlTable).test).toEqual([{ name: "attrs", specifier: ">=19" }]);
  });

  it("records a project with a [build-system] as editable, as uv does", () => {
    const text = formatUvLock(project.resolution, { ...project.request, input: { ...project.request.input, text: `${PYPROJECT}\n[build-system]\nrequires = ["hatchling"]\n` } });
    expect(tables(parse(text).package).find((p) => p.name === "demo-app")?.source).toEqual({ editable: "." });
  });

  it("uses only the keys and value types real uv.lock files use (uv 0.9, three projects), and every key they all have", () => {
    for (const fixture of [plain, project]) {
      const doc = parse(formatUvLock(fixture.resolution, fixture.request));
      const structure = golden.structure["uv.lock"];
      // resolution-markers: every real fixture is a universal lock with forks; a lock for one target has none (uv omits the key then).
      const problems = checkLevel(structure, "top", doc, "top", ["resolution-markers"]);
      expect(doc.version).toBe(1);
      expect(doc.revision).toBe(3);
      for (const pkg of tables(doc.package)) {
        const where = String(pkg.name);
        problems.push(...checkLevel(structure, "package", pkg, where));
        // `virtual = "."`: the source uv records for a project without [build-system] (the real fixtures are all buildable, so editable).
        const { virtual, ...source } = pkg.source as TomlTable;
        if (virtual !== undefined) expect(virtual).toBe(".");
        problems.push(...checkLevel(structure, "source", source, `${where} source`));
        for (const d of [...tables(pkg.dependencies), ...Object.values((pkg["optional-dependencies"] as TomlTable | undefined) ?? {}).flatMap(tables)]) problems.push(...checkLevel(structure, "dependency", d, `${where} dependency`));
        for (const f of [...(pkg.sdist ? [pkg.sdist as TomlTable] : []), ...tables(pkg.wheels)]) problems.push(...checkLevel(structure, "file", f, `${where} file`));
        if (pkg.metadata) problems.push(...checkLevel(structure, "metadata", pkg.metadata as TomlTable, `${where} metadata`));
      }
      expect(problems).toEqual([]);
    }
  });
});

describe("poetry.lock export", () => {
  it("reads back through our poetry.lock reader to the same packages, versions and edges with their specifiers", () => {
    for (const fixture of [plain, project]) {
      const text = formatPoetryLock(fixture.resolution, fixture.request);
      const read = readLock(text, { fileName: "poetry.lock" });
      if (!read.ok) throw new Error(read.diagnostics[0].message);
      expect(read.graph.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(read.graph.packages.map((p) => [p.name, p.version])).toEqual(fixture.resolution.packages.map((p) => [p.name, p.version]).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
      for (const pkg of fixture.resolution.packages) {
        const locked = read.graph.packages.find((p) => p.name === pkg.name);
        const lockedEdges = [...(locked?.dependencies ?? []), ...Object.values(locked?.optionalDependencies ?? {}).flat()].map((d) => `${d.name}${d.specifier}`);
        expect(new Set(lockedEdges), pkg.name).toEqual(new Set(pkg.dependencies.filter((d) => d.name !== pkg.name).map((d) => `${d.name}${poetrySpecifier(d.specifier)}`)));
      }
    }
  });

  it("puts each package in the groups that pull it in and writes Poetry 2's content-hash of the pyproject", () => {
    const text = formatPoetryLock(project.resolution, project.request);
    const doc = parse(text);
    const groups = Object.fromEntries(tables(doc.package).map((p) => [p.name, p.groups]));
    expect(groups.requests).toEqual(["main"]);
    expect(groups.attrs).toEqual(["test"]);
    const metadata = doc.metadata as TomlTable;
    expect(metadata["lock-version"]).toBe("2.1");
    expect(metadata["python-versions"]).toBe(">=3.8");
    expect(metadata["content-hash"]).toBe(poetryContentHash(PYPROJECT));
    expect(doc.extras).toEqual({ yaml: ["pyyaml"] });
    // Read with the pyproject.toml beside it, the lock's roots are the project's requirements.
    const read = readLock(text, { fileName: "poetry.lock", files: { "pyproject.toml": PYPROJECT } });
    if (!read.ok) throw new Error("unreadable");
    const view = lockResolution(read.graph, { target: CPYTHON_38_LINUX, resolvedAt: FIXED_RESOLVED_AT, groups: ["test"], extras: ["yaml"] });
    expect(view.resolution.packages.map((p) => [p.name, p.version, p.direct])).toEqual(project.resolution.packages.map((p) => [p.name, p.version, p.direct]).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  });

  it("leaves content-hash empty, saying why, when the input is not a pyproject.toml", () => {
    const text = formatPoetryLock(plain.resolution, plain.request);
    expect(text).toMatch(/# The input is not a pyproject\.toml[^\n]*\ncontent-hash = ""\n$/);
  });

  it("uses only the keys and value types real poetry.lock 2.x files use (Poetry 1.8 and 2.4), and every key they all have", () => {
    for (const fixture of [plain, project]) {
      const doc = parse(formatPoetryLock(fixture.resolution, fixture.request));
      const structure = golden.structure["poetry.lock"];
      const problems = checkLevel(structure, "top", doc, "top");
      problems.push(...checkLevel(structure, "metadata", doc.metadata as TomlTable, "metadata"));
      for (const pkg of tables(doc.package)) {
        const where = String(pkg.name);
        problems.push(...checkLevel(structure, "package", pkg, where));
        for (const f of tables(pkg.files)) problems.push(...checkLevel(structure, "file", f, `${where} file`));
        for (const value of Object.values((pkg.dependencies as TomlTable | undefined) ?? {})) {
          for (const item of Array.isArray(value) ? value : [value]) if (typeof item === "object") problems.push(...checkLevel(structure, "dependency", item as TomlTable, `${where} dependency`));
        }
      }
      expect(problems).toEqual([]);
    }
  });
});

/** The specifier our poetry.lock reader gives back for one written from `specifier` (it reads Poetry constraints). */
function poetrySpecifier(specifier: string): string {
  const back = poetryConstraintToSpecifier(specifier === "" ? "*" : specifier);
  return back.ok ? back.specifier : `!${specifier}`;
}
