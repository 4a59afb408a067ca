// PEP 440 version specifiers and specifier sets, with packaging 26.2's matching, pre-release and filter rules.
import {
  type Version,
  afterLocals,
  afterPosts,
  canonicalizeVersion,
  comparePublic,
  compareVersions,
  incrementNumber,
  publicVersion,
  pyStrip,
  sameReleaseAndPre,
  tryParseVersion,
  versionFromParts,
  versionParts,
} from "./version";
import { VersionRange } from "./ranges";

/** Thrown when a specifier (set) string is not valid; the message names the text. */
export class InvalidSpecifier extends Error {
  readonly text: string;
  constructor(text: string, whole?: string) {
    super(whole !== undefined && whole !== text ? `Invalid specifier: '${text}' in '${whole}'` : `Invalid specifier: '${text}'`);
    this.name = "InvalidSpecifier";
    this.text = text;
  }
}

export type SpecifierOperator = "~=" | "==" | "!=" | "<=" | ">=" | "<" | ">" | "===";

export interface ContainsOptions {
  /** true: pre-releases match; false: they never do; unset: packaging's default (the set's own `prereleases`). */
  prereleases?: boolean;
  /** packaging's `installed`: an installed pre-release is accepted even when pre-releases are not. */
  installed?: boolean;
}

export interface FilterOptions {
  /** true: keep pre-releases; false: drop them; unset: keep them only when nothing else matches (PEP 440). */
  prereleases?: boolean;
}

export interface SpecifierOptions {
  /** Force pre-releases on or off, as packaging's `prereleases=` constructor argument. */
  prereleases?: boolean;
}

// Python whitespace (what `\s` means in packaging's Unicode regexes).
const W = "[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const NOT_W = "[^\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000;)]";
const PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
const POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
const DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
const LOCAL = "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?";
// packaging's Specifier._regex. JavaScript's non-Unicode /i only folds ASCII, so `~=` versions that
// packaging's regex accepts only through Unicode case folding (e.g. "poſt") are rejected here: packaging
// accepts them and then fails an assertion on first use.
const SPECIFIER_RE = new RegExp(
  `^${W}*(?:` +
    `(?:===${W}*${NOT_W}*)` +
    `|(?:(?:==|!=)${W}*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:\\.\\*|${PRE}${POST}${DEV}${LOCAL}))` +
    `|(?:~=${W}*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+${PRE}${POST}${DEV})` +
    `|(?:(?:<=|>=|<|>)${W}*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*${PRE}${POST}${DEV})` +
    `)${W}*$`,
  "i",
);

const enum Kind {
  Equal,
  NotEqual,
  WildcardEqual,
  WildcardNotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Compatible,
  Arbitrary,
}

/** Exact packaging prefix matching for `~=` prefixes that keep a pre/post/dev part (see compatiblePrefix). */
interface LiteralPrefix {
  readonly split: readonly string[];
  readonly numericLength: number;
  /** The prefix as a version (null when packaging's canonicalisation fails, e.g. "~=v1.4.5"). */
  readonly parsed: Version | null;
}

/** One specifier such as `>=1.0`, `==1.2.*`, `~=2.2` or `===foo`. */
export class Specifier {
  /** The operator. */
  readonly operator: SpecifierOperator;
  /** The version text after the operator, whitespace-stripped but not normalised (packaging's `.version`). */
  readonly version: string;
  /** The explicit pre-release override, or null (packaging's `_prereleases`). */
  readonly explicitPrereleases: boolean | null;
  private readonly kind: Kind;
  /** The parsed version (for wildcards the prefix); null only for `===` with a non-version string. */
  private readonly spec: Version | null;
  /** Lower bound for wildcard/compatible kinds (inclusive). */
  private readonly lo: Version | null = null;
  /** Upper bound for wildcard/compatible kinds (exclusive). */
  private readonly hi: Version | null = null;
  /** `<V`: V.dev0 when V is not a pre-release (prospective pre-releases at or above it are excluded). */
  private readonly earliestPre: Version | null = null;
  /** `~=` whose prefix is not a plain release (exact string matching, as packaging). */
  private readonly literal: LiteralPrefix | null = null;
  private readonly lowerVersion: string;
  private rangeCache: VersionRange | null = null;

  /** @internal Use parseSpecifier. */
  constructor(operator: SpecifierOperator, version: string, explicitPrereleases: boolean | null) {
    this.operator = operator;
    this.version = version;
    this.explicitPrereleases = explicitPrereleases;
    this.lowerVersion = version.toLowerCase();
    const wildcard = version.endsWith(".*");
    switch (operator) {
      case "===":
        this.kind = Kind.Arbitrary;
        this.spec = tryParseVersion(version);
        return;
      case "==":
      case "!=":
        this.kind = wildcard ? (operator === "==" ? Kind.WildcardEqual : Kind.WildcardNotEqual) : operator === "==" ? Kind.Equal : Kind.NotEqual;
        break;
      case "<=":
        this.kind = Kind.LessEqual;
        break;
      case ">=":
        this.kind = Kind.GreaterEqual;
        break;
      case "<":
        this.kind = Kind.Less;
        break;
      case ">":
        this.kind = Kind.Greater;
        break;
      case "~=":
        this.kind = Kind.Compatible;
        break;
    }
    const spec = tryParseVersion(wildcard ? version.slice(0, -2) : version);
    if (spec === null) throw new InvalidSpecifier(operator + version);
    this.spec = spec;
    if (wildcard) {
      this.lo = prefixStart(spec);
      this.hi = prefixEnd(spec);
    } else if (this.kind === Kind.Less && !spec.isPrerelease) {
      const p = versionParts(spec);
      this.earliestPre = versionFromParts({ ...p, dev: 0, local: null });
    } else if (this.kind === Kind.Compatible) {
      const prefix = compatiblePrefix(version);
      if (prefix.plain !== null) {
        this.lo = prefixStart(prefix.plain);
        this.hi = prefixEnd(prefix.plain);
      } else {
        this.literal = prefix.literal;
      }
    }
  }

  /**
   * Whether this specifier admits pre-releases by default (packaging's `prereleases`): the explicit
   * override, else false for `!=` and `==X.*`, else whether its version is a pre-release (null for an
   * unparsable `===` string).
   */
  get prereleases(): boolean | null {
    if (this.explicitPrereleases !== null) return this.explicitPrereleases;
    if (this.kind === Kind.NotEqual || this.kind === Kind.WildcardNotEqual) return false;
    if (this.kind === Kind.WildcardEqual) return false;
    return this.spec === null ? null : this.spec.isPrerelease;
  }

  /** @internal packaging's operator test for a parsed version (`item` is what `===` compares as a string). */
  matches(v: Version, item: string | Version): boolean {
    const spec = this.spec as Version;
    switch (this.kind) {
      case Kind.Equal:
        return spec.local !== null ? compareVersions(v, spec) === 0 : comparePublic(v, spec) === 0;
      case Kind.NotEqual:
        return spec.local !== null ? compareVersions(v, spec) !== 0 : comparePublic(v, spec) !== 0;
      case Kind.WildcardEqual:
        return compareVersions(v, this.lo as Version) >= 0 && compareVersions(v, this.hi as Version) < 0;
      case Kind.WildcardNotEqual:
        return compareVersions(v, this.lo as Version) < 0 || compareVersions(v, this.hi as Version) >= 0;
      case Kind.LessEqual:
        return comparePublic(v, spec) <= 0;
      case Kind.GreaterEqual:
        return comparePublic(v, spec) >= 0;
      case Kind.Less:
        if (compareVersions(v, spec) >= 0) return false;
        return this.earliestPre === null || !v.isPrerelease || compareVersions(v, this.earliestPre) < 0;
      case Kind.Greater:
        if (compareVersions(v, spec) <= 0) return false;
        if (spec.post === null && v.post !== null && spec.dev === null && sameReleaseAndPre(v, spec)) return false;
        return v.local === null || comparePublic(v, spec) !== 0;
      case Kind.Compatible:
        if (comparePublic(v, spec) < 0) return false;
        if (this.literal !== null) return literalPrefixMatch(this.literal, v);
        return compareVersions(v, this.lo as Version) >= 0 && compareVersions(v, this.hi as Version) < 0;
      case Kind.Arbitrary:
        return String(item).toLowerCase() === this.lowerVersion;
    }
  }

  /** Whether `item` matches, with packaging's Specifier.contains semantics (an unset `prereleases` admits a lone pre-release). */
  contains(item: string | Version, options?: ContainsOptions): boolean {
    return this.filter([item], options).length > 0;
  }

  /** packaging's Specifier.filter: the matching items, in order, same element type as given. */
  filter<T extends string | Version>(items: Iterable<T>, options?: FilterOptions): T[] {
    const prereleases = options?.prereleases ?? null;
    const include = prereleases ?? this.prereleases;
    const keepPrereleases = prereleases === null && this.explicitPrereleases !== false;
    const out: T[] = [];
    const buffered: T[] = [];
    let foundNonPrerelease = false;
    for (const item of items) {
      const parsed = typeof item === "string" ? tryParseVersion(item) : (item as Version);
      if (parsed === null) {
        if (this.kind === Kind.Arbitrary && String(item).toLowerCase() === this.lowerVersion) out.push(item);
        continue;
      }
      if (!this.matches(parsed, item)) continue;
      if (!parsed.isPrerelease || include === true) {
        foundNonPrerelease = true;
        out.push(item);
      } else if (keepPrereleases) {
        buffered.push(item);
      }
    }
    if (!foundNonPrerelease && keepPrereleases) out.push(...buffered);
    return out;
  }

  /**
   * The versions this specifier admits with pre-releases allowed, as a range: for every Version v,
   * `contains(v, {prereleases: true}) === toRange().contains(v)`, with two documented approximations:
   * `===V` becomes the single version V when V is a normalised version string (else nothing), and a
   * `~=` whose packaging prefix keeps a pre/post/dev part (only odd spellings such as `~=1.4.5.c1`)
   * treats a release with extra trailing zeros (1.4.5.0rc1) like the shorter one.
   */
  toRange(): VersionRange {
    if (this.rangeCache === null) this.rangeCache = this.buildRange();
    return this.rangeCache;
  }

  private buildRange(): VersionRange {
    const spec = this.spec;
    if (this.kind === Kind.Arbitrary) {
      return spec !== null && spec.toString() === this.lowerVersion ? VersionRange.singleton(spec) : VersionRange.empty();
    }
    const v = spec as Version;
    switch (this.kind) {
      case Kind.Equal:
        return v.local !== null ? VersionRange.singleton(v) : VersionRange.between(v, true, afterLocals(v), false);
      case Kind.NotEqual:
        return (v.local !== null ? VersionRange.singleton(v) : VersionRange.between(v, true, afterLocals(v), false)).complement();
      case Kind.WildcardEqual:
        return VersionRange.between(this.lo as Version, true, this.hi as Version, false);
      case Kind.WildcardNotEqual:
        return VersionRange.between(this.lo as Version, true, this.hi as Version, false).complement();
      case Kind.LessEqual:
        return VersionRange.upperBounded(afterLocals(v), false);
      case Kind.GreaterEqual:
        return VersionRange.lowerBounded(v, true);
      case Kind.Less:
        return VersionRange.upperBounded(this.earliestPre ?? v, false);
      case Kind.Greater: {
        const p = versionParts(v);
        if (p.dev !== null) return VersionRange.lowerBounded(versionFromParts({ ...p, dev: incrementNumber(p.dev) }), true);
        if (p.post !== null) return VersionRange.lowerBounded(versionFromParts({ ...p, post: incrementNumber(p.post), dev: 0 }), true);
        return VersionRange.lowerBounded(afterPosts(v), false);
      }
      case Kind.Compatible: {
        if (this.literal !== null) return literalPrefixRange(this.literal, v);
        return VersionRange.between(v, true, this.hi as Version, false);
      }
    }
  }

  /** packaging's str(Specifier): operator + version text. */
  toString(): string {
    return this.operator + this.version;
  }

  /** @internal packaging's _canonical_spec, used to de-duplicate specifiers in a set. */
  canonicalKey(): string {
    if (this.kind === Kind.Arbitrary || this.kind === Kind.WildcardEqual || this.kind === Kind.WildcardNotEqual) {
      return this.operator + this.version;
    }
    return this.operator + canonicalizeVersion(this.spec as Version, this.kind !== Kind.Compatible);
  }
}

/** E!R.dev0: the first version whose release starts with prefix R. */
function prefixStart(prefix: Version): Version {
  const p = versionParts(prefix);
  return versionFromParts({ epoch: p.epoch, release: p.release, dev: 0 });
}

/** E!R'.dev0 where R' is R with its last component incremented: the first version past prefix R. */
function prefixEnd(prefix: Version): Version {
  const p = versionParts(prefix);
  const release = [...p.release];
  release[release.length - 1] = incrementNumber(release[release.length - 1]);
  return versionFromParts({ epoch: p.epoch, release, dev: 0 });
}

// ---------------------------------------------------------------------------------------------
// packaging's string algorithm for `~=` prefixes (_version_split, _is_not_suffix, canonicalize_version)

const PREFIX_SPLIT_RE = /^([0-9]+)((?:a|b|c|rc)[0-9]+)$/;

function versionSplit(version: string): string[] {
  const bang = version.lastIndexOf("!");
  const epoch = bang < 0 ? "" : version.slice(0, bang);
  const result = [epoch === "" ? "0" : epoch];
  for (const item of version.slice(bang + 1).split(".")) {
    const m = PREFIX_SPLIT_RE.exec(item);
    if (m !== null) result.push(m[1], m[2]);
    else result.push(item);
  }
  return result;
}

function isNotSuffix(segment: string): boolean {
  return !(segment.startsWith("dev") || segment.startsWith("a") || segment.startsWith("b") || segment.startsWith("rc") || segment.startsWith("post"));
}

function isAsciiDigits(s: string): boolean {
  return /^[0-9]+$/.test(s);
}

function compatiblePrefix(specVersion: string): { plain: Version | null; literal: LiteralPrefix } {
  const split = versionSplit(specVersion);
  const kept: string[] = [];
  for (const segment of split) {
    if (!isNotSuffix(segment)) break;
    kept.push(segment);
  }
  kept.pop();
  const [epoch, ...rest] = kept;
  const prefixText = `${epoch}!${rest.join(".")}`;
  const parsed = tryParseVersion(prefixText);
  const canonical = parsed === null ? prefixText : parsed.toString();
  const wildcardSplit = versionSplit(canonical);
  let numericLength = 0;
  while (numericLength < wildcardSplit.length && isAsciiDigits(wildcardSplit[numericLength])) numericLength++;
  const literal = { split: wildcardSplit, numericLength, parsed };
  const plain = parsed !== null && !parsed.isPrerelease && !parsed.isPostrelease && parsed.local === null ? parsed : null;
  return { plain, literal };
}

/** packaging's _compare_equal for `X.*` on strings: pad the release with zeros, compare the first items. */
function literalPrefixMatch(prefix: LiteralPrefix, v: Version): boolean {
  const split = versionSplit(publicVersion(v).toString());
  let numeric = 0;
  while (numeric < split.length && isAsciiDigits(split[numeric])) numeric++;
  const padded = numeric < prefix.numericLength ? [...split.slice(0, numeric), ...Array<string>(prefix.numericLength - numeric).fill("0"), ...split.slice(numeric)] : split;
  if (padded.length < prefix.split.length) return false;
  for (let i = 0; i < prefix.split.length; i++) if (padded[i] !== prefix.split[i]) return false;
  return true;
}

/** Range for a literal `~=` prefix with a pre/post/dev part (see Specifier.toRange for the approximation). */
function literalPrefixRange(prefix: LiteralPrefix, spec: Version): VersionRange {
  // An unparsable prefix keeps a raw item (such as "v1") that no normalised version can match.
  const p = prefix.parsed;
  if (p === null) return VersionRange.empty();
  // Versions whose pre/post/dev parts start with the prefix's: an interval in version order.
  let lo: Version;
  let hi: Version;
  const parts = versionParts(p);
  if (p.dev !== null) {
    lo = p;
    hi = afterLocals(p);
  } else if (p.post !== null) {
    lo = versionFromParts({ ...parts, dev: 0 });
    hi = afterLocals(p);
  } else {
    // Only a pre-release part: every X.preN with any post/dev/local.
    lo = versionFromParts({ ...parts, dev: 0 });
    hi = afterPosts(p);
  }
  return VersionRange.between(lo, true, hi, false).intersect(VersionRange.lowerBounded(spec, true));
}

// ---------------------------------------------------------------------------------------------

/** A comma-separated set of specifiers; the empty set admits every version. */
export class SpecifierSet {
  /** The specifiers, sorted by their text and de-duplicated as packaging's str() does. */
  readonly specifiers: readonly Specifier[];
  /** The explicit pre-release override, or null. */
  readonly explicitPrereleases: boolean | null;
  private readonly hasArbitrary: boolean;
  private readonly text: string;
  private rangeCache: VersionRange | null = null;

  /** @internal Use parseSpecifierSet. */
  constructor(specifiers: readonly Specifier[], hasArbitrary: boolean, explicitPrereleases: boolean | null) {
    this.specifiers = canonicalSpecifiers(specifiers);
    this.hasArbitrary = hasArbitrary;
    this.explicitPrereleases = explicitPrereleases;
    this.text = this.specifiers.map(String).join(",");
  }

  /** packaging's SpecifierSet.prereleases: the override, else true if any specifier admits pre-releases, else null. */
  get prereleases(): boolean | null {
    if (this.explicitPrereleases !== null) return this.explicitPrereleases;
    for (const s of this.specifiers) if (s.prereleases === true) return true;
    return null;
  }

  /** Whether `item` is in the set, exactly as packaging 26.2's SpecifierSet.contains (strings that are not versions can only match `===`). */
  contains(item: string | Version, options?: ContainsOptions): boolean {
    const version = typeof item === "string" ? tryParseVersion(item) : item;
    let prereleases = options?.prereleases ?? null;
    if (version !== null && options?.installed === true && version.isPrerelease) prereleases = true;
    const checkItem: string | Version = version === null || (this.hasArbitrary && typeof item === "string") ? item : version;
    if (prereleases === null) prereleases = this.prereleases;
    if (this.specifiers.length > 0) {
      // A single item passes packaging's PEP 440 pre-release fallback unchanged.
      return this.passes(checkItem, version, prereleases !== false);
    }
    if (prereleases === false) return version === null || !version.isPrerelease;
    return true;
  }

  /** Whether the item passes every specifier (packaging's _filter_versions for one item). */
  private passes(item: string | Version, parsed: Version | null, includePrereleases: boolean): boolean {
    if (parsed === null) {
      const lower = String(item).toLowerCase();
      for (const s of this.specifiers) if (s.operator !== "===" || s.version.toLowerCase() !== lower) return false;
      return true;
    }
    if (!includePrereleases && parsed.isPrerelease) return false;
    for (const s of this.specifiers) if (!s.matches(parsed, item)) return false;
    return true;
  }

  /**
   * packaging's SpecifierSet.filter: matching items in order (same element type as given). With
   * `prereleases` unset and the set not admitting them, pre-releases are kept only when no final
   * release matches.
   */
  filter<T extends string | Version>(items: Iterable<T>, options?: FilterOptions): T[] {
    let prereleases = options?.prereleases ?? null;
    if (prereleases === null) prereleases = this.prereleases;
    const parsedItems: { item: T; parsed: Version | null }[] = [];
    for (const item of items) {
      const parsed = typeof item === "string" ? tryParseVersion(item) : (item as Version);
      if (this.specifiers.length > 0 && !this.passes(item, parsed, prereleases !== false)) continue;
      if (this.specifiers.length === 0 && prereleases === false && parsed !== null && parsed.isPrerelease) continue;
      parsedItems.push({ item, parsed });
    }
    if (prereleases !== null) return parsedItems.map((e) => e.item);
    return pep440FilterPrereleases(parsedItems);
  }

  /**
   * packaging's `self & other`: a set with both sets' specifiers. Pre-release overrides combine (an
   * unset one yields to the other); true and false together are a programming error and throw.
   */
  and(other: SpecifierSet): SpecifierSet {
    let prereleases: boolean | null;
    if (this.explicitPrereleases === null || this.explicitPrereleases === other.explicitPrereleases) prereleases = other.explicitPrereleases;
    else if (other.explicitPrereleases === null) prereleases = this.explicitPrereleases;
    else throw new Error("Cannot combine SpecifierSets with True and False prerelease overrides.");
    return new SpecifierSet([...this.specifiers, ...other.specifiers], this.hasArbitrary || other.hasArbitrary, prereleases);
  }

  /** The versions this set admits with pre-releases allowed: the intersection of its specifiers' ranges. */
  toRange(): VersionRange {
    if (this.rangeCache === null) {
      let r = VersionRange.full();
      for (const s of this.specifiers) r = r.intersect(s.toRange());
      this.rangeCache = r;
    }
    return this.rangeCache;
  }

  /** packaging's str(SpecifierSet): specifiers sorted by text, de-duplicated, comma-joined. */
  toString(): string {
    return this.text;
  }
}

/** packaging's _pep440_filter_prereleases: finals (and non-version strings) win; else everything buffered. */
function pep440FilterPrereleases<T>(entries: readonly { item: T; parsed: Version | null }[]): T[] {
  const out: T[] = [];
  const allNonFinal: T[] = [];
  const arbitrary: T[] = [];
  let foundFinal = false;
  for (const { item, parsed } of entries) {
    if (parsed === null) {
      if (foundFinal) out.push(item);
      else {
        arbitrary.push(item);
        allNonFinal.push(item);
      }
      continue;
    }
    if (!parsed.isPrerelease) {
      if (!foundFinal) {
        out.push(...arbitrary);
        foundFinal = true;
      }
      out.push(item);
      continue;
    }
    if (!foundFinal) allNonFinal.push(item);
  }
  return foundFinal ? out : allNonFinal;
}

/** Compare strings by Unicode code point (Python's str order). */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function canonicalSpecifiers(specs: readonly Specifier[]): Specifier[] {
  if (specs.length <= 1) return [...specs];
  const sorted = [...specs].sort((a, b) => compareCodePoints(a.toString(), b.toString()));
  const seen = new Set<string>();
  const out: Specifier[] = [];
  for (const s of sorted) {
    const key = s.canonicalKey();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

/** Parse one specifier such as `>= 1.0` (surrounding whitespace allowed); throws InvalidSpecifier. */
export function parseSpecifier(text: string, options?: SpecifierOptions): Specifier {
  if (!SPECIFIER_RE.test(text)) throw new InvalidSpecifier(text);
  return specifierFromValidText(text, options?.prereleases ?? null);
}

function specifierFromValidText(text: string, prereleases: boolean | null): Specifier {
  const spec = pyStrip(text);
  let operator: SpecifierOperator;
  if (spec.startsWith("===")) operator = "===";
  else if (spec.startsWith("~=") || spec.startsWith("==") || spec.startsWith("!=") || spec.startsWith("<=") || spec.startsWith(">=")) {
    operator = spec.slice(0, 2) as SpecifierOperator;
  } else operator = spec.slice(0, 1) as SpecifierOperator;
  return new Specifier(operator, pyStrip(spec.slice(operator.length)), prereleases);
}

/** Try to parse one specifier; null when invalid. */
export function tryParseSpecifier(text: string, options?: SpecifierOptions): Specifier | null {
  try {
    return parseSpecifier(text, options);
  } catch (e) {
    if (e instanceof InvalidSpecifier) return null;
    throw e;
  }
}

/** Parse a comma-separated specifier set (empty items ignored; "" matches everything); throws InvalidSpecifier naming the bad item. */
export function parseSpecifierSet(text: string, options?: SpecifierOptions): SpecifierSet {
  const specs: Specifier[] = [];
  for (const piece of text.split(",")) {
    const stripped = pyStrip(piece);
    if (stripped === "") continue;
    if (!SPECIFIER_RE.test(stripped)) throw new InvalidSpecifier(stripped, text);
    specs.push(specifierFromValidText(stripped, null));
  }
  return new SpecifierSet(specs, text.includes("==="), options?.prereleases ?? null);
}

/** Try to parse a specifier set; null when invalid. */
export function tryParseSpecifierSet(text: string, options?: SpecifierOptions): SpecifierSet | null {
  try {
    return parseSpecifierSet(text, options);
  } catch (e) {
    if (e instanceof InvalidSpecifier) return null;
    throw e;
  }
}
