// Tests for Pipfile: packages, dev-packages as the group "dev", marker keys, sources, [requires], and located errors.
import { describe, expect, it } from "vitest";
import { fixture } from "./fixture-files";
import { parseInput } from "./parse-input";
import type { Diagnostic, InputRequirement } from "../../api-input";

const brief = (r: InputRequirement) => [r.line, r.column, r.kind, r.source.kind === "main" ? "main" : `${r.source.kind}:${r.source.name}`, r.pep508];
const at = (d: Diagnostic) => [d.severity, d.line, d.column];

describe("a Flask app's Pipfile", () => {
  const text = fixture("pipenv-app/Pipfile");
  const set = parseInput(text, { fileName: "Pipfile", groups: ["dev"] });

  it("reads packages and dev-packages, tables, marker keys, VCS and path entries", () => {
    expect(set.format).toBe("Pipfile");
    expect(set.requirements.map(brief)).toEqual([
      [12, 1, "index", "main", "flask==3.0.0"],
      [13, 1, "index", "main", "flask-sqlalchemy<4,>=3.1"],
      [14, 1, "index", "main", "requests[security,socks]"],
      [15, 1, "index", "main", "gunicorn"],
      [16, 1, "index", "main", 'pywin32; sys_platform == "win32"'],
      [17, 1, "index", "main", 'backports-zoneinfo>=0.2.1; python_version < "3.9"'],
      [18, 1, "index", "main", "company-theme~=1.4"],
      [19, 1, "vcs", "main", "records @ git+https://github.com/kennethreitz/records.git@v0.5.3"],
      [20, 1, "editable", "main", "localpkg @ ./libs/localpkg"],
      [21, 1, "index", "main", "celery==5.3.4"],
      [24, 1, "index", "group:dev", "pytest>=7.4"],
      [25, 1, "index", "group:dev", "flake8"],
      [26, 1, "index", "group:dev", 'black; platform_python_implementation == "CPython"'],
    ]);
    expect(set.requirements[2].text).toBe('requests = {version = "*", extras = ["security", "socks"]}');
  });

  it("reads [[source]], [requires] and [pipenv]", () => {
    expect(set.indexUrl).toBe("https://pypi.org/simple");
    expect(set.extraIndexUrls).toEqual(["https://pypi.internal.example.com/simple"]);
    expect(set.requiresPython).toBe("==3.11.*");
    expect(set.pre).toBe(false);
    expect(set.groups).toEqual(["dev"]);
  });

  it("explains the per-package index, the direct references and the bare version", () => {
    expect(set.diagnostics.map((d) => d.message)).toEqual([
      'line 18, column 45: company-theme: the index "internal" is not used on its own; every [[source]] is searched',
      "line 19, column 1: records (git+https://github.com/kennethreitz/records.git@v0.5.3) is a version-control URL: it cannot come from a package index, so it is shown as such and the rest resolves without it",
      "line 20, column 1: localpkg (./libs/localpkg) is an editable install: it cannot come from a package index, so it is shown as such and the rest resolves without it",
      'line 21, column 10: celery: the bare version "5.3.4" is read as "==5.3.4"',
    ]);
  });

  it("leaves dev-packages out unless the group is asked for", () => {
    const plain = parseInput(text, { fileName: "Pipfile" });
    expect(plain.requirements.some((r) => r.source.kind === "group")).toBe(false);
  });
});

describe("a broken Pipfile", () => {
  const set = parseInput(fixture("bad/Pipfile"), { fileName: "Pipfile" });

  it("keeps the good packages and locates each error inside the value", () => {
    expect(set.requirements.map((r) => r.pep508)).toEqual(["requests", 'attrs[tests]==23.*; sys_platform == "linux"']);
    expect(set.requiresPython).toBeNull();
    expect(set.diagnostics.map(at)).toEqual([
      ["error", 7, 19],
      ["error", 8, 57],
      ["error", 9, 9],
      ["error", 13, 18],
    ]);
    expect(set.diagnostics[2].message).toBe("line 9, column 9: numpy: a package must be a version string or a table, not a number");
    expect(set.diagnostics[3].message).toBe('line 13, column 18: python_version must be a version such as "3.11", not "three"');
  });
});
