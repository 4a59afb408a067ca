// Every real lock fixture reads to exactly the packages, versions and edges Python's tomllib/json read (golden data from scripts/lock-reference).
import { describe, expect, it } from "vitest";
import { detectLockFormat } from "./detect-lock-format";
import { readLock } from "./read-lock";
import { LOCK_FIXTURES, LOCK_GOLDEN, lockFixtureText, readLockFixture } from "./test-support/lock-fixtures";

const FORMAT_OF: Record<string, string> = { "pip-compile": "pip-compile" };

describe("real lock files read as they are", () => {
  for (const fixture of LOCK_FIXTURES) {
    const golden = LOCK_GOLDEN[fixture.id];
    it(`${fixture.id} (${fixture.repo}@${fixture.commit.slice(0, 8)}): ${golden.pins.length} pins, as tomllib/json read them`, () => {
      const graph = readLockFixture(fixture.id);
      expect(graph.format).toBe(FORMAT_OF[fixture.format] ?? fixture.format);
      const pins = [...new Set(graph.packages.map((p) => JSON.stringify([p.name, p.version])))].map((s) => JSON.parse(s) as [string, string]);
      pins.sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      expect(pins).toEqual(golden.pins);
      expect([...new Set(graph.projects.map((p) => p.name))].sort()).toEqual(golden.projects);
      expect(graph.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });
    if (golden.edges) {
      it(`${fixture.id}: every package's dependencies are the ones the lock records`, () => {
        const graph = readLockFixture(fixture.id);
        const edges: Record<string, string[]> = {};
        for (const p of graph.packages) {
          const key = fixture.format === "pip-compile" ? p.name : `${p.name}==${p.version}`;
          edges[key] = [...new Set(p.dependencies.map((d) => d.name))].sort();
        }
        expect(edges).toEqual(golden.edges);
      });
    }
    it(`${fixture.id}: detected as ${fixture.format} by its name and by its content alone`, () => {
      const text = lockFixtureText(fixture.id, fixture.path);
      expect(detectLockFormat(text, fixture.path)).toBe(fixture.format);
      expect(detectLockFormat(text)).toBe(fixture.format);
    });
  }
});

describe("what the readers take from each format", () => {
  it("uv.lock: forks, the project's requirements with their specifiers, extras and groups", () => {
    const graph = readLockFixture("uv-flask");
    expect(graph.environments).toEqual(["python_full_version >= '3.12'", "python_full_version == '3.11.*'", "python_full_version < '3.11'"]);
    expect(graph.rootsKnown).toBe(true);
    expect(graph.roots).toContainEqual({ dependency: { name: "click", specifier: ">=8.1.3", marker: null, extras: [], version: null }, from: "main" });
    expect(graph.roots.find((r) => r.from === "extra:async")?.dependency.name).toBe("asgiref");
    expect(graph.groups).toContain("docs");
    const sphinx = graph.packages.filter((p) => p.name === "sphinx");
    expect(sphinx.map((p) => p.version).sort()).toEqual(["8.1.3", "8.2.3"]);
    expect(sphinx.find((p) => p.version === "8.1.3")?.forks).toEqual(["python_full_version < '3.11'"]);
    const anyio = graph.packages.find((p) => p.name === "anyio");
    expect(anyio?.dependencies).toContainEqual({ name: "exceptiongroup", specifier: "", marker: "python_full_version < '3.11'", extras: [], version: null });
    expect(anyio?.files.map((f) => f.kind).sort()).toEqual(["sdist", "wheel"]);
    expect(anyio?.files[0].hashes.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("poetry.lock 2.x: groups, package markers, Poetry constraints as PEP 440 specifiers, roots from pyproject.toml", () => {
    const graph = readLockFixture("poetry-poetry-lock2.1");
    const anyio = graph.packages.find((p) => p.name === "anyio");
    expect(anyio?.groups).toEqual(["main"]);
    expect(anyio?.dependencies).toContainEqual({ name: "exceptiongroup", specifier: ">=1.0.2", marker: 'python_version < "3.11"', extras: [], version: null });
    expect(graph.packages.find((p) => p.name === "backports-tarfile")?.marker).toBe('python_version < "3.12"');
    expect(graph.rootsKnown).toBe(true);
    expect(graph.roots.some((r) => r.dependency.name === "poetry-core" && r.from === "main")).toBe(true);
  });

  it("poetry.lock 1.1: category as the group, hashes from [metadata.files]", () => {
    const graph = readLockFixture("poetry-rich-lock1.1");
    const attrs = graph.packages.find((p) => p.name === "attrs");
    expect(attrs?.groups).toEqual(["dev"]);
    expect(graph.packages.find((p) => p.name === "appnope")?.files.map((f) => f.filename)).toEqual(["appnope-0.1.3-py2.py3-none-any.whl", "appnope-0.1.3.tar.gz"]);
  });

  it("poetry.lock alone: the roots are guessed and the reader says so", () => {
    const result = readLock(lockFixtureText("poetry-rich-lock1.1", "poetry.lock"), { fileName: "poetry.lock" });
    if (!result.ok) throw new Error("unreadable");
    expect(result.graph.rootsKnown).toBe(false);
    expect(result.graph.roots.length).toBeGreaterThan(0);
    expect(result.graph.diagnostics.map((d) => d.message).join("\n")).toMatch(/no pyproject\.toml beside the lock/);
  });

  it("Pipfile.lock: sections as groups, markers, no edges; direct requirements from the Pipfile beside", () => {
    const graph = readLockFixture("pipfile-kbase");
    expect(graph.edges).toBe("none");
    expect(graph.groups).toEqual(["default", "dev"]);
    expect(graph.roots.find((r) => r.dependency.name === "pytest")?.from).toBe("group:dev");
    expect(graph.roots.find((r) => r.dependency.name === "pint")).toMatchObject({ dependency: { specifier: "==0.17" }, from: "main" });
  });

  it("pylock.toml: markers with dependency_groups, the project's directory entry, files with sizes and upload times", () => {
    const pipenv = readLockFixture("pylock-pipenv");
    expect(pipenv.groups).toEqual(["dev"]);
    expect(pipenv.packages.find((p) => p.name === "arpeggio")?.marker).toBe("'dev' in dependency_groups");
    const comfy = readLockFixture("pylock-comfy-cli");
    expect(comfy.projects[0].source).toEqual({ kind: "editable", url: "." });
    const anyio = comfy.packages.find((p) => p.name === "anyio");
    expect(anyio?.files.find((f) => f.kind === "sdist")).toMatchObject({ size: 213252, uploadTime: "2025-08-04T08:54:26.000Z" });
  });

  it("pip-compile: --hash values and `# via` (inline and multi-line) as edges; `-r file` marks a direct requirement", () => {
    const graph = readLockFixture("pipcompile-securedrop");
    const attrs = graph.packages.find((p) => p.name === "attrs");
    expect(attrs?.files.map((f) => f.hashes.sha256)).toHaveLength(2);
    expect(graph.packages.find((p) => p.name === "glom")?.dependencies.map((d) => d.name)).toContain("attrs");
    expect(graph.roots.map((r) => r.dependency.name)).toContain("alembic");
    expect(graph.roots.map((r) => r.dependency.name)).not.toContain("attrs");
  });

  it("bad input: a located message, never an exception", () => {
    const toml = readLock("[[package]]\nname = \n", { fileName: "poetry.lock" });
    expect(toml.ok).toBe(false);
    if (!toml.ok) expect(toml.diagnostics[0]).toMatchObject({ line: 2, file: "poetry.lock" });
    const json = readLock('{"_meta": {,}', { fileName: "Pipfile.lock" });
    expect(json.ok).toBe(false);
    if (!json.ok) expect(json.diagnostics[0].message).toMatch(/^Pipfile\.lock, line 1, column \d+: invalid JSON/);
    const notLock = readLock("requests>=2\n", { fileName: "requirements.txt" });
    expect(notLock.ok).toBe(false);
  });
});
