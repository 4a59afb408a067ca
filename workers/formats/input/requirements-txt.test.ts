// Tests for requirements.txt parsing: a Django app's pinned files, pip's own reading of the fixtures, and located errors.
import { describe, expect, it } from "vitest";
import { fixture, fixtureDir } from "./fixture-files";
import { parseInput } from "./parse-input";
import pipVectors from "./fixtures/pip-vectors.json";
import type { Diagnostic, InputRequirement } from "../../api-input";
import { parseRequirementsTxt } from "./requirements-txt";

const brief = (r: InputRequirement) => [r.file ?? "", r.line, r.column, r.kind, r.pep508];
const at = (d: Diagnostic) => [d.severity, d.file ?? "", d.line, d.column];

describe("a Django app's requirements (production.txt -> -r base.txt -> -c constraints.txt)", () => {
  const files = fixtureDir("django-app/requirements");
  const set = parseInput(files["production.txt"], { fileName: "production.txt", files });

  it("follows -r and -c into the dropped files, keeping each requirement's file and position", () => {
    expect(set.format).toBe("requirements.txt");
    expect(set.requirements.map(brief)).toEqual([
      ["base.txt", 5, 1, "index", "Django==4.2.7"],
      ["base.txt", 8, 1, "index", "asgiref==3.7.2"],
      ["base.txt", 11, 1, "index", "sqlparse==0.4.4"],
      ["base.txt", 14, 1, "index", 'psycopg[binary]==3.1.13; python_version >= "3.8"'],
      ["base.txt", 15, 1, "index", "django-environ<0.12,>=0.11"],
      ["base.txt", 16, 1, "index", "celery[redis]~=5.3.4"],
      ["", 5, 1, "index", "gunicorn==21.2.0"],
      ["", 7, 1, "index", "sentry-sdk[django]==1.38.0"],
      ["", 8, 1, "index", "whitenoise==6.6.0"],
    ]);
    expect(set.constraints.map(brief)).toEqual([
      ["constraints.txt", 2, 1, "index", "redis<5.1"],
      ["constraints.txt", 3, 1, "index", "kombu<5.4,>=5.3.0"],
    ]);
  });

  it("keeps --hash values (across continuation lines) on their requirement", () => {
    const django = set.requirements.find((r) => r.name === "Django");
    expect(django?.hashes).toEqual([
      "sha256:8e0f1c2c2786b5c0e39fe1afce24c926040fad47c8ea8ad30aaf1188df29fc41",
      "sha256:e1d37c51ad26186de355cbcec16613ebdabfa9689bbade9c538835205a8abbe9",
    ]);
    expect(set.requirements.find((r) => r.name === "gunicorn")?.hashes).toEqual([
      "sha256:3213aa5e8c24949e792bcacfc176fef362e7aac80b76c56f6b5122bf350722f0",
    ]);
    expect(set.requirements.find((r) => r.name === "whitenoise")?.hashes).toEqual([]);
  });

  it("reads the index options and reports nothing else", () => {
    expect(set.indexUrl).toBe("https://pypi.org/simple");
    expect(set.extraIndexUrls).toEqual(["https://pypi.internal.example.com/simple/"]);
    expect(set.pre).toBe(false);
    expect(set.diagnostics).toEqual([]);
  });

  it("keeps the requirement text as written (the logical line without its comment)", () => {
    expect(set.requirements.find((r) => r.name === "sentry-sdk")?.text).toBe("sentry-sdk[django]==1.38.0");
    expect(set.requirements.find((r) => r.name === "psycopg")?.text).toBe('psycopg[binary]==3.1.13 ; python_version >= "3.8"');
  });
});

describe("agreement with pip 23.2 (fixtures/pip-vectors.json, from fixtures/pip_vectors.py)", () => {
  interface Row {
    name: string | null;
    extras: string[];
    specifier: string;
    marker: string | null;
    url: string | null;
    localPath: boolean;
    editable: boolean;
    constraint: boolean;
    hashes: string[];
    source: string;
    line: number;
  }
  const vectors: Record<string, Row[]> = pipVectors;
  const cases: [string, string][] = [
    ["django-app/requirements", "production.txt"],
    ["direct", "requirements.txt"],
  ];
  for (const [dir, main] of cases) {
    const rows = vectors[`${dir}/${main}`];
    it(`${dir}/${main}: same requirements, names, extras, specifiers, markers, URLs, hashes as pip`, () => {
      const files = fixtureDir(dir);
      const set = parseInput(files[main], { fileName: main, files });
      const ours = [...set.constraints, ...set.requirements];
      expect(ours).toHaveLength(rows.length);
      for (const row of rows) {
        const file = row.source.split(" ")[1] === main ? undefined : row.source.split(" ")[1];
        const mine = ours.find((r) => r.line === row.line && r.file === file);
        expect(mine, `${row.source} line ${row.line}`).toBeDefined();
        if (!mine) continue;
        expect(mine.name).toBe(row.name ?? "");
        expect([...mine.extras].sort()).toEqual(row.extras);
        expect(mine.specifier).toBe(row.specifier);
        expect(mine.marker).toBe(row.marker);
        expect(mine.hashes).toEqual(row.hashes);
        expect(set.constraints.includes(mine)).toBe(row.constraint);
        expect(mine.kind === "editable").toBe(row.editable);
        if (row.url !== null) expect(mine.url).toBe(row.url);
        if (row.localPath) expect(["path", "editable"]).toContain(mine.kind);
        if (row.url === null && !row.localPath) expect(mine.kind).toBe("index");
      }
    });
  }
});

describe("direct references: URLs, VCS, paths, editables", () => {
  const files = fixtureDir("django-app/requirements");
  const set = parseInput(files["dev.txt"], { fileName: "dev.txt", files });
  const own = set.requirements.filter((r) => r.file === undefined);

  it("classifies each line and infers names from #egg= and archive file names", () => {
    expect(own.map((r) => [r.line, r.kind, r.name, r.specifier, r.url])).toEqual([
      [2, "editable", "django-debug-panel", "", "git+https://github.com/example/django-debug-panel.git@v0.9.1#egg=django-debug-panel"],
      [3, "editable", "", "", "./packages/shared-utils"],
      [4, "index", "pytest-django", ">=4.7", null],
      [5, "path", "legacy-client", "==1.4.2", "./vendor/legacy_client-1.4.2-py3-none-any.whl"],
      [6, "url", "reportlib", "", "https://files.example.com/dist/reportlib-2.0.1.tar.gz"],
      [7, "url", "factory-boy", "", "https://github.com/FactoryBoy/factory_boy/archive/refs/tags/3.3.0.zip"],
      [8, "vcs", "django-silk", "", "git+https://github.com/example/django-silk.git@2f4e1c7#egg=django-silk"],
      [9, "index", "black", "==23.11.0", null],
    ]);
  });

  it("says per line that a direct reference cannot come from an index, and the rest still resolves", () => {
    const notes = set.diagnostics.filter((d) => d.message.includes("cannot come from a package index"));
    expect(notes.map(at)).toEqual([
      ["warning", "", 2, 4],
      ["warning", "", 3, 4],
      ["warning", "", 5, 1],
      ["warning", "", 6, 1],
      ["warning", "", 7, 1],
      ["warning", "", 8, 1],
    ]);
    expect(notes[5].message).toBe(
      "line 8, column 1: django-silk (git+https://github.com/example/django-silk.git@2f4e1c7#egg=django-silk) is a version-control URL: it cannot come from a package index, so it is shown as such and the rest resolves without it",
    );
    expect(set.requirements.filter((r) => r.kind === "index")).toHaveLength(11);
  });

  it("recognizes --find-links and --pre, and leaves ${VAR} as is with a warning", () => {
    expect(set.pre).toBe(true);
    const others = set.diagnostics.filter((d) => !d.message.includes("cannot come from a package index"));
    expect(others.map((d) => d.message)).toEqual([
      "line 10, column 1: --find-links is recognized but ignored: Tangle only reads package indexes, not --find-links locations",
      "line 12, column 1: environment variable ${PIP_EXTRA} is left as is: Tangle runs without your environment",
    ]);
  });
});

describe("bad lines give located errors and never lose the other lines", () => {
  const set = parseInput(fixture("bad/requirements.txt"), { fileName: "requirements.txt" });

  it("parses every good line", () => {
    expect(set.requirements.map((r) => [r.line, r.pep508])).toEqual([
      [1, "flask>=2.0"],
      [3, "numpy==1.26.*"],
      [7, "scipy"],
      [8, "celery"],
      [10, "attrs==23.1.0"],
    ]);
  });

  it("points at the offending column of each bad line", () => {
    expect(set.diagnostics.map(at)).toEqual([
      ["error", "", 2, 15],
      ["error", "", 4, 7],
      ["error", "", 5, 25],
      ["warning", "", 6, 1],
      ["error", "", 7, 14],
      ["error", "", 8, 8],
      ["warning", "", 9, 4],
    ]);
    expect(set.diagnostics[0].message).toMatch(/^line 2, column 15: invalid requirement "requests>=2.0 bad": /);
    expect(set.diagnostics[0].endColumn).toBe(18);
    expect(set.diagnostics[2].message).toMatch(/^line 5, column 25: invalid marker "python_version >> "3"": /);
    expect(set.diagnostics[4].message).toBe('line 7, column 14: --hash algorithm "md5" is not allowed; use sha256, sha384 or sha512');
    expect(set.diagnostics[5].message).toBe("line 8, column 8: no such option: --frobnicate");
    expect(set.diagnostics[6].message).toBe(
      "line 9, column 4: -r missing.txt not followed: the requirements file missing.txt was not provided; drop it in as well",
    );
  });
});

describe("pip syntax details", () => {
  it("maps errors on continuation lines back to the physical line", () => {
    const text = "requests \\\n  >=2.0, \\\n  <3 bad\n";
    const out = parseRequirementsTxt(text);
    expect(out.requirements).toEqual([]);
    expect(out.diagnostics.map(at)).toEqual([["error", "", 3, 6]]);
  });

  it("treats # as a comment only at the start or after whitespace (URL fragments survive)", () => {
    const out = parseRequirementsTxt("git+https://example.com/r.git#egg=thing # the thing\n# a comment\n  # indented comment\n");
    expect(out.requirements.map((r) => [r.name, r.url])).toEqual([["thing", "git+https://example.com/r.git#egg=thing"]]);
  });

  it("accepts --hash with a space, long-option prefixes, and -i/--extra-index-url forms", () => {
    const out = parseRequirementsTxt(
      "-i https://mirror.example.com/simple\n--extra-index https://extra.example.com/simple\nsix==1.16.0 --hash sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926\n",
    );
    expect(out.indexUrl).toBe("https://mirror.example.com/simple");
    expect(out.extraIndexUrls).toEqual(["https://extra.example.com/simple"]);
    expect(out.requirements[0].hashes).toEqual(["sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926"]);
    expect(out.diagnostics).toEqual([]);
  });

  it("detects -r cycles and says which files form them", () => {
    const files = { "a.txt": "-r b.txt\nalpha\n", "b.txt": "-r a.txt\nbeta\n" };
    const out = parseRequirementsTxt(files["a.txt"], { fileName: "a.txt", files });
    expect(out.requirements.map((r) => [r.file ?? "", r.name])).toEqual([
      ["b.txt", "beta"],
      ["", "alpha"],
    ]);
    expect(out.diagnostics.map((d) => d.message)).toEqual([
      "b.txt, line 1, column 4: -r a.txt includes a file that is already being read (a.txt -> b.txt -> a.txt); not followed again",
    ]);
  });

  it("resolves -r paths relative to the including file", () => {
    const files = { "requirements/dev.txt": "-r ../requirements/common/base.txt\n", "requirements/common/base.txt": "idna\n" };
    const out = parseRequirementsTxt(files["requirements/dev.txt"], { fileName: "requirements/dev.txt", files });
    expect(out.requirements.map((r) => [r.file, r.name])).toEqual([["requirements/common/base.txt", "idna"]]);
  });

  it("reads -r inside a constraints file as requirements, like pip", () => {
    const files = { "c.txt": "-r r.txt\nzipp<4\n", "r.txt": "click\n" };
    const out = parseRequirementsTxt("-c c.txt\n", { files });
    expect(out.requirements.map((r) => r.name)).toEqual(["click"]);
    expect(out.constraints.map((r) => r.pep508)).toEqual(["zipp<4"]);
  });

  it("rejects an editable that is neither a path nor a VCS URL, and a VCS URL without #egg", () => {
    const out = parseRequirementsTxt("-e https://example.com/pkg.zip\n-e git+https://example.com/r.git\n");
    expect(out.requirements).toEqual([]);
    expect(out.diagnostics.map(at)).toEqual([
      ["error", "", 1, 4],
      ["error", "", 2, 4],
    ]);
    expect(out.diagnostics[1].message).toBe(
      'line 2, column 4: could not detect the project name of "git+https://example.com/r.git": add #egg=your_package_name',
    );
  });
});
