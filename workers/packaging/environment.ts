// Target environments (interpreter, Python version, OS, CPU, libc) and the PEP 508 marker values they report.
import * as v from "valibot";
import type { MarkerEnvironment } from "./markers";

export type PythonImplementation = "cpython" | "pypy";
export type TargetOs = "linux" | "macos" | "windows";
/** `aarch64` and `arm64` name the same CPU; each OS reports its own spelling (normalised by parsing). */
export type TargetArch = "x86_64" | "aarch64" | "arm64";
export type TargetLibc = "glibc" | "musl";

/** The machine and interpreter a resolution is for. Optional fields have per-OS defaults. */
export interface TargetEnvironment {
  implementation: PythonImplementation;
  /** "3.12", "3.12.4" or a pre-release such as "3.14.0rc1". A bare "X.Y" means micro 0. */
  pythonVersion: string;
  os: TargetOs;
  arch: TargetArch;
  /** Linux only; default "glibc". */
  libc?: TargetLibc;
  /** Linux with glibc: "major.minor", default "2.28" (manylinux_2_28). */
  glibcVersion?: string;
  /** Linux with musl: "major.minor", default "1.2" (musllinux_1_2). */
  muslVersion?: string;
  /** macOS: "major.minor", default "14.0"; arm64 needs 11.0 or later. */
  macosVersion?: string;
  /** A free-threaded CPython (3.13+): ABI `cp313t`, no `abi3`. Default false. */
  freeThreaded?: boolean;
  /** PyPy's own version (`implementation_version`); default per Python version, e.g. "7.3.19" for 3.10. */
  implementationVersion?: string;
  /** Override `platform_release` (e.g. a Linux kernel "6.8.0"); default per OS. */
  platformRelease?: string;
  /** Override `platform_version`; default per OS. */
  platformVersion?: string;
}

/**
 * CPython 3.12 on x86_64 Linux; glibc 2.28 (the manylinux_2_28 baseline) by the per-OS defaults. Only the
 * four required fields are set, so `{ ...defaultTargetEnvironment, os: "windows" }` is a valid target.
 */
export const defaultTargetEnvironment: TargetEnvironment = Object.freeze({
  implementation: "cpython",
  pythonVersion: "3.12",
  os: "linux",
  arch: "x86_64",
});

const DEFAULT_GLIBC = "2.28";
const DEFAULT_MUSL = "1.2";
const DEFAULT_MACOS = "14.0";
const LINUX_RELEASE = "6.8.0";
const LINUX_VERSION = "#1 SMP PREEMPT_DYNAMIC";
const WINDOWS_RELEASE = "10";
const WINDOWS_VERSION = "10.0.19045";

/** The last PyPy release for each Python line (implementation_version when not given). */
const PYPY_VERSIONS: Readonly<Record<string, string>> = {
  "3.6": "7.3.3",
  "3.7": "7.3.9",
  "3.8": "7.3.11",
  "3.9": "7.3.16",
  "3.10": "7.3.19",
  "3.11": "7.3.20",
};
const PYPY_LATEST = "7.3.20";

/** A target with every default filled in and versions split into numbers. */
export interface ResolvedTargetEnvironment {
  implementation: PythonImplementation;
  /** [major, minor] */
  python: readonly [number, number];
  /** "3.12.0", "3.14.0rc1" */
  pythonFullVersion: string;
  os: TargetOs;
  /** OS spelling: aarch64 on Linux, arm64 on macOS and Windows. */
  arch: TargetArch;
  libc: TargetLibc | null;
  /** [major, minor] of glibc (linux + glibc) or musl (linux + musl); null elsewhere. */
  libcVersion: readonly [number, number] | null;
  macosVersion: readonly [number, number] | null;
  freeThreaded: boolean;
  implementationVersion: string;
  platformRelease: string;
  platformVersion: string;
}

/** A target that does not describe a supported interpreter and platform. */
export class InvalidTargetEnvironment extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid target environment: ${problems.join("; ")}`);
    this.name = "InvalidTargetEnvironment";
    this.problems = problems;
  }
}

export type TargetEnvironmentResult =
  | { ok: true; target: TargetEnvironment }
  | { ok: false; problems: string[]; message: string };

const PYTHON_VERSION = /^(\d+)\.(\d+)(?:\.(\d+)((?:a|b|rc)\d+)?)?$/;
const MAJOR_MINOR = /^(\d+)\.(\d+)$/;
const MACOS_VERSION = /^(\d+)(?:\.(\d+))?(?:\.\d+)?$/;

const ARCH_ALIASES: Readonly<Record<string, "x86_64" | "arm64">> = {
  x86_64: "x86_64",
  amd64: "x86_64",
  x64: "x86_64",
  aarch64: "arm64",
  arm64: "arm64",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as a message shows it; never calls into it (untrusted input can hold `{"toString": 1}`). */
function quote(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) return JSON.stringify(value) ?? "an object";
  return String(value);
}

function archFor(os: TargetOs, cpu: "x86_64" | "arm64"): TargetArch {
  if (cpu === "x86_64") return "x86_64";
  return os === "linux" ? "aarch64" : "arm64";
}

const got = (what: string) => (issue: v.BaseIssue<unknown>) => `${what}, got ${quote(issue.input)}`;
const nonEmptyText = (key: string) =>
  v.pipe(
    v.string(got(`${key} must be a non-empty string`)),
    v.check((text) => text.trim() !== "", got(`${key} must be a non-empty string`)),
    v.trim(),
  );
/** platformRelease and platformVersion may be empty (a platform that reports nothing there). */
const textOrEmpty = (key: string) => v.union([v.literal(""), nonEmptyText(key)], (issue) => issue.issues?.at(-1)?.message ?? got(`${key} must be a string`)(issue));

/** Each field of a target, in the order its problems are reported; an absent field takes its default later. */
const targetFields = {
  implementation: v.picklist(["cpython", "pypy"], got('implementation must be "cpython" or "pypy"')),
  os: v.picklist(["linux", "macos", "windows"], got('os must be "linux", "macos" or "windows"')),
  arch: v.pipe(
    v.custom<string>((x) => typeof x === "string" && Object.hasOwn(ARCH_ALIASES, x.toLowerCase()), got('arch must be "x86_64" or "aarch64"/"arm64"')),
    v.transform((x) => ARCH_ALIASES[x.toLowerCase()]),
  ),
  pythonVersion: v.pipe(
    v.string(got('pythonVersion must look like "3.12", "3.12.4" or "3.14.0rc1"')),
    v.trim(),
    v.regex(PYTHON_VERSION, got('pythonVersion must look like "3.12", "3.12.4" or "3.14.0rc1"')),
    v.check((x) => {
      const [, major, minor] = PYTHON_VERSION.exec(x) ?? [];
      return Number(major) === 3 && Number(minor) >= 6;
    }, (issue) => `pythonVersion ${quote(issue.input)} is not supported: targets are Python 3.6 or later`),
  ),
  glibcVersion: nonEmptyText("glibcVersion"),
  muslVersion: nonEmptyText("muslVersion"),
  macosVersion: nonEmptyText("macosVersion"),
  implementationVersion: nonEmptyText("implementationVersion"),
  platformRelease: textOrEmpty("platformRelease"),
  platformVersion: textOrEmpty("platformVersion"),
  freeThreaded: v.boolean(got("freeThreaded must be true or false")),
  libc: v.picklist(["glibc", "musl"], got('libc must be "glibc" or "musl"')),
};

type TargetFields = { [K in keyof typeof targetFields]?: v.InferOutput<(typeof targetFields)[K]> };

/** What the combination rules see: the fields as given (defaults filled in) and those that passed their schema. */
interface TargetDraft {
  raw: Record<string, unknown>;
  valid: TargetFields;
}

function macosProblem({ raw, valid }: TargetDraft): string | null {
  const version = valid.macosVersion;
  if (version === undefined) return null;
  const m = MACOS_VERSION.exec(version);
  if (!m) return `macosVersion must look like "14.0" or "10.15", got ${quote(version)}`;
  const major = Number(m[1]);
  const minor = Number(m[2] ?? 0);
  if (major < 10 || (major === 10 && minor < 9)) return `macosVersion ${quote(version)} is older than 10.9`;
  if (valid.arch === "arm64" && raw.os === "macos" && major < 11) return `macOS on arm64 starts at 11.0, got ${quote(version)}`;
  return null;
}

function versionFormat(key: "glibcVersion" | "muslVersion", minMajor: number, example: string) {
  return ({ valid }: TargetDraft): string | null => {
    const version = valid[key];
    if (version === undefined) return null;
    const m = MAJOR_MINOR.exec(version);
    return !m || Number(m[1]) < minMajor ? `${key} must look like "${example}", got ${quote(version)}` : null;
  };
}

/** Combinations that do not exist, in the order they are reported; each rule returns its problem or null. */
const targetRules: ReadonlyArray<(draft: TargetDraft) => string | null> = [
  ({ raw }) => (raw.os !== "linux" && raw.libc !== undefined ? `libc applies to linux only, not ${quote(raw.os)}` : null),
  ({ raw, valid }) => (raw.os !== "linux" && valid.glibcVersion !== undefined ? `glibcVersion applies to linux only, not ${quote(raw.os)}` : null),
  ({ raw, valid }) => (raw.os !== "linux" && valid.muslVersion !== undefined ? `muslVersion applies to linux only, not ${quote(raw.os)}` : null),
  ({ raw, valid }) => (raw.os === "linux" && raw.libc === "musl" && valid.glibcVersion !== undefined ? "glibcVersion cannot be set for a musl target" : null),
  ({ raw, valid }) => (raw.os === "linux" && raw.libc !== "musl" && valid.muslVersion !== undefined ? 'muslVersion needs libc "musl"' : null),
  versionFormat("glibcVersion", 2, "2.28"),
  versionFormat("muslVersion", 1, "1.2"),
  ({ raw, valid }) => (valid.macosVersion !== undefined && raw.os !== "macos" ? `macosVersion applies to macos only, not ${quote(raw.os)}` : null),
  macosProblem,
  ({ raw }) => (raw.freeThreaded === true && raw.implementation !== "cpython" ? "freeThreaded applies to cpython only" : null),
  ({ raw, valid }) => {
    if (raw.freeThreaded !== true || raw.implementation !== "cpython" || valid.pythonVersion === undefined) return null;
    const [, major, minor] = PYTHON_VERSION.exec(valid.pythonVersion) ?? [];
    return Number(major) === 3 && Number(minor) < 13 ? `free-threaded CPython starts at 3.13, got ${quote(raw.pythonVersion)}` : null;
  },
  ({ raw, valid }) =>
    valid.implementationVersion !== undefined && raw.implementation !== "pypy" ? "implementationVersion applies to pypy only (CPython reports its Python version)" : null,
  ({ valid }) =>
    valid.implementationVersion !== undefined && !/^\d+\.\d+(?:\.\d+)?(?:(?:a|b|rc)\d+)?$/.test(valid.implementationVersion)
      ? `implementationVersion must look like "7.3.16", got ${quote(valid.implementationVersion)}`
      : null,
  ({ raw, valid }) => (raw.implementation === "pypy" && raw.os === "windows" && valid.arch === "arm64" ? "PyPy is not available for Windows on ARM64" : null),
];

/**
 * Validate and normalise a target from untrusted input (settings form, permalink, CLI flags). Missing
 * fields take {@link defaultTargetEnvironment}'s values (and per-OS defaults); architecture aliases
 * (`amd64`, `x64`, `aarch64`/`arm64`) are normalised to the OS's spelling. Every problem is reported:
 * first each field against its schema (`targetFields`), then the combinations (`targetRules`).
 */
export function parseTargetEnvironment(input: unknown): TargetEnvironmentResult {
  if (!isRecord(input)) {
    const message = "a target environment must be an object";
    return { ok: false, problems: [message], message };
  }
  const problems = Object.keys(input)
    .filter((key) => !Object.hasOwn(targetFields, key))
    .map((key) => `unknown field ${quote(key)}`);
  const d = defaultTargetEnvironment;
  const raw: Record<string, unknown> = { ...input };
  for (const key of ["implementation", "os", "arch", "pythonVersion"] as const) if (raw[key] === undefined) raw[key] = d[key];
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(targetFields)) {
    if (raw[key] === undefined) continue;
    const result = v.safeParse(schema as v.GenericSchema, raw[key]);
    if (result.success) valid[key] = result.output;
    else problems.push(result.issues[0].message);
  }
  const draft: TargetDraft = { raw, valid: valid as TargetFields };
  for (const rule of targetRules) {
    const problem = rule(draft);
    if (problem !== null) problems.push(problem);
  }
  if (problems.length > 0) return { ok: false, problems, message: `Invalid target environment: ${problems.join("; ")}` };

  const t = draft.valid as Required<Pick<TargetFields, "implementation" | "os" | "arch" | "pythonVersion">> & TargetFields;
  const target: TargetEnvironment = { implementation: t.implementation, pythonVersion: t.pythonVersion, os: t.os, arch: archFor(t.os, t.arch) };
  if (t.os === "linux") {
    target.libc = t.libc === "musl" ? "musl" : "glibc";
    if (target.libc === "glibc") target.glibcVersion = t.glibcVersion ?? DEFAULT_GLIBC;
    else target.muslVersion = t.muslVersion ?? DEFAULT_MUSL;
  }
  if (t.os === "macos") target.macosVersion = t.macosVersion ?? DEFAULT_MACOS;
  if (t.freeThreaded === true) target.freeThreaded = true;
  if (t.implementationVersion !== undefined) target.implementationVersion = t.implementationVersion;
  if (t.platformRelease !== undefined) target.platformRelease = t.platformRelease;
  if (t.platformVersion !== undefined) target.platformVersion = t.platformVersion;
  return { ok: true, target };
}

/** Darwin kernel release of a macOS version: 10.x → (x+4).0.0, 11–15 → (major+9).minor.0, 26+ → (major−1).minor.0. */
function darwinRelease(major: number, minor: number): string {
  if (major === 10) return `${minor + 4}.0.0`;
  if (major <= 15) return `${major + 9}.${minor}.0`;
  return `${major - 1}.${minor}.0`;
}

function parseMajorMinor(text: string): [number, number] {
  const m = MACOS_VERSION.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [0, 0];
}

/**
 * Fill in every default and split versions into numbers. Throws {@link InvalidTargetEnvironment} when
 * the target is invalid (use {@link parseTargetEnvironment} for input a person typed).
 */
export function resolveTargetEnvironment(target: TargetEnvironment): ResolvedTargetEnvironment {
  const parsed = parseTargetEnvironment(target);
  if (!parsed.ok) throw new InvalidTargetEnvironment(parsed.problems);
  const t = parsed.target;
  const m = PYTHON_VERSION.exec(t.pythonVersion);
  if (!m) throw new InvalidTargetEnvironment([`bad pythonVersion ${t.pythonVersion}`]);
  const python: [number, number] = [Number(m[1]), Number(m[2])];
  const pythonFullVersion = `${python[0]}.${python[1]}.${m[3] === undefined ? 0 : Number(m[3])}${m[4] ?? ""}`;
  const macos = t.os === "macos" ? parseMajorMinor(t.macosVersion ?? DEFAULT_MACOS) : null;
  let libcVersion: [number, number] | null = null;
  if (t.os === "linux") {
    libcVersion = parseMajorMinor(t.libc === "musl" ? (t.muslVersion ?? DEFAULT_MUSL) : (t.glibcVersion ?? DEFAULT_GLIBC));
  }
  let platformRelease: string;
  let platformVersion: string;
  if (t.os === "linux") {
    platformRelease = LINUX_RELEASE;
    platformVersion = LINUX_VERSION;
  } else if (t.os === "windows") {
    platformRelease = WINDOWS_RELEASE;
    platformVersion = WINDOWS_VERSION;
  } else {
    const [major, minor] = macos ?? [14, 0];
    platformRelease = darwinRelease(major, minor);
    platformVersion = `Darwin Kernel Version ${platformRelease}`;
  }
  const implementationVersion =
    t.implementation === "cpython"
      ? pythonFullVersion
      : (t.implementationVersion ?? PYPY_VERSIONS[`${python[0]}.${python[1]}`] ?? PYPY_LATEST);
  return {
    implementation: t.implementation,
    python,
    pythonFullVersion,
    os: t.os,
    arch: t.arch,
    libc: t.os === "linux" ? (t.libc ?? "glibc") : null,
    libcVersion,
    macosVersion: macos,
    freeThreaded: t.freeThreaded ?? false,
    implementationVersion,
    platformRelease: t.platformRelease ?? platformRelease,
    platformVersion: t.platformVersion ?? platformVersion,
  };
}

/**
 * The PEP 508 marker environment a real interpreter on the target reports (`packaging.markers.default_environment()`):
 * e.g. Linux → sys_platform "linux", platform_system "Linux", os_name "posix"; macOS → "darwin", "Darwin";
 * Windows → "win32", "Windows", "nt" with platform_machine "AMD64"/"ARM64". `python_full_version` is
 * "X.Y.0" when only "X.Y" is given. platform_release/platform_version are representative values
 * (kernel-specific on a real machine) unless overridden.
 */
export function markerEnvironment(target: TargetEnvironment): MarkerEnvironment {
  const t = resolveTargetEnvironment(target);
  let machine: string;
  if (t.os === "windows") machine = t.arch === "x86_64" ? "AMD64" : "ARM64";
  else machine = t.arch;
  return {
    implementation_name: t.implementation,
    implementation_version: t.implementationVersion,
    os_name: t.os === "windows" ? "nt" : "posix",
    platform_machine: machine,
    platform_release: t.platformRelease,
    platform_system: t.os === "linux" ? "Linux" : t.os === "macos" ? "Darwin" : "Windows",
    platform_version: t.platformVersion,
    python_full_version: t.pythonFullVersion,
    platform_python_implementation: t.implementation === "cpython" ? "CPython" : "PyPy",
    python_version: `${t.python[0]}.${t.python[1]}`,
    sys_platform: t.os === "linux" ? "linux" : t.os === "macos" ? "darwin" : "win32",
  };
}

/** A short human description, e.g. "CPython 3.12 on Linux x86_64 (glibc 2.28)". */
export function describeTargetEnvironment(target: TargetEnvironment): string {
  const t = resolveTargetEnvironment(target);
  const impl = t.implementation === "cpython" ? "CPython" : `PyPy ${t.implementationVersion}`;
  const py = `${t.python[0]}.${t.python[1]}${t.freeThreaded ? "t" : ""}`;
  const detail =
    t.os === "linux"
      ? `Linux ${t.arch} with ${t.libc} ${t.libcVersion?.join(".")}`
      : t.os === "macos"
        ? `macOS ${t.macosVersion?.join(".")} ${t.arch}`
        : `Windows ${t.arch}`;
  return t.implementation === "cpython" ? `${impl} ${py} on ${detail}` : `${impl} (Python ${py}) on ${detail}`;
}
