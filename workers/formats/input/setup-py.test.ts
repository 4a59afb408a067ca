// Tests for static setup.py reading: literal arguments, module-level names, computed values, and located errors.
import { describe, expect, it } from "vitest";
import { fixture, fixtureDir } from "./fixture-files";
import { parseInput } from "./parse-input";
import type { Diagnostic, InputRequirement } from "../../api-input";
import { parseSetupPy } from "./setup-py";

const brief = (r: InputRequirement) => [
  r.file ?? "",
  r.line,
  r.column,
  r.source.kind === "main" ? "main" : `${r.source.kind}:${r.source.name}`,
  r.pep508,
];
const at = (d: Diagnostic) => [d.severity, d.line, d.column];

describe("a classic setup.py with literal requirements", () => {
  const text = fixture("classic-setup-literal/setup.py");
  const set = parseInput(text, { fileName: "setup.py", extras: ["all"] });

  it("follows names assigned literals, list concatenation, dict items and extras_require's ':marker' keys", () => {
    expect(set.format).toBe("setup.py");
    expect(set.requiresPython).toBe(">=3.7");
    expect(set.extras).toEqual(["html", "cli", "all"]);
    expect(set.requirements.map(brief)).toEqual([
      ["", 14, 6, "main", "requests<3,>=2.20"],
      ["", 15, 6, "main", "lxml>=4.6"],
      ["", 16, 6, "main", "python-dateutil>=2.8.1"],
      ["", 20, 6, "main", 'chardet>=3.0.2; python_version < "3.8"'],
      ["", 26, 35, "main", 'colorama>=0.4; sys_platform == "win32"'],
      ["", 24, 15, "extra:all", "beautifulsoup4>=4.9"],
      ["", 24, 38, "extra:all", "html5lib"],
      ["", 25, 14, "extra:all", "click>=7.0"],
    ]);
  });

  it("never runs anything, and only notes tests_require", () => {
    expect(set.diagnostics.map((d) => d.message)).toEqual([
      "line 41, column 5: tests_require is for building or testing the project, not a dependency; it is not included",
    ]);
  });
});

describe("a setup.py that computes install_requires", () => {
  const files = fixtureDir("classic-setup-computed");

  it("says what is computed and where, and uses the requirements file it reads when it was dropped in", () => {
    const set = parseInput(files["setup.py"], { fileName: "setup.py", files });
    expect(set.requirements.map(brief)).toEqual([
      ["requirements.txt", 2, 1, "main", "numpy>=1.21"],
      ["requirements.txt", 3, 1, "main", "scipy<2,>=1.7"],
      ["requirements.txt", 4, 1, "main", "pandas>=1.3"],
    ]);
    expect(set.requiresPython).toBe(">=3.8");
    expect(set.diagnostics.map(at)).toEqual([
      ["warning", 20, 5],
      ["warning", 27, 22],
    ]);
    expect(set.diagnostics[0].message).toBe(
      'line 20, column 5: extras_require is computed ("extras", which is changed inside the "if" block at line 19); setup.py is never run, so Tangle cannot know its value; paste the requirements instead',
    );
    expect(set.diagnostics[1].message).toBe(
      "line 27, column 22: install_requires is computed (a call to read_requirements()); setup.py is never run, so Tangle cannot know its value; it appears to read requirements.txt, so the requirements of requirements.txt are used instead",
    );
  });

  it("asks for the file when it was not dropped in", () => {
    const set = parseInput(files["setup.py"], { fileName: "setup.py" });
    expect(set.requirements).toEqual([]);
    expect(set.diagnostics[1].message).toBe(
      "line 27, column 22: install_requires is computed (a call to read_requirements()); setup.py is never run, so Tangle cannot know its value (read_requirements() is defined at line 9); it appears to read requirements.txt: drop that file in as well to use it",
    );
  });

  it("celery's layout: a file read from requirements/ by a local function is used; an extras function names its lines", () => {
    const setupPy = [
      "import os, setuptools",
      "def _reqs(*f):",
      "    with open(os.path.join(os.getcwd(), 'requirements', *f)) as fp:",
      "        return [r.strip() for r in fp.readlines() if r.strip()]",
      "def extras_require():",
      "    return {x: _reqs('extras', x + '.txt') for x in {'redis'}}",
      "setuptools.setup(name='celery', install_requires=_reqs('default.txt'), extras_require=extras_require())",
    ].join("\n");
    const set = parseInput(setupPy, { fileName: "setup.py", files: { "requirements/default.txt": "kombu>=5.3\n" } });
    expect(set.requirements.map((r) => [r.pep508, r.file, r.line])).toEqual([["kombu>=5.3", "requirements/default.txt", 1]]);
    const extras = set.diagnostics.find((d) => d.message.includes("extras_require is computed"));
    expect(extras).toMatchObject({ severity: "warning", line: 7, column: 87 });
    expect(extras?.message).toContain("(extras_require() is defined at line 5, _reqs() is defined at line 2)");
  });
});

describe("a broken setup.py", () => {
  const set = parseInput(fixture("bad/setup.py"), { fileName: "setup.py", extras: ["yaml", "cli"] });

  it("keeps every literal item it can read", () => {
    expect(set.requirements.map(brief)).toEqual([
      ["", 15, 24, "main", "requests>=2"],
      ["", 16, 53, "extra:cli", "rich>=13"],
    ]);
  });

  it("locates computed items, bad requirements, wrong types and tokenizer errors", () => {
    expect(set.diagnostics.map(at)).toEqual([
      ["warning", 10, 5],
      ["error", 15, 57],
      ["warning", 15, 77],
      ["error", 16, 64],
      ["error", 18, 17],
    ]);
    expect(set.diagnostics[0].message).toMatch(/^line 10, column 5: extras_require\["yaml"\] is computed \("REQUIRES", which is changed inside the "if" block at line 9\)/);
    expect(set.diagnostics[1].message).toMatch(/^line 15, column 57: invalid requirement "urllib3<3,>=1.26 ;; os_name == 'nt'": /);
    expect(set.diagnostics[2].message).toMatch(/^line 15, column 77: an item of install_requires is computed \(an f-string\)/);
    expect(set.diagnostics[3].message).toBe('line 16, column 64: extras_require["cli"] must be a string or a list of strings, not 7');
    expect(set.diagnostics[4].message).toBe("line 18, column 17: unterminated string literal");
  });
});

describe("setup.py shapes", () => {
  it("reads setup(**kwargs) from a literal dict, += and .extend on module-level lists", () => {
    const out = parseSetupPy(
      [
        "import setuptools",
        "deps = ['a>=1']",
        "deps += ['b']",
        "deps.extend(('c',))",
        "kwargs = dict_ = {'install_requires': deps, 'python_requires': '>=3.9'}",
        "setuptools.setup(name='x', **kwargs)",
      ].join("\n"),
    );
    expect(out.requirements.map((r) => r.pep508)).toEqual(["a>=1", "b", "c"]);
    expect(out.requiresPython).toBe(">=3.9");
    expect(out.diagnostics).toEqual([]);
  });

  it("reads a multi-line string, split into lines, and skips its comments", () => {
    const out = parseSetupPy('from setuptools import setup\nsetup(install_requires="""\n  six\n  # comment\n  idna>=2\n""")\n');
    expect(out.requirements.map((r) => [r.line, r.column, r.pep508])).toEqual([
      [3, 3, "six"],
      [5, 3, "idna>=2"],
    ]);
  });

  it("uses str.split() on a literal", () => {
    const out = parseSetupPy("from setuptools import setup\nsetup(install_requires='six idna'.split())\n");
    expect(out.requirements.map((r) => [r.column, r.pep508])).toEqual([
      [25, "six"],
      [29, "idna"],
    ]);
  });

  it("says when there is no setup() call", () => {
    const out = parseSetupPy("print('hello')\n");
    expect(out.diagnostics.map((d) => d.message)).toEqual([
      "line 1, column 1: no setup(...) call found: Tangle reads install_requires, extras_require and python_requires from it",
    ]);
  });

  it("finds setup() inside a main() function, with that function's local names", () => {
    const out = parseSetupPy("from setuptools import setup\n\ndef main():\n    reqs = ['flask']\n    setup(install_requires=reqs)\n\nmain()\n");
    expect(out.requirements.map((r) => r.pep508)).toEqual(["flask"]);
  });
});
