// Target environments (interpreter, Python version, OS, CPU, libc) and the PEP 508 marker values they report.
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

function quote(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function optionalString(input: Record<string, unknown>, key: string, problems: string[]): string | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") {
    problems.push(`${key} must be a non-empty string, got ${quote(value)}`);
    return undefined;
  }
  return value.trim();
}

function archFor(os: TargetOs, cpu: "x86_64" | "arm64"): TargetArch {
  if (cpu === "x86_64") return "x86_64";
  return os === "linux" ? "aarch64" : "arm64";
}

/**
 * Validate and normalise a target from untrusted input (settings form, permalink, CLI flags). Missing
 * fields take {@link defaultTargetEnvironment}'s values (and per-OS defaults); architecture aliases
 * (`amd64`, `x64`, `aarch64`/`arm64`) are normalised to the OS's spelling. Every problem is reported.
 */
export function parseTargetEnvironment(input: unknown): TargetEnvironmentResult {
  const problems: string[] = [];
  if (!isRecord(input)) {
    const message = "a target environment must be an object";
    return { ok: false, problems: [message], message };
  }
  const known = new Set([
    "implementation",
    "pythonVersion",
    "os",
    "arch",
    "libc",
    "glibcVersion",
    "muslVersion",
    "macosVersion",
    "freeThreaded",
    "implementationVersion",
    "platformRelease",
    "platformVersion",
  ]);
  for (const key of Object.keys(input)) if (!known.has(key)) problems.push(`unknown field ${quote(key)}`);

  const implementation = input.implementation ?? defaultTargetEnvironment.implementation;
  if (implementation !== "cpython" && implementation !== "pypy") {
    problems.push(`implementation must be "cpython" or "pypy", got ${quote(implementation)}`);
  }
  const os = input.os ?? defaultTargetEnvironment.os;
  if (os !== "linux" && os !== "macos" && os !== "windows") {
    problems.push(`os must be "linux", "macos" or "windows", got ${quote(os)}`);
  }
  const rawArch = input.arch ?? defaultTargetEnvironment.arch;
  const cpu = typeof rawArch === "string" ? ARCH_ALIASES[rawArch.toLowerCase()] : undefined;
  if (cpu === undefined) problems.push(`arch must be "x86_64" or "aarch64"/"arm64", got ${quote(rawArch)}`);

  const pythonVersion = input.pythonVersion ?? defaultTargetEnvironment.pythonVersion;
  let python: [number, number] | null = null;
  if (typeof pythonVersion !== "string" || !PYTHON_VERSION.test(pythonVersion.trim())) {
    problems.push(`pythonVersion must look like "3.12", "3.12.4" or "3.14.0rc1", got ${quote(pythonVersion)}`);
  } else {
    const m = PYTHON_VERSION.exec(pythonVersion.trim());
    if (m) python = [Number(m[1]), Number(m[2])];
    if (python && (python[0] !== 3 || python[1] < 6)) {
      problems.push(`pythonVersion ${quote(pythonVersion)} is not supported: targets are Python 3.6 or later`);
    }
  }

  const libc = input.libc;
  const glibcVersion = optionalString(input, "glibcVersion", problems);
  const muslVersion = optionalString(input, "muslVersion", problems);
  const macosVersion = optionalString(input, "macosVersion", problems);
  const implementationVersion = optionalString(input, "implementationVersion", problems);
  const platformRelease = input.platformRelease === "" ? "" : optionalString(input, "platformRelease", problems);
  const platformVersion = input.platformVersion === "" ? "" : optionalString(input, "platformVersion", problems);
  const freeThreaded = input.freeThreaded ?? false;
  if (typeof freeThreaded !== "boolean") problems.push(`freeThreaded must be true or false, got ${quote(freeThreaded)}`);

  if (libc !== undefined && libc !== "glibc" && libc !== "musl") {
    problems.push(`libc must be "glibc" or "musl", got ${quote(libc)}`);
  }
  if (os !== "linux") {
    if (libc !== undefined) problems.push(`libc applies to linux only, not ${quote(os)}`);
    if (glibcVersion !== undefined) problems.push(`glibcVersion applies to linux only, not ${quote(os)}`);
    if (muslVersion !== undefined) problems.push(`muslVersion applies to linux only, not ${quote(os)}`);
  } else if (libc === "musl" && glibcVersion !== undefined) {
    problems.push("glibcVersion cannot be set for a musl target");
  } else if (libc !== "musl" && muslVersion !== undefined) {
    problems.push('muslVersion needs libc "musl"');
  }
  if (glibcVersion !== undefined) {
    const m = MAJOR_MINOR.exec(glibcVersion);
    if (!m || Number(m[1]) < 2) problems.push(`glibcVersion must look like "2.28", got ${quote(glibcVersion)}`);
  }
  if (muslVersion !== undefined) {
    const m = MAJOR_MINOR.exec(muslVersion);
    if (!m || Number(m[1]) < 1) problems.push(`muslVersion must look like "1.2", got ${quote(muslVersion)}`);
  }
  if (macosVersion !== undefined) {
    if (os !== "macos") problems.push(`macosVersion applies to macos only, not ${quote(os)}`);
    const m = MACOS_VERSION.exec(macosVersion);
    if (!m) problems.push(`macosVersion must look like "14.0" or "10.15", got ${quote(macosVersion)}`);
    else {
      const major = Number(m[1]);
      const minor = Number(m[2] ?? 0);
      if (major < 10 || (major === 10 && minor < 9)) problems.push(`macosVersion ${quote(macosVersion)} is older than 10.9`);
      else if (cpu === "arm64" && major < 11) problems.push(`macOS on arm64 starts at 11.0, got ${quote(macosVersion)}`);
    }
  }
  if (freeThreaded === true) {
    if (implementation !== "cpython") problems.push("freeThreaded applies to cpython only");
    else if (python && (python[0] < 3 || (python[0] === 3 && python[1] < 13))) {
      problems.push(`free-threaded CPython starts at 3.13, got ${quote(pythonVersion)}`);
    }
  }
  if (implementationVersion !== undefined && implementation !== "pypy") {
    problems.push("implementationVersion applies to pypy only (CPython reports its Python version)");
  }
  if (implementationVersion !== undefined && !/^\d+\.\d+(?:\.\d+)?(?:(?:a|b|rc)\d+)?$/.test(implementationVersion)) {
    problems.push(`implementationVersion must look like "7.3.16", got ${quote(implementationVersion)}`);
  }
  if (implementation === "pypy" && os === "windows" && cpu === "arm64") {
    problems.push("PyPy is not available for Windows on ARM64");
  }

  if (problems.length > 0) return { ok: false, problems, message: `Invalid target environment: ${problems.join("; ")}` };

  const targetOs = os as TargetOs;
  const target: TargetEnvironment = {
    implementation: implementation as PythonImplementation,
    pythonVersion: (pythonVersion as string).trim(),
    os: targetOs,
    arch: archFor(targetOs, cpu ?? "x86_64"),
  };
  if (targetOs === "linux") {
    target.libc = libc === "musl" ? "musl" : "glibc";
    if (target.libc === "glibc") target.glibcVersion = glibcVersion ?? DEFAULT_GLIBC;
    else target.muslVersion = muslVersion ?? DEFAULT_MUSL;
  }
  if (targetOs === "macos") target.macosVersion = macosVersion ?? DEFAULT_MACOS;
  if (freeThreaded === true) target.freeThreaded = true;
  if (implementationVersion !== undefined) target.implementationVersion = implementationVersion;
  if (platformRelease !== undefined) target.platformRelease = platformRelease;
  if (platformVersion !== undefined) target.platformVersion = platformVersion;
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
