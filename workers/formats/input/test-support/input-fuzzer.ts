// Test support: seeded, structure-aware mutations of real dependency files, and the properties every reading must keep.
import { LineIndex } from "../location";
import { parseInput } from "../parse-input";
import type { InputFormat, RequirementSet } from "../../../api-input";
import { INPUT_FORMATS } from "../../../api-input-format";
import type { ParseInputOptions } from "../parsed-file";
import { fixture, fixtureDir } from "../fixture-files";

/** A small fast PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzSeed {
  format: InputFormat;
  fileName: string;
  text: string;
  /** Other files of the project (includes, extends), mutated too. */
  files: Record<string, string>;
}

/** Tokens that matter to each format's grammar: inserting them is how a mutation reaches the parser's corners. */
const TOKENS: Record<InputFormat | "pep508", string[]> = {
  pep508: ["(", ")", "[", "]", ";", ",", " @ ", "==", "~=", "===", "!=", ">=", "<", ".*", "+local", "'", '"', " and ", " or ", " not in ", " in ", "python_version", 'extra == "x"', "platform_machine", "1.0", "v", "_", "-", ".", " ", "\t", "file:///x", "https://e.com/a-1.0.tar.gz", "git+https://e.com/r.git@v1#egg=r", "\\"],
  "requirements.txt": ["-r ", "-c ", "--requirement=", "-e ", "--hash=sha256:", "--index-url ", "--extra-index-url ", "--pre", "\\\n", " #", "${VAR}", "./pkg", "x.whl", "-f ", "--no-binary :all:", "\n-r requirements.txt\n", "\n-c base.txt\n"],
  "pyproject.toml": ["[", "]", "[[", "]]", "{", "}", "=", ",", '"', "'''", '"""', "\\u00e9", "[project]\n", "[dependency-groups]\n", "[tool.poetry.dependencies]\n", "[tool.poetry.group.dev.dependencies]\n", '{include-group = "dev"}', 'python = "^3.8"', '"^1.2"', '"~2.7 || ^3.6"', '"1.2.*"', '{version = ">=1", markers = "sys_platform == \'linux\'"}', '{git = "https://e.com/r.git"}', '{ path = "../x", develop = true }', "optional = true", "extras = [", 'dynamic = ["dependencies"]', 'requires-python = ">=3.8"', "\n"],
  "setup.cfg": ["[options]\n", "[options.extras_require]\n", "[metadata]\n", "[pbr]\n", "[extras]\n", "install_requires =", "python_requires =", "file: requirements.txt", "\n    ", ";", "=", ":", "#", "\n", "%(here)s", "[", "]"],
  "setup.py": ["(", ")", "[", "]", "{", "}", '"', "'", '"""', "'''", "+", "*", "**", "\\\n", "#", ",", ":", "=", "setup(", "install_requires=", "extras_require=", "python_requires=", "def f():\n    return ", "if x:\n    ", "open('requirements.txt').read().splitlines()", ".split()", "lambda: 1", "f'x'", "b'x'", "r'\\'", "\n", "    "],
  Pipfile: ["[packages]\n", "[dev-packages]\n", "[requires]\n", "[[source]]\n", '= "*"', '= {version = ">=1", extras = ["x"]}', '= {git = "https://e.com/r.git", ref = "v1"}', 'markers = "os_name == \'nt\'"', "{", "}", "[", "]", '"', "=", "\n"],
  "buildout.cfg": ["[buildout]\n", "[versions]\n", "parts =", "eggs =", "extends =", "extends = base.cfg", "${buildout:eggs}", "${:x}", "${", "}", ":", "+=", "-=", "<=", "=>", "recipe = zc.recipe.egg", "develop = src/x", "\n    ", "#", ";", "\n"],
};

const ODD = ["\r", "\r\n", "\0", "\u2028", "\ufeff", "\ud83d\ude00", "\ud800", "é", "\t", " ", "\\", "\n", "#", "="];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** One mutation: line-level (duplicate, delete, swap, repeat, borrow), token-level (grammar tokens) or byte-level. */
function mutateOnce(text: string, format: InputFormat, random: () => number, donors: string[]): string {
  const lines = text.split("\n");
  const at = Math.floor(random() * (lines.length + 1));
  const offset = Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 12)) {
    case 0:
      lines.splice(at, 0, lines[at % lines.length] ?? "");
      return lines.join("\n");
    case 1:
      lines.splice(at, 1);
      return lines.join("\n");
    case 2: {
      const other = Math.floor(random() * lines.length);
      [lines[at % lines.length], lines[other]] = [lines[other], lines[at % lines.length]];
      return lines.join("\n");
    }
    case 3: {
      // Repeat a line many times (long files, long groups).
      const times = 1 + Math.floor(random() * 60);
      lines.splice(at, 0, ...Array.from({ length: times }, () => lines[at % lines.length] ?? ""));
      return lines.join("\n");
    }
    case 4: {
      const donor = pick(random, donors).split("\n");
      lines.splice(at, 0, pick(random, donor));
      return lines.join("\n");
    }
    case 5:
    case 6:
      return text.slice(0, offset) + pick(random, TOKENS[format]) + text.slice(offset);
    case 7:
      return text.slice(0, offset) + pick(random, TOKENS.pep508) + text.slice(offset);
    case 8: {
      // Repeat a short span (deep nesting, long strings).
      const length = 1 + Math.floor(random() * 4);
      const times = 2 + Math.floor(random() * (random() < 0.1 ? 400 : 20));
      return text.slice(0, offset) + text.slice(offset, offset + length).repeat(times) + text.slice(offset);
    }
    case 9:
      return text.slice(0, offset) + text.slice(offset + 1 + Math.floor(random() * 8));
    case 10:
      return text.slice(0, offset) + pick(random, ODD) + text.slice(offset);
    default: {
      const code = Math.floor(random() * 0x80);
      return text.slice(0, offset) + String.fromCharCode(code) + text.slice(offset + 1);
    }
  }
}

/** The most characters a fuzzed input may have: mutations that would grow it past this are not applied. */
const MAX_INPUT = 64_000;

export function mutate(text: string, format: InputFormat, random: () => number, donors: string[]): string {
  let out = text;
  const count = 1 + Math.floor(random() * 4);
  for (let k = 0; k < count; k++) {
    const next = mutateOnce(out, format, random, donors);
    if (next.length <= MAX_INPUT) out = next;
  }
  return out;
}

function seed(format: InputFormat, fileName: string, text: string, files: Record<string, string> = {}): FuzzSeed {
  return { format, fileName, text, files };
}

/** Real and hand-written fixtures of every format, as fuzz seeds. */
export function fuzzSeeds(): FuzzSeed[] {
  const django = fixtureDir("django-app");
  const openstack = fixtureDir("openstack-service");
  const plone = fixtureDir("plone-site");
  return [
    seed("requirements.txt", "requirements/dev.txt", django["requirements/dev.txt"], django),
    seed("requirements.txt", "requirements.txt", fixture("direct/requirements.txt")),
    seed("requirements.txt", "requirements.txt", fixture("bad/requirements.txt")),
    seed("pyproject.toml", "pyproject.toml", fixture("fastapi-app/pyproject.toml")),
    seed("pyproject.toml", "pyproject.toml", fixture("poetry-app/pyproject.toml")),
    seed("pyproject.toml", "pyproject.toml", fixture("bad/pyproject-entries.toml")),
    seed("pyproject.toml", "pyproject.toml", fixture("bad/poetry-entries.toml")),
    seed("setup.cfg", "setup.cfg", openstack["setup.cfg"], openstack),
    seed("setup.cfg", "setup.cfg", fixture("setuptools-lib/setup.cfg")),
    seed("setup.cfg", "setup.cfg", fixture("bad/setup.cfg")),
    seed("setup.py", "setup.py", fixture("classic-setup-literal/setup.py")),
    seed("setup.py", "setup.py", fixture("classic-setup-computed/setup.py"), fixtureDir("classic-setup-computed")),
    seed("setup.py", "setup.py", fixture("bad/setup.py")),
    seed("Pipfile", "Pipfile", fixture("pipenv-app/Pipfile")),
    seed("Pipfile", "Pipfile", fixture("bad/Pipfile")),
    seed("buildout.cfg", "buildout.cfg", plone["buildout.cfg"], plone),
    seed("buildout.cfg", "buildout.cfg", fixture("bad/buildout.cfg")),
  ];
}

export interface FuzzCase {
  format: InputFormat;
  text: string;
  options: ParseInputOptions;
}

/** The `index`-th case of a run: a seed, mutated (its other files too, sometimes). Deterministic in (seed, index). */
export function fuzzCase(seeds: FuzzSeed[], runSeed: number, index: number): FuzzCase {
  const random = randomSource((runSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const base = seeds[index % seeds.length];
  const donors = seeds.filter((s) => s.format === base.format).map((s) => s.text);
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(base.files)) files[name] = random() < 0.3 ? mutate(text, base.format, random, donors) : text;
  const options: ParseInputOptions = { fileName: base.fileName, files, extras: random() < 0.5 ? ["x", "dev", "test"] : [], groups: random() < 0.5 ? ["dev", "test", "docs"] : [] };
  return { format: base.format, text: mutate(base.text, base.format, random, donors), options };
}

/** A PEP 508 requirement string mutated from a real one (for the requirement and marker parsers directly). */
export function fuzzRequirement(runSeed: number, index: number): string {
  const random = randomSource((runSeed ^ Math.imul(index + 7, 0x85ebca6b)) >>> 0);
  const bases = [
    'requests[security,socks] >= 2.8.1, == 2.8.* ; python_version < "2.7" and (sys_platform == "win32" or extra == "x")',
    "name @ https://example.com/name-1.0.tar.gz#sha256=abc ; os_name != 'nt'",
    "Django (>=3.2,<5)",
    'a; (python_version >= "3" or (platform_machine in "x86_64 aarch64" and implementation_name == "cpython"))',
  ];
  let text = pick(random, bases);
  const count = 1 + Math.floor(random() * 5);
  for (let k = 0; k < count; k++) {
    const offset = Math.floor(random() * (text.length + 1));
    const r = random();
    if (r < 0.5) text = text.slice(0, offset) + pick(random, TOKENS.pep508) + text.slice(offset);
    else if (r < 0.7) text = text.slice(0, offset) + text.slice(offset + 1 + Math.floor(random() * 6));
    else if (r < 0.85) text = text.slice(0, offset) + text.slice(offset, offset + 1 + Math.floor(random() * 3)).repeat(2 + Math.floor(random() * 300)) + text.slice(offset);
    else text = text.slice(0, offset) + pick(random, ODD) + text.slice(offset);
  }
  return text;
}

/** What a reading must never do, whatever the input: each broken property as a sentence (empty: all hold). */
export function brokenProperties(input: FuzzCase, set: RequirementSet): string[] {
  const problems: string[] = [];
  if (!INPUT_FORMATS.includes(set.format)) problems.push(`format ${String(set.format)} is not an input format`);
  for (const key of ["requirements", "constraints", "extras", "groups", "diagnostics", "extraIndexUrls"] as const) {
    if (!Array.isArray(set[key])) problems.push(`${key} is not an array`);
  }
  const own = new LineIndex(input.text);
  const files = input.options.files ?? {};
  const counts = new Map<string, number | null>();
  const lineCount = (file: string | undefined): number | null => {
    if (file === undefined) return own.lineCount;
    if (!counts.has(file)) counts.set(file, files[file] === undefined ? null : new LineIndex(files[file]).lineCount);
    return counts.get(file) ?? null;
  };
  const located = (what: string, item: { line: number; column: number; file?: string }): void => {
    // Line 0, column 0: about the request as a whole (an extra or group asked for), not any line of a file.
    if (item.line === 0 && item.column === 0 && item.file === undefined) return;
    if (!Number.isInteger(item.line) || !Number.isInteger(item.column) || item.line < 1 || item.column < 1) {
      problems.push(`${what} has no valid position (line ${item.line}, column ${item.column})`);
      return;
    }
    const lines = lineCount(item.file);
    if (item.file !== undefined && lines === null) problems.push(`${what} names a file that was not read: ${item.file}`);
    else if (lines !== null && item.line > lines) problems.push(`${what} is at line ${item.line}, past the end (${lines} lines)`);
  };
  for (const diagnostic of set.diagnostics) {
    const what = `diagnostic "${diagnostic.message.slice(0, 120)}"`;
    if (diagnostic.internal) problems.push(`${what} is an internal error`);
    if (!["error", "warning", "info"].includes(diagnostic.severity)) problems.push(`${what} has severity ${diagnostic.severity}`);
    const aboutTheRequest = diagnostic.line === 0 && diagnostic.column === 0 && diagnostic.file === undefined;
    if (typeof diagnostic.message !== "string" || (!aboutTheRequest && !diagnostic.message.startsWith(`${diagnostic.file ? `${diagnostic.file}, ` : ""}line ${diagnostic.line}, column ${diagnostic.column}: `))) {
      problems.push(`${what} does not start with where it is`);
    }
    located(what, diagnostic);
  }
  for (const requirement of [...set.requirements, ...set.constraints]) located(`requirement "${requirement.text.slice(0, 80)}"`, requirement);
  return problems;
}

/** Reads one case, timing it. A throw is reported as a broken property (parseInput must never throw). */
export function runCase(input: FuzzCase): { milliseconds: number; problems: string[]; set: RequirementSet | null } {
  const start = performance.now();
  try {
    const set = parseInput(input.text, input.options);
    return { milliseconds: performance.now() - start, problems: brokenProperties(input, set), set };
  } catch (error) {
    return { milliseconds: performance.now() - start, problems: [`parseInput threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`], set: null };
  }
}
