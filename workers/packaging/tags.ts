// PEP 425/427 wheel tags: parsing wheel and sdist file names, the ordered tags a target accepts, and wheel fitness.
import {
  describeTargetEnvironment,
  resolveTargetEnvironment,
  type ResolvedTargetEnvironment,
  type TargetEnvironment,
} from "./environment";
import { canonicalizeName } from "./names";
import { pythonRepr } from "./parse-python-repr";
import { targetPlatforms } from "./tag-platforms";
import { InvalidVersion, parseVersion, type Version } from "./version";

/**
 * One `interpreter-abi-platform` triple, lower-case. A class only for `toString()`; any object with the
 * three fields is accepted where a Tag is expected (e.g. after crossing a worker boundary).
 */
export class Tag {
  readonly interpreter: string;
  readonly abi: string;
  readonly platform: string;

  constructor(interpreter: string, abi: string, platform: string) {
    this.interpreter = interpreter.toLowerCase();
    this.abi = abi.toLowerCase();
    this.platform = platform.toLowerCase();
  }

  /** `interpreter-abi-platform` */
  toString(): string {
    return formatTag(this);
  }
}

/** A wheel file name that does not follow PEP 427 (message as packaging's). */
export class InvalidWheelFilename extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidWheelFilename";
  }
}

/** An sdist file name that is not `name-version.tar.gz` / `.zip` (message as packaging's). */
export class InvalidSdistFilename extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidSdistFilename";
  }
}

/** A compressed tag set component is not sorted (only checked with `validateOrder`). */
export class UnsortedTagsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsortedTagsError";
  }
}

export interface WheelFilename {
  /** PEP 503-normalised project name. */
  name: string;
  version: Version;
  /** `[number, rest]` of the build tag (e.g. "1b" → [1, "b"]), or null without one. */
  build: [number, string] | null;
  /** Every tag of the (possibly compressed) tag set, in expansion order, without duplicates. */
  tags: Tag[];
}

export interface SdistFilename {
  name: string;
  version: Version;
}

/** Whether a wheel is installable on a target and how much the target prefers it. */
export interface WheelSupport {
  compatible: boolean;
  /** Index in {@link compatibleTags} of the wheel's best tag (0 = most preferred); -1 when not compatible. */
  rank: number;
  /** The wheel's most preferred tag on this target, when compatible. */
  tag?: Tag;
  /** Why the wheel does not fit, when not compatible. */
  reason?: string;
}

/** `interpreter-abi-platform` of any tag-shaped object. */
export function formatTag(tag: { readonly interpreter: string; readonly abi: string; readonly platform: string }): string {
  return `${tag.interpreter}-${tag.abi}-${tag.platform}`;
}

function isSorted(parts: readonly string[]): boolean {
  for (let i = 1; i < parts.length; i++) if (parts[i - 1] > parts[i]) return false;
  return true;
}

/**
 * Expand a tag string such as `py2.py3-none-any` (packaging's `parse_tag`). Throws Error when it does not
 * have exactly three dash-separated parts, {@link UnsortedTagsError} with `validateOrder` and unsorted parts.
 */
export function parseTag(text: string, options: { validateOrder?: boolean } = {}): Tag[] {
  const components = text.split("-");
  if (components.length !== 3) throw new Error(`Invalid tag ${pythonRepr(text)}: expected interpreter-abi-platform`);
  const [interpreters, abis, platforms] = components.map((c) => c.split("."));
  if (options.validateOrder) {
    components.forEach((component, i) => {
      if (!isSorted([interpreters, abis, platforms][i])) {
        throw new UnsortedTagsError(`Tag component ${pythonRepr(component)} is not in sorted order per PEP 425`);
      }
    });
  }
  const seen = new Set<string>();
  const tags: Tag[] = [];
  for (const interpreter of interpreters) {
    for (const abi of abis) {
      for (const platform of platforms) {
        const tag = new Tag(interpreter, abi, platform);
        const key = formatTag(tag);
        if (!seen.has(key)) {
          seen.add(key);
          tags.push(tag);
        }
      }
    }
  }
  return tags;
}

const WHEEL_NAME_CHARS = /^[\p{L}\p{N}_.]*\n?$/u;

/** Parse `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` exactly as packaging's `parse_wheel_filename`. */
export function parseWheelFilename(filename: string, options: { validateOrder?: boolean } = {}): WheelFilename {
  if (!filename.endsWith(".whl")) {
    throw new InvalidWheelFilename(`Invalid wheel filename (extension must be '.whl'): ${pythonRepr(filename)}`);
  }
  const stem = filename.slice(0, -4);
  const parts = stem.split("-");
  const dashes = parts.length - 1;
  if (dashes !== 4 && dashes !== 5) {
    throw new InvalidWheelFilename(`Invalid wheel filename (wrong number of parts): ${pythonRepr(stem)}`);
  }
  const namePart = parts[0];
  if (namePart.includes("__") || !WHEEL_NAME_CHARS.test(namePart)) {
    throw new InvalidWheelFilename(`Invalid project name: ${pythonRepr(stem)}`);
  }
  let version: Version;
  try {
    version = parseVersion(parts[1]);
  } catch (error) {
    if (error instanceof InvalidVersion) {
      throw new InvalidWheelFilename(`Invalid wheel filename (invalid version): ${pythonRepr(stem)}`);
    }
    throw error;
  }
  let build: [number, string] | null = null;
  if (dashes === 5) {
    const m = /^([0-9]+)([^\n]*)/.exec(parts[2]);
    if (!m) throw new InvalidWheelFilename(`Invalid build number: ${parts[2]} in ${pythonRepr(stem)}`);
    build = [Number(m[1]), m[2]];
  }
  const tagText = parts.slice(dashes - 2).join("-");
  let tags: Tag[];
  try {
    tags = parseTag(tagText, options);
  } catch (error) {
    if (error instanceof UnsortedTagsError) {
      throw new InvalidWheelFilename(
        `Invalid wheel filename (compressed tag set components must be in sorted order per PEP 425): ${pythonRepr(stem)}`,
      );
    }
    throw error;
  }
  return { name: canonicalizeName(namePart), version, build, tags };
}

/** Parse `{name}-{version}.tar.gz` or `.zip` exactly as packaging's `parse_sdist_filename`. */
export function parseSdistFilename(filename: string): SdistFilename {
  let stem: string;
  if (filename.endsWith(".tar.gz")) stem = filename.slice(0, -".tar.gz".length);
  else if (filename.endsWith(".zip")) stem = filename.slice(0, -".zip".length);
  else {
    throw new InvalidSdistFilename(
      `Invalid sdist filename (extension must be '.tar.gz' or '.zip'): ${pythonRepr(filename)}`,
    );
  }
  const dash = stem.lastIndexOf("-");
  if (dash < 0) throw new InvalidSdistFilename(`Invalid sdist filename: ${pythonRepr(filename)}`);
  let version: Version;
  try {
    version = parseVersion(stem.slice(dash + 1));
  } catch (error) {
    if (error instanceof InvalidVersion) {
      throw new InvalidSdistFilename(`Invalid sdist filename (invalid version): ${pythonRepr(filename)}`);
    }
    throw error;
  }
  return { name: canonicalizeName(stem.slice(0, dash)), version };
}

/** packaging's `_py_interpreter_range`: pyXY, pyX, then pyX(Y-1) … pyX0. */
function pyInterpreterRange([major, minor]: readonly [number, number]): string[] {
  const range = [`py${major}${minor}`, `py${major}`];
  for (let m = minor - 1; m >= 0; m--) range.push(`py${major}${m}`);
  return range;
}

function tagsFor(target: ResolvedTargetEnvironment): Tag[] {
  const platforms = targetPlatforms(target);
  const [major, minor] = target.python;
  const nodot = `${major}${minor}`;
  const tags: Tag[] = [];
  const add = (interpreter: string, abi: string, platform: string): void => {
    tags.push(new Tag(interpreter, abi, platform));
  };
  let compatibleInterpreter: string;
  if (target.implementation === "cpython") {
    // packaging's cpython_tags with _cpython_abis of a release (non-debug) build.
    const interpreter = `cp${nodot}`;
    const abi = `cp${nodot}${target.freeThreaded ? "t" : ""}${major === 3 && minor < 8 ? "m" : ""}`;
    const stableAbi = major > 3 || (major === 3 && minor >= 2) ? (target.freeThreaded ? "abi3t" : "abi3") : null;
    for (const platform of platforms) add(interpreter, abi, platform);
    if (stableAbi) for (const platform of platforms) add(interpreter, stableAbi, platform);
    for (const platform of platforms) add(interpreter, "none", platform);
    if (stableAbi) {
      for (let m = minor - 1; m > 1; m--) for (const platform of platforms) add(`cp${major}${m}`, stableAbi, platform);
    }
    compatibleInterpreter = interpreter;
  } else {
    // packaging's generic_tags: ABI from EXT_SUFFIX (".pypy310-pp73-...") plus "none".
    const [implMajor, implMinor] = target.implementationVersion.split(".");
    const interpreter = `pp${nodot}`;
    for (const abi of [`pypy${nodot}_pp${implMajor}${implMinor}`, "none"]) {
      for (const platform of platforms) add(interpreter, abi, platform);
    }
    compatibleInterpreter = "pp3";
  }
  // packaging's compatible_tags.
  const range = pyInterpreterRange(target.python);
  for (const version of range) for (const platform of platforms) add(version, "none", platform);
  add(compatibleInterpreter, "none", "any");
  for (const version of range) add(version, "none", "any");
  return tags;
}

interface TagTable {
  tags: Tag[];
  ranks: Map<string, number>;
  target: ResolvedTargetEnvironment;
}

const TABLE_CACHE = new Map<string, TagTable>();
const TABLE_CACHE_SIZE = 16;

/** The target's tags and their ranks, memoised by the target's value (a few targets are in use at a time). */
function tagTable(target: TargetEnvironment): TagTable {
  const key = JSON.stringify(target);
  const cached = TABLE_CACHE.get(key);
  if (cached) return cached;
  const resolved = resolveTargetEnvironment(target);
  const tags = tagsFor(resolved);
  const ranks = new Map<string, number>();
  tags.forEach((tag, i) => {
    const k = formatTag(tag);
    if (!ranks.has(k)) ranks.set(k, i);
  });
  const table = { tags, ranks, target: resolved };
  if (TABLE_CACHE.size >= TABLE_CACHE_SIZE) {
    const oldest = TABLE_CACHE.keys().next().value;
    if (oldest !== undefined) TABLE_CACHE.delete(oldest);
  }
  TABLE_CACHE.set(key, table);
  return table;
}

/**
 * The tags an installer on the target accepts, most preferred first — packaging's `sys_tags()` as it
 * would run on that interpreter and machine (release build, no debug ABI).
 */
export function compatibleTags(target: TargetEnvironment): Tag[] {
  return tagTable(target).tags.slice();
}

function glibcOf(platform: string): [number, number] | null {
  const legacy: Record<string, [number, number]> = { manylinux1: [2, 5], manylinux2010: [2, 12], manylinux2014: [2, 17] };
  const m = /^manylinux_(\d+)_(\d+)_/.exec(platform);
  if (m) return [Number(m[1]), Number(m[2])];
  const l = /^(manylinux1|manylinux2010|manylinux2014)_/.exec(platform);
  return l ? legacy[l[1]] : null;
}

function versionLess(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** Why one platform tag (not among the target's platforms) does not fit the target. */
function platformProblem(platform: string, t: ResolvedTargetEnvironment): string {
  const arch = t.arch;
  const glibc = glibcOf(platform);
  if (glibc) {
    const wheelArch = platform.replace(/^manylinux(?:_\d+_\d+|1|2010|2014)_/, "");
    if (t.os !== "linux") return `${platform} is for Linux`;
    if (t.libc === "musl") return `${platform} needs glibc, the target uses musl`;
    if (wheelArch !== arch) return `${platform} is for ${wheelArch}, the target is ${arch}`;
    if (t.libcVersion && versionLess(t.libcVersion, glibc)) {
      return `${platform} needs glibc ${glibc.join(".")} or newer, the target has ${t.libcVersion.join(".")}`;
    }
    return `${platform} is not accepted`;
  }
  const musl = /^musllinux_(\d+)_(\d+)_(.+)$/.exec(platform);
  if (musl) {
    if (t.os !== "linux") return `${platform} is for Linux`;
    if (t.libc !== "musl") return `${platform} needs musl libc, the target uses glibc`;
    if (musl[3] !== arch) return `${platform} is for ${musl[3]}, the target is ${arch}`;
    return `${platform} needs musl ${musl[1]}.${musl[2]} or newer, the target has ${t.libcVersion?.join(".")}`;
  }
  const mac = /^macosx_(\d+)_(\d+)_(.+)$/.exec(platform);
  if (mac) {
    if (t.os !== "macos") return `${platform} is for macOS`;
    const wanted: [number, number] = [Number(mac[1]), Number(mac[2])];
    if (t.macosVersion && versionLess(t.macosVersion, wanted)) {
      return `${platform} needs macOS ${wanted.join(".")} or newer, the target is ${t.macosVersion.join(".")}`;
    }
    return `${platform} is for ${mac[3]}, the target is ${arch}`;
  }
  if (platform.startsWith("win")) {
    if (t.os !== "windows") return `${platform} is for Windows`;
    return `${platform} is for another CPU, the target is ${arch}`;
  }
  if (platform.startsWith("linux_")) {
    if (t.os !== "linux") return `${platform} is for Linux`;
    return `${platform} is for ${platform.slice(6)}, the target is ${arch}`;
  }
  return `${platform} is not a platform of the target`;
}

function explainIncompatibility(wheelTags: readonly Tag[], table: TagTable, target: TargetEnvironment): string {
  const description = describeTargetEnvironment(target);
  if (wheelTags.length === 0) return "the wheel has no tags";
  const platforms = new Set(table.tags.map((t) => t.platform));
  const interpreters = new Set(table.tags.map((t) => t.interpreter));
  const wheelPlatforms = [...new Set(wheelTags.map((t) => t.platform))];
  if (!wheelPlatforms.some((p) => platforms.has(p))) {
    const problems = wheelPlatforms.slice(0, 3).map((p) => platformProblem(p, table.target));
    if (wheelPlatforms.length > 3) problems.push(`and ${wheelPlatforms.length - 3} more platforms`);
    return `no platform fits ${description}: ${problems.join("; ")}`;
  }
  const wheelInterpreters = [...new Set(wheelTags.map((t) => t.interpreter))];
  if (!wheelInterpreters.some((i) => interpreters.has(i))) {
    const own = table.tags[0].interpreter;
    return `built for ${wheelInterpreters.join(", ")}, but ${description} is ${own}`;
  }
  const abis = [...new Set(table.tags.map((t) => t.abi))];
  const wheelAbis = [...new Set(wheelTags.map((t) => t.abi))];
  return `ABI ${wheelAbis.join(", ")} with ${wheelInterpreters.join(", ")} does not fit ${description} (it accepts ABIs ${abis.join(", ")})`;
}

/**
 * Judge a wheel (its file name or its tags) for a target: compatible when any of its tags is accepted,
 * ranked by the best such tag's position in {@link compatibleTags}. An invalid file name is not compatible.
 */
export function wheelSupport(wheel: string | readonly Tag[], target: TargetEnvironment): WheelSupport {
  let tags: readonly Tag[];
  if (typeof wheel === "string") {
    try {
      tags = parseWheelFilename(wheel).tags;
    } catch (error) {
      if (error instanceof InvalidWheelFilename) return { compatible: false, rank: -1, reason: error.message };
      throw error;
    }
  } else {
    tags = wheel;
  }
  const table = tagTable(target);
  let best = -1;
  for (const tag of tags) {
    const rank = table.ranks.get(formatTag(tag).toLowerCase());
    if (rank !== undefined && (best < 0 || rank < best)) best = rank;
  }
  if (best >= 0) return { compatible: true, rank: best, tag: table.tags[best] };
  return { compatible: false, rank: -1, reason: explainIncompatibility(tags, table, target) };
}
