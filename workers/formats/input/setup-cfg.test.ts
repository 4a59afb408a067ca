// Tests for setup.cfg: a setuptools library, an OpenStack pbr client (requirements.txt files), and a broken file.
import { describe, expect, it } from "vitest";
import { fixture, fixtureDir } from "./fixture-files";
import { parseInput } from "./parse-input";
import type { Diagnostic, InputRequirement } from "../../api-input";

const brief = (r: InputRequirement) => [
  r.file ?? "",
  r.line,
  r.column,
  r.source.kind === "main" ? "main" : `${r.source.kind}:${r.source.name}`,
  r.pep508,
];
const at = (d: Diagnostic) => [d.severity, d.line, d.column];

describe("a setuptools library's setup.cfg", () => {
  const text = fixture("setuptools-lib/setup.cfg");
  const set = parseInput(text, { fileName: "setup.cfg", extras: ["s3", "test"] });

  it("reads install_requires (skipping comment lines), python_requires and both extras", () => {
    expect(set.format).toBe("setup.cfg");
    expect(set.requiresPython).toBe(">=3.8");
    expect(set.extras).toEqual(["s3", "test"]);
    expect(set.requirements.map(brief)).toEqual([
      ["", 13, 5, "main", "numpy>=1.22"],
      ["", 14, 5, "main", "Pillow!=9.1.0,>=9.0"],
      ["", 16, 5, "main", "shapely>=2.0"],
      ["", 17, 5, "main", 'importlib-metadata>=4.6; python_version < "3.10"'],
      ["", 18, 5, "main", "mercantile"],
      ["", 24, 6, "extra:s3", "boto3>=1.26"],
      ["", 24, 19, "extra:s3", "s3fs"],
      ["", 26, 5, "extra:test", "pytest>=7"],
      ["", 27, 5, "extra:test", "pytest-benchmark"],
      ["", 28, 5, "extra:test", "moto[s3]>=4.1"],
    ]);
  });

  it("notes setup_requires as not a dependency", () => {
    expect(set.diagnostics.map((d) => d.message)).toEqual([
      "line 20, column 1: setup_requires is for building or testing the project, not a dependency; it is not included",
    ]);
  });
});

describe("an OpenStack client using pbr", () => {
  const files = fixtureDir("openstack-service");

  it("takes install_requires from requirements.txt and python-requires from [metadata]", () => {
    const set = parseInput(files["setup.cfg"], { fileName: "setup.cfg", files });
    expect(set.requiresPython).toBe(">=3.8");
    expect(set.requirements.map(brief)).toEqual([
      ["requirements.txt", 4, 1, "main", "pbr!=2.1.0,>=2.0.0"],
      ["requirements.txt", 5, 1, "main", "cliff>=3.4.0"],
      ["requirements.txt", 6, 1, "main", "keystoneauth1>=3.18.0"],
      ["requirements.txt", 7, 1, "main", "osc-lib>=2.3.0"],
      ["requirements.txt", 8, 1, "main", "oslo.i18n>=3.15.3"],
      ["requirements.txt", 9, 1, "main", "oslo.serialization!=2.19.1,>=2.18.0"],
      ["requirements.txt", 10, 1, "main", "oslo.utils>=4.5.0"],
      ["requirements.txt", 11, 1, "main", "requests>=2.14.2"],
      ["requirements.txt", 12, 1, "main", "stevedore>=2.0.1"],
    ]);
    expect(set.extras).toEqual(["osprofiler"]);
    expect(set.groups).toEqual(["test"]);
    expect(set.diagnostics).toEqual([]);
  });

  it("adds test-requirements.txt as the group test and [extras] as extras", () => {
    const set = parseInput(files["setup.cfg"], { fileName: "setup.cfg", files, extras: ["osprofiler"], groups: ["test"] });
    expect(set.requirements.filter((r) => r.source.kind !== "main").map(brief)).toEqual([
      ["test-requirements.txt", 1, 1, "group:test", "hacking<3.1.0,>=3.0.1"],
      ["test-requirements.txt", 2, 1, "group:test", "coverage!=4.4,>=4.0"],
      ["test-requirements.txt", 3, 1, "group:test", "fixtures>=3.0.0"],
      ["test-requirements.txt", 4, 1, "group:test", "requests-mock>=1.2.0"],
      ["test-requirements.txt", 5, 1, "group:test", "stestr>=2.0.0"],
      ["test-requirements.txt", 6, 1, "group:test", "testtools>=2.2.0"],
      ["", 26, 3, "extra:osprofiler", "osprofiler>=1.4.0"],
    ]);
  });

  it("says that requirements.txt is needed when it was not dropped in", () => {
    const set = parseInput(files["setup.cfg"], { fileName: "setup.cfg" });
    expect(set.requirements).toEqual([]);
    expect(set.diagnostics.map((d) => d.message)).toEqual([
      "line 1, column 1: this is a pbr project: its dependencies are in requirements.txt, which was not provided; drop it in as well",
    ]);
  });
});

describe("a broken setup.cfg", () => {
  const set = parseInput(fixture("bad/setup.cfg"), { fileName: "setup.cfg", extras: ["speedups"] });

  it("keeps the good requirements", () => {
    expect(set.requirements.map((r) => [r.line, r.column, r.pep508])).toEqual([
      [6, 5, "requests>=2.0"],
      [8, 5, "numpy"],
      [13, 12, "ujson"],
    ]);
    expect(set.requiresPython).toBeNull();
  });

  it("locates each error, with a hint for markers in a one-line value", () => {
    expect(set.diagnostics.map(at)).toEqual([
      ["error", 7, 19],
      ["error", 9, 1],
      ["error", 10, 19],
      ["error", 13, 34],
    ]);
    expect(set.diagnostics[1].message).toBe('line 9, column 1: "this line has no delimiter" is neither a [section] header nor a key = value line');
    expect(set.diagnostics[3].message).toMatch(/put each requirement on its own line to use markers\)$/);
  });
});
