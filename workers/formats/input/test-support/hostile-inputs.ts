// Test support: the hostile dependency files of issue 12 (include diamonds, doubling references, deep nesting), by size.
import type { ParseInputOptions } from "../parsed-file";

export interface HostileInput {
  name: string;
  text: string;
  options: ParseInputOptions;
}

/** `-r` diamond: every file includes the next one twice; the last names one requirement. */
export function includeDiamond(levels: number): HostileInput {
  const files: Record<string, string> = {};
  for (let i = 1; i < levels; i++) files[`r${i}.txt`] = `-r r${i + 1}.txt\n-r r${i + 1}.txt\n`;
  files[`r${levels}.txt`] = "requests\n";
  return { name: `-r include diamond, ${levels} levels`, text: "-r r1.txt\n-r r1.txt\n", options: { fileName: "requirements.txt", files } };
}

/** buildout `extends` diamond: every file extends the next one twice. */
export function extendsDiamond(levels: number): HostileInput {
  const files: Record<string, string> = {};
  for (let i = 1; i < levels; i++) files[`b${i}.cfg`] = `[buildout]\nextends = b${i + 1}.cfg b${i + 1}.cfg\n`;
  files[`b${levels}.cfg`] = "[versions]\nrequests = 2.0\n";
  return {
    name: `buildout extends diamond, ${levels} levels`,
    text: "[buildout]\nextends = b1.cfg b1.cfg\nparts = app\n[app]\nrecipe = zc.recipe.egg\neggs = requests\n",
    options: { fileName: "buildout.cfg", files },
  };
}

/** buildout `${}` doubling: every option is the previous one twice. */
export function referenceDoubling(levels: number): HostileInput {
  const lines = ["[buildout]", "parts = app", "[app]", "recipe = zc.recipe.egg", "eggs = ${s:o" + levels + "}", "[s]", "o0 = requests"];
  for (let i = 1; i <= levels; i++) lines.push(`o${i} = \${s:o${i - 1}} \${s:o${i - 1}}`);
  return { name: `buildout \${} doubling, ${levels} levels`, text: `${lines.join("\n")}\n`, options: { fileName: "buildout.cfg" } };
}

/** PEP 735 doubling: every group includes the next one twice. */
export function groupDoubling(levels: number): HostileInput {
  const lines = ["[dependency-groups]"];
  for (let i = 0; i < levels; i++) lines.push(`g${i} = [{include-group = "g${i + 1}"}, {include-group = "g${i + 1}"}]`);
  lines.push(`g${levels} = ["requests"]`);
  return { name: `dependency-group doubling, ${levels} levels`, text: `${lines.join("\n")}\n`, options: { fileName: "pyproject.toml", groups: ["g0"] } };
}

/** A marker nested `depth` parentheses deep. */
export function deepMarker(depth: number): HostileInput {
  return {
    name: `marker nested ${depth} deep`,
    text: `requests; ${"(".repeat(depth)}python_version >= "3"${")".repeat(depth)}\n`,
    options: { fileName: "requirements.txt" },
  };
}

/** setup.py with one string literal of `bytes` characters. */
export function longSetupPyString(bytes: number): HostileInput {
  return {
    name: `setup.py string literal of ${Math.round(bytes / 1000)} KB`,
    text: `from setuptools import setup\nsetup(name="x", install_requires=["${"a".repeat(bytes)}"])\n`,
    options: { fileName: "setup.py" },
  };
}

/** setup.py whose install_requires is nested `depth` lists deep. */
export function deepSetupPy(depth: number): HostileInput {
  return {
    name: `setup.py nested ${depth} levels`,
    text: `from setuptools import setup\nsetup(name="x", install_requires=${"[".repeat(depth)}"requests"${"]".repeat(depth)})\n`,
    options: { fileName: "setup.py" },
  };
}

/** setup.py concatenating `count` string literals with `+`. */
export function setupPyConcatenations(count: number): HostileInput {
  const pieces = Array.from({ length: count }, (_, i) => `"r${i % 10}"`).join(" + ");
  return {
    name: `setup.py with ${count} string concatenations`,
    text: `from setuptools import setup\nREQ = ${pieces}\nsetup(name="x", install_requires=[REQ])\n`,
    options: { fileName: "setup.py" },
  };
}

/** The sizes issue 12 reports. */
export function issue12Inputs(): HostileInput[] {
  return [
    includeDiamond(20),
    includeDiamond(25),
    extendsDiamond(18),
    referenceDoubling(30),
    groupDoubling(18),
    deepMarker(3000),
    longSetupPyString(300_000),
    deepSetupPy(2000),
    setupPyConcatenations(20_000),
  ];
}
