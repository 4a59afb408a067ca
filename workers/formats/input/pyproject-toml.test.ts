// Tests for pyproject.toml: a FastAPI service (PEP 621 + PEP 735), a Poetry project, and files with located errors.
import { describe, expect, it } from "vitest";
import { fixture } from "./fixture-files";
import { parseInput } from "./parse-input";
import type { Diagnostic, InputRequirement } from "../../api-input";

const brief = (r: InputRequirement) => [r.line, r.column, r.kind, r.source.kind === "main" ? "main" : `${r.source.kind}:${r.source.name}`, r.pep508];
const at = (d: Diagnostic) => [d.severity, d.line, d.column];

describe("a FastAPI service: PEP 621 dependencies and extras, PEP 735 groups", () => {
  const text = fixture("fastapi-app/pyproject.toml");

  it("reads the main dependencies, requires-python, extras and groups it defines", () => {
    const set = parseInput(text, { fileName: "pyproject.toml" });
    expect(set.format).toBe("pyproject.toml");
    expect(set.requiresPython).toBe(">=3.9");
    expect(set.extras).toEqual(["redis", "tracing", "all"]);
    expect(set.groups).toEqual(["test", "lint", "dev"]);
    expect(set.requirements.map(brief)).toEqual([
      [18, 6, "index", "main", "fastapi<0.111,>=0.109.0"],
      [19, 6, "index", "main", "uvicorn[standard]>=0.27"],
      [20, 6, "index", "main", "pydantic<3,>=2.5"],
      [21, 6, "index", "main", "pydantic-settings~=2.1"],
      [22, 6, "index", "main", "sqlalchemy[asyncio]>=2.0.25"],
      [23, 6, "index", "main", 'asyncpg>=0.29; platform_python_implementation == "CPython"'],
      [24, 6, "index", "main", "httpx>=0.26"],
      [25, 6, "index", "main", 'tomli>=2.0.1; python_version < "3.11"'],
    ]);
    expect(set.diagnostics.map((d) => d.message)).toEqual([
      "line 2, column 1: [build-system] requires (1 requirement) is what building the project needs, not a dependency; it is not included",
    ]);
  });

  it("expands the self-referencing extra all = [orders-api[redis,tracing]]", () => {
    const set = parseInput(text, { fileName: "pyproject.toml", extras: ["all"] });
    expect(set.requirements.filter((r) => r.source.kind === "extra").map(brief)).toEqual([
      [29, 11, "index", "extra:all", "redis[hiredis]>=5.0"],
      [31, 6, "index", "extra:all", "opentelemetry-api>=1.22"],
      [32, 6, "index", "extra:all", "opentelemetry-instrumentation-fastapi>=0.43b0"],
    ]);
  });

  it("expands {include-group = ...} in the group that includes it", () => {
    const set = parseInput(text, { fileName: "pyproject.toml", groups: ["dev"] });
    expect(set.requirements.filter((r) => r.source.kind === "group").map(brief)).toEqual([
      [41, 6, "index", "group:dev", "pytest>=8.0"],
      [42, 6, "index", "group:dev", "pytest-asyncio>=0.23"],
      [43, 6, "index", "group:dev", "respx>=0.20"],
      [45, 10, "index", "group:dev", "ruff>=0.2"],
      [45, 23, "index", "group:dev", "mypy>=1.8"],
      [49, 6, "index", "group:dev", "pre-commit>=3.6"],
    ]);
  });
});

describe("a Poetry project: caret, tilde, tables, multiple constraints, extras, groups", () => {
  const text = fixture("poetry-app/pyproject.toml");
  const set = parseInput(text, { fileName: "pyproject.toml", extras: ["postgres"], groups: ["test"] });

  it("names the groups Poetry installs by default: every group not marked optional", () => {
    expect(set.groups).toContain("docs");
    expect(set.defaultGroups).toEqual(["test"]);
  });

  it("translates every dependency to PEP 508 as poetry-core does", () => {
    expect(set.requiresPython).toBe("<4.0,>=3.9");
    expect(set.requirements.map(brief)).toEqual([
      [11, 1, "index", "main", "requests<3.0.0,>=2.31.0"],
      [12, 1, "index", "main", "pendulum<2.2,>=2.1"],
      [13, 1, "index", "main", "click==8.1.7"],
      [14, 1, "index", "main", "boto3<2.0,>=1.28"],
      [15, 1, "index", "main", "attrs"],
      [16, 1, "index", "main", "cryptography[ssh]<42.0.0,>=41.0.3"],
      [17, 1, "index", "main", 'pywin32>=306; sys_platform == "win32"'],
      [18, 1, "index", "main", 'dataclasses<0.9,>=0.8; python_version >= "3.6" and python_version < "3.7"'],
      [19, 1, "index", "main", 'uvloop<0.20.0,>=0.19.0; sys_platform != "win32"'],
      [20, 1, "index", "main", 'typing-extensions<5.0,>=4.8; python_version < "3.11"'],
      [22, 5, "index", "main", 'numpy<1.25,>=1.24; python_version >= "3.8" and python_version < "3.9"'],
      [23, 5, "index", "main", 'numpy<2.0,>=1.26; python_version >= "3.9"'],
      [27, 1, "vcs", "main", "internal-auth @ git+https://github.com/example/internal-auth.git@v1.2.0"],
      [28, 1, "editable", "main", "ledger-formats @ ../ledger-formats"],
      [29, 1, "index", "main", "pandas==2.1.*"],
      [30, 1, "index", "main", "legacy-lib<0.0.4,>=0.0.3"],
      [31, 1, "index", "main", "six<3,>=1"],
      [32, 1, "index", "main", "old-client<2.8,>=2.7"],
      [25, 1, "index", "extra:postgres", "psycopg2-binary<3.0,>=2.9"],
      [39, 1, "index", "group:test", "pytest<8.0,>=7.4"],
      [40, 1, "index", "group:test", "pytest-cov<5.0,>=4.1"],
      [41, 1, "index", "group:test", "freezegun<2.0,>=1.2"],
    ]);
  });

  it("keeps what was written, allow-prereleases, extras and groups", () => {
    const pandas = set.requirements.find((r) => r.name === "pandas");
    expect(pandas?.text).toBe('pandas = { version = "2.1.*", allow-prereleases = true }');
    expect(pandas?.allowPrereleases).toBe(true);
    expect(set.requirements.find((r) => r.name === "numpy")?.text).toBe(
      'numpy = [\n    { version = "~1.24", python = ">=3.8,<3.9" },\n    { version = "^1.26", python = ">=3.9" },\n]',
    );
    expect(set.extras).toEqual(["postgres", "mysql"]);
    expect(set.groups).toEqual(["test", "docs"]);
    expect(set.indexUrl).toBeNull();
    expect(set.extraIndexUrls).toEqual(["https://pypi.internal.example.com/simple/"]);
  });

  it("explains the disjoint || union and the direct references, at their lines", () => {
    expect(set.diagnostics.map(at)).toEqual([
      ["warning", 27, 1],
      ["warning", 28, 1],
      ["info", 32, 15],
      ["info", 55, 1],
    ]);
    expect(set.diagnostics[2].message).toBe(
      'line 32, column 15: old-client: "~2.7 || ^3.6" allows disjoint version ranges, which one PEP 440 specifier set cannot express; it is read as the union of ">=2.7,<2.8" or ">=3.6,<4.0" (poetry-core writes ">=2.7,<2.8 || >=3.6,<4.0", which pip cannot read)',
    );
  });

  it("leaves optional dependencies out unless an extra asks for them", () => {
    const plain = parseInput(text, { fileName: "pyproject.toml" });
    expect(plain.requirements.some((r) => r.name === "psycopg2-binary" || r.name === "mysqlclient")).toBe(false);
    expect(plain.requirements.some((r) => r.name === "pytest")).toBe(false);
  });
});

describe("located errors", () => {
  it("a TOML syntax error is one error at its line and column", () => {
    const set = parseInput(fixture("bad/pyproject-syntax.toml"), { fileName: "pyproject.toml" });
    expect(set.requirements).toEqual([]);
    expect(set.diagnostics).toEqual([
      { severity: "error", message: "line 5, column 13: invalid TOML: expected comma or end of structure", line: 5, column: 13 },
    ]);
  });

  it("bad PEP 508 strings, wrong types and include-group cycles are located; good entries still parse", () => {
    const set = parseInput(fixture("bad/pyproject-entries.toml"), { fileName: "pyproject.toml", extras: ["cli"], groups: ["test", "docs"] });
    expect(set.requiresPython).toBe("<4,>=3.8");
    expect(set.requirements.map((r) => r.pep508)).toEqual(["requests>=2", "anyio>=4", "typer>=0.9", "pytest>=8", "ruff", "mkdocs"]);
    expect(set.diagnostics.map(at)).toEqual([
      ["error", 6, 35],
      ["error", 7, 5],
      ["error", 8, 14],
      ["error", 13, 35],
      ["error", 16, 22],
      ["error", 17, 17],
      ["error", 18, 9],
    ]);
    expect(set.diagnostics[0].message).toMatch(/^line 6, column 35: invalid requirement "httpx>=0.2 ; python_version >> '3.8'": /);
    expect(set.diagnostics[1].message).toBe("line 7, column 5: expected a PEP 508 requirement string, found a number");
    expect(set.diagnostics[5].message).toBe(
      'line 17, column 17: dependency group "lint" includes "test", which forms a cycle (test -> lint -> test); the include is skipped',
    );
    expect(set.diagnostics[6].message).toBe('line 18, column 9: dependency group "docs" includes "missing", which is not defined');
  });

  it("bad Poetry constraints point into the constraint string", () => {
    const set = parseInput(fixture("bad/poetry-entries.toml"), { fileName: "pyproject.toml", groups: ["dev"] });
    expect(set.requirements.map((r) => r.pep508)).toEqual(["flask<3,>=2.0", "rich<14.0,>=13.0"]);
    expect(set.diagnostics.map(at)).toEqual([
      ["error", 7, 13],
      ["error", 8, 42],
      ["error", 9, 47],
      ["error", 11, 9],
      ["error", 14, 20],
    ]);
    expect(set.diagnostics[0].message).toBe("line 7, column 13: requests: could not parse version constraint: ^2.x");
    expect(set.diagnostics[4].message).toBe("line 14, column 20: pytest: could not parse version constraint: bogus");
  });
});

describe("other pyproject shapes", () => {
  it("reads Poetry's legacy dev-dependencies, url and file dependencies, include-groups and source priorities", () => {
    const text = [
      "[tool.poetry]",
      'name = "shapes"',
      "[tool.poetry.dependencies]",
      'python = ">=3.8,<3.13"',
      'wheelie = { url = "https://example.com/wheelie-1.0-py3-none-any.whl" }',
      'vendored = { path = "vendor/vendored-2.0.tar.gz" }',
      "[tool.poetry.dev-dependencies]",
      'pytest = "^7"',
      "[tool.poetry.group.lint.dependencies]",
      'ruff = "*"',
      "[tool.poetry.group.ci]",
      'include-groups = ["lint"]',
      "[tool.poetry.group.ci.dependencies]",
      'tox = "^4"',
      "[[tool.poetry.source]]",
      'name = "mirror"',
      'url = "https://mirror.example.com/simple"',
      'priority = "primary"',
      "[[tool.poetry.source]]",
      'name = "private"',
      'url = "https://private.example.com/simple"',
      'priority = "explicit"',
    ].join("\n");
    const set = parseInput(text, { fileName: "pyproject.toml", groups: ["dev", "ci"] });
    expect(set.requiresPython).toBe("<3.13,>=3.8");
    expect(set.groups).toEqual(["lint", "ci", "dev"]);
    expect(set.requirements.map(brief)).toEqual([
      [5, 1, "url", "main", "wheelie @ https://example.com/wheelie-1.0-py3-none-any.whl"],
      [6, 1, "path", "main", "vendored @ vendor/vendored-2.0.tar.gz"],
      [14, 1, "index", "group:ci", "tox<5,>=4"],
      [10, 1, "index", "group:ci", "ruff"],
      [8, 1, "index", "group:dev", "pytest<8,>=7"],
    ]);
    expect(set.indexUrl).toBe("https://mirror.example.com/simple");
    expect(set.extraIndexUrls).toEqual([]);
    expect(set.diagnostics.map((d) => d.message)).toContain(
      'line 7, column 1: [tool.poetry.dev-dependencies] is deprecated; it is read as the group "dev"',
    );
  });

  it("reads uv's legacy dev-dependencies and [[tool.uv.index]]", () => {
    const text = [
      "[project]",
      'name = "uvapp"',
      'dependencies = ["httpx"]',
      "[tool.uv]",
      'dev-dependencies = ["pytest>=8"]',
      "[[tool.uv.index]]",
      'url = "https://download.pytorch.org/whl/cpu"',
    ].join("\n");
    const set = parseInput(text, { fileName: "pyproject.toml", groups: ["dev"] });
    expect(set.requirements.map((r) => r.pep508)).toEqual(["httpx", "pytest>=8"]);
    expect(set.extraIndexUrls).toEqual(["https://download.pytorch.org/whl/cpu"]);
  });
});
