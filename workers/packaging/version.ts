// PEP 440 versions: parsing, normalisation and packaging's total order (with the sentinels ranges need).

/** Thrown when a string is not a valid PEP 440 version; the message names the text (as packaging's). */
export class InvalidVersion extends Error {
  readonly text: string;
  constructor(text: string) {
    super(`Invalid version: '${text}'`);
    this.name = "InvalidVersion";
    this.text = text;
  }
}

export type PreLetter = "a" | "b" | "rc";

/** Where a sentinel sits relative to its base version V (see DESIGN.md "bound sentinels"). */
export const enum SentinelKind {
  /** A real version. */
  None = 0,
  /** After V and every V+local, before anything above V's public part (packaging's AFTER_LOCALS). */
  AfterLocals = 1,
  /** After V, V+local and every V.postN (with dev/local), before the next pre-release or release (AFTER_POSTS). */
  AfterPosts = 2,
}

/** Exact decimal digits of the numeric fields, kept only when one of them exceeds 2^53. */
interface ExactDigits {
  readonly epoch: string;
  readonly release: readonly string[];
  readonly pre: string | null;
  readonly post: string | null;
  readonly dev: string | null;
}

/** A local-label part: lower-case text, or a number (bigint only beyond 2^53). */
type LocalPart = string | number | bigint;

// Python's str.isspace() characters, which is what `\s` and str.strip() mean in packaging.
const PY_WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
const WS = new Uint8Array(0x3001);
for (let i = 0; i < PY_WHITESPACE.length; i++) WS[PY_WHITESPACE.charCodeAt(i)] = 1;

/** Whether the UTF-16 code unit is Python whitespace. */
export function isPyWhitespace(code: number): boolean {
  return code <= 0x3000 && WS[code] === 1;
}

/** Python's str.strip(): remove Python whitespace from both ends. */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPyWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isPyWhitespace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const PRE_RANK: Record<PreLetter, number> = { a: 0, b: 1, rc: 2 };
const PRE_RANK_DEV_ONLY = -1;
const PRE_RANK_STABLE = 3;
const MAX_SAFE_DIGITS = 15; // any 15-digit decimal is below 2^53

/** The parts of a version beyond epoch and release (absent for plain releases). */
interface VersionExtra {
  readonly pre: readonly [PreLetter, number] | null;
  readonly post: number | null;
  readonly dev: number | null;
  readonly local: string | null;
  readonly lp: readonly LocalPart[] | null;
  readonly x: ExactDigits | null;
  readonly sentinel: SentinelKind;
}

/** The comparison suffix of packaging's _cmpkey: pre rank, pre number, post rank, post number, dev rank, dev number. */
type Suffix = readonly [number, number, number, number, number, number];

function suffixOf(v: Version): Suffix {
  const { pre, post, dev } = v;
  if (v.sentinel === SentinelKind.AfterPosts) return [pre === null ? PRE_RANK_STABLE : PRE_RANK[pre[0]], pre === null ? 0 : pre[1], 2, 0, 0, 0];
  const preRank = pre === null ? (post === null && dev !== null ? PRE_RANK_DEV_ONLY : PRE_RANK_STABLE) : PRE_RANK[pre[0]];
  return [preRank, pre === null ? 0 : pre[1], post === null ? 0 : 1, post === null ? 0 : post, dev === null ? 1 : 0, dev === null ? 0 : dev];
}

/** A parsed PEP 440 version (immutable). Use parseVersion() to make one. */
export class Version {
  // `declare`: assigned once in the constructor (no class-field pre-initialisation on this hot path).
  declare readonly epoch: number;
  /** Release components, trailing zeros included; a component beyond 2^53 is the nearest double (exact digits: releaseDigits). */
  declare readonly release: readonly number[];
  /** @internal Release length without trailing zeros. */
  declare readonly _rl: number;
  /**
   * @internal Order-preserving number for epoch and the first three release components (NaN when they
   * do not fit in 5+16+16+16 bits): different values decide a comparison without touching anything else.
   */
  declare readonly _p: number;
  /**
   * @internal Order-preserving number for the pre/post/dev suffix and the kind of local segment (lowest
   * two bits: none, a label, the after-locals sentinel) when the release has at most three components
   * (NaN otherwise or when a number is too big): with equal _p it decides all but comparing two labels.
   */
  declare readonly _q: number;
  /** @internal Everything a plain release (only epoch and release) does not have; null for those. */
  declare readonly _e: VersionExtra | null;
  declare private _str: string | null;
  declare private _key: string | null;

  /** @internal Use parseVersion / versionFromParts / sentinel helpers instead. */
  constructor(
    epoch: number,
    release: readonly number[],
    pre: readonly [PreLetter, number] | null,
    post: number | null,
    dev: number | null,
    localParts: readonly LocalPart[] | null,
    exact: ExactDigits | null,
    sentinel: SentinelKind,
  ) {
    this.epoch = epoch;
    this.release = release;
    let rl = release.length;
    while (rl > 0 && release[rl - 1] === 0 && (exact === null || exact.release[rl - 1] === "0")) rl--;
    this._rl = rl;
    const r0 = release[0];
    const r1 = rl > 1 ? release[1] : 0;
    const r2 = rl > 2 ? release[2] : 0;
    this._p = epoch < 32 && r0 < 65536 && r1 < 65536 && r2 < 65536 && exact === null ? ((epoch * 65536 + r0) * 65536 + r1) * 65536 + r2 : NaN;
    let q = NaN;
    if (rl <= 3 && exact === null) {
      let s0: number;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 1;
      let s5 = 0;
      if (pre !== null) {
        s0 = PRE_RANK[pre[0]];
        s1 = pre[1];
      } else {
        s0 = post === null && dev !== null && sentinel !== SentinelKind.AfterPosts ? PRE_RANK_DEV_ONLY : PRE_RANK_STABLE;
      }
      if (sentinel === SentinelKind.AfterPosts) {
        s2 = 2;
        s4 = 0;
      } else {
        if (post !== null) {
          s2 = 1;
          s3 = post;
        }
        if (dev !== null) {
          s4 = 0;
          s5 = dev;
        }
      }
      if (s1 < 1024 && s3 < 1024 && s5 < 1048576) {
        const lr = sentinel === SentinelKind.AfterLocals ? 2 : localParts === null ? 0 : 1;
        q = ((((((s0 + 1) * 1024 + s1) * 4 + s2) * 1024 + s3) * 2 + s4) * 1048576 + s5) * 4 + lr;
      }
    }
    this._q = q;
    this._e =
      pre === null && post === null && dev === null && localParts === null && exact === null && sentinel === SentinelKind.None
        ? null
        : { pre, post, dev, local: localParts === null ? null : localParts.join("."), lp: localParts, x: exact, sentinel };
    this._str = null;
    this._key = null;
  }

  /** Pre-release segment with the letter normalised to a/b/rc, e.g. ["rc", 1]; null when none. */
  get pre(): readonly [PreLetter, number] | null {
    return this._e === null ? null : this._e.pre;
  }

  /** Post-release number, or null. */
  get post(): number | null {
    return this._e === null ? null : this._e.post;
  }

  /** Development-release number, or null. */
  get dev(): number | null {
    return this._e === null ? null : this._e.dev;
  }

  /** Normalised local label ("ubuntu.1"), or null. */
  get local(): string | null {
    return this._e === null ? null : this._e.local;
  }

  /** Sentinel kind; SentinelKind.None for every version that parseVersion returns. */
  get sentinel(): SentinelKind {
    return this._e === null ? SentinelKind.None : this._e.sentinel;
  }

  /** @internal Local segment parts (strings lower-cased, digit runs as numbers), or null. */
  get _lp(): readonly LocalPart[] | null {
    return this._e === null ? null : this._e.lp;
  }

  /** @internal Exact digits when a number exceeds 2^53 (then comparisons go through key). */
  get _x(): ExactDigits | null {
    return this._e === null ? null : this._e.x;
  }

  /** The version without its local label, e.g. "1!1.2.3.dev1". */
  get public(): string {
    const s = this.toString();
    const plus = s.indexOf("+");
    return plus < 0 ? s : s.slice(0, plus);
  }

  /** Epoch and release only, e.g. "1!1.2.3". */
  get baseVersion(): string {
    const release = releaseDigits(this).join(".");
    return this.epoch !== 0 ? `${epochDigits(this)}!${release}` : release;
  }

  get isPrerelease(): boolean {
    const e = this._e;
    return e !== null && (e.dev !== null || e.pre !== null);
  }

  get isPostrelease(): boolean {
    const e = this._e;
    return e !== null && e.post !== null;
  }

  get isDevrelease(): boolean {
    const e = this._e;
    return e !== null && e.dev !== null;
  }

  /**
   * A string that sorts (by plain code-unit comparison) exactly as the version does; equal versions
   * (1.0 and 1.0.0) share it, so it serves as a Map key for version equality.
   */
  get key(): string {
    if (this._key === null) this._key = buildKey(this);
    return this._key;
  }

  /** packaging's str(Version): the normalised form, e.g. "1.0.0rc1", "1!2.0.post1.dev3+ubuntu.1". */
  toString(): string {
    if (this._str !== null) return this._str;
    const x = this._x;
    let s = x === null ? joinNumbers(this.release) : x.release.join(".");
    if (this.epoch !== 0) s = `${x === null ? this.epoch : x.epoch}!${s}`;
    if (this.pre !== null) s += this.pre[0] + (x === null ? this.pre[1] : x.pre);
    if (this.post !== null) s += ".post" + (x === null ? this.post : x.post);
    if (this.dev !== null) s += ".dev" + (x === null ? this.dev : x.dev);
    if (this.local !== null) s += "+" + this.local;
    if (this.sentinel === SentinelKind.AfterLocals) s += "+<after every local>";
    else if (this.sentinel === SentinelKind.AfterPosts) s += ".<after every post>";
    this._str = s;
    return s;
  }

  /** True when both are equal in packaging's order (1.0 == 1.0.0, 1.0+a.1 == 1.0+a-1). */
  equals(other: Version): boolean {
    return compareVersions(this, other) === 0;
  }
}

function joinNumbers(values: readonly number[]): string {
  let s = String(values[0]);
  for (let i = 1; i < values.length; i++) s += "." + values[i];
  return s;
}

/** Exact decimal digits of each release component. */
export function releaseDigits(v: Version): readonly string[] {
  return v._x === null ? v.release.map(String) : v._x.release;
}

function epochDigits(v: Version): string {
  return v._x === null ? String(v.epoch) : v._x.epoch;
}

function numberDigits(n: number, exact: string | null): string {
  return exact === null ? String(n) : exact;
}

// ---------------------------------------------------------------------------------------------
// Comparison

function encodeDigits(digits: string): string {
  // Length-prefixed so that code-unit order equals numeric order (digits have no leading zeros).
  return String.fromCharCode(0x30 + digits.length) + digits;
}

function buildKey(v: Version): string {
  const x = v._x;
  let k = encodeDigits(x === null ? String(v.epoch) : x.epoch);
  for (let i = 0; i < v._rl; i++) k += encodeDigits(x === null ? String(v.release[i]) : x.release[i]);
  k += "\u0001";
  const [s0, s1, s2, s3, s4, s5] = suffixOf(v);
  k += String.fromCharCode(0x31 + s0) + encodeDigits(v.pre === null ? "0" : numberDigits(s1, x === null ? null : x.pre));
  k += String.fromCharCode(0x30 + s2) + encodeDigits(v.post === null || v.sentinel === SentinelKind.AfterPosts ? "0" : numberDigits(s3, x === null ? null : x.post));
  k += String.fromCharCode(0x30 + s4) + encodeDigits(v.dev === null || v.sentinel === SentinelKind.AfterPosts ? "0" : numberDigits(s5, x === null ? null : x.dev));
  if (v.sentinel === SentinelKind.AfterLocals) return k + "2";
  if (v._lp === null) return k + "0";
  k += "1";
  for (const part of v._lp) {
    // Strings sort before numbers; a shorter label sorts before a longer one with the same prefix.
    k += typeof part === "string" ? "\u0002" + part + "\u0001" : "\u0003" + encodeDigits(String(part));
  }
  return k;
}

function compareLocal(a: readonly LocalPart[], b: readonly LocalPart[]): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === "string") {
      if (typeof y !== "string") return -1;
      if (x !== y) return x < y ? -1 : 1;
    } else {
      if (typeof y === "string") return 1;
      if (x !== y) return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** packaging's order: negative when a < b, 0 when equal (1.0 == 1.0.0), positive when a > b. Orders sentinels too. */
export function compareVersions(a: Version, b: Version): number {
  // Fast paths on the packed numbers (NaN when not applicable; NaN never equals anything).
  const pa = a._p;
  const pb = b._p;
  if (pa === pb) {
    const qa = a._q;
    const qb = b._q;
    if (qa === qb) return qa % 4 === 1 ? compareLocal(a._lp as readonly LocalPart[], b._lp as readonly LocalPart[]) : 0;
    if (qa === qa && qb === qb) return qa < qb ? -1 : 1;
  } else if (pa === pa && pb === pb) {
    return pa < pb ? -1 : 1;
  }
  return compare(a, b, true);
}

/** Order of the public parts only (local labels ignored), as packaging compares against specifier versions. */
export function comparePublic(a: Version, b: Version): number {
  const pa = a._p;
  const pb = b._p;
  if (pa === pb) {
    // Drop "has a local label" from the packed suffix (keep the after-locals sentinel's rank).
    let qa = a._q;
    let qb = b._q;
    if (qa % 4 === 1) qa -= 1;
    if (qb % 4 === 1) qb -= 1;
    if (qa === qb) return 0;
    if (qa === qa && qb === qb) return qa < qb ? -1 : 1;
  } else if (pa === pa && pb === pb) {
    return pa < pb ? -1 : 1;
  }
  return compare(a, b, false);
}

function compare(a: Version, b: Version, withLocal: boolean): number {
  const pa = a._p;
  const pb = b._p;
  if (pa !== pb && pa === pa && pb === pb) return pa < pb ? -1 : 1;
  if (a === b) return 0;
  if (a._x !== null || b._x !== null) {
    const ka = withLocal ? a.key : publicVersion(a).key;
    const kb = withLocal ? b.key : publicVersion(b).key;
    return ka === kb ? 0 : ka < kb ? -1 : 1;
  }
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  const ra = a.release;
  const rb = b.release;
  const la = a._rl;
  const lb = b._rl;
  const n = la < lb ? la : lb;
  for (let i = 0; i < n; i++) {
    const x = ra[i];
    const y = rb[i];
    if (x !== y) return x < y ? -1 : 1;
  }
  if (la !== lb) return la < lb ? -1 : 1;
  const sa = suffixOf(a);
  const sb = suffixOf(b);
  for (let i = 0; i < 6; i++) if (sa[i] !== sb[i]) return sa[i] < sb[i] ? -1 : 1;
  return compareLocalSegments(a, b, withLocal);
}

function compareLocalSegments(a: Version, b: Version, withLocal: boolean): number {
  const lra = localRank(a, withLocal);
  const lrb = localRank(b, withLocal);
  if (lra !== lrb) return lra < lrb ? -1 : 1;
  if (lra !== 1) return 0;
  return compareLocal(a._lp as readonly LocalPart[], b._lp as readonly LocalPart[]);
}

function localRank(v: Version, withLocal: boolean): number {
  if (v.sentinel === SentinelKind.AfterLocals) return 2;
  return withLocal && v._lp !== null ? 1 : 0;
}

/** Whether a and b have the same epoch, release (trailing zeros aside) and pre-release segment. */
export function sameReleaseAndPre(a: Version, b: Version): boolean {
  if (a._x !== null || b._x !== null) {
    return versionFromParts({ epoch: epochDigits(a), release: releaseDigits(a), pre: preDigits(a) }).equals(
      versionFromParts({ epoch: epochDigits(b), release: releaseDigits(b), pre: preDigits(b) }),
    );
  }
  if (a.epoch !== b.epoch || a._rl !== b._rl) return false;
  for (let i = 0; i < a._rl; i++) if (a.release[i] !== b.release[i]) return false;
  const pa = a.pre;
  const pb = b.pre;
  if (pa === null || pb === null) return pa === pb;
  return pa[0] === pb[0] && pa[1] === pb[1];
}

function preDigits(v: Version): readonly [PreLetter, string] | null {
  if (v.pre === null) return null;
  return [v.pre[0], v._x === null ? String(v.pre[1]) : (v._x.pre as string)];
}

// ---------------------------------------------------------------------------------------------
// Derived versions

/** A number or its exact decimal digits (for values beyond 2^53). */
export type VersionNumber = number | string;

export interface VersionParts {
  epoch?: VersionNumber;
  release: readonly VersionNumber[];
  pre?: readonly [PreLetter, VersionNumber] | null;
  post?: VersionNumber | null;
  dev?: VersionNumber | null;
  local?: string | null;
}

/** Build a version from its parts (packaging's Version.from_parts); throws InvalidVersion on bad parts. */
export function versionFromParts(parts: VersionParts): Version {
  const direct = directFromParts(parts);
  if (direct !== null) return direct;
  let s = `${parts.epoch ?? 0}!${parts.release.join(".")}`;
  if (parts.pre) s += `${parts.pre[0]}${parts.pre[1]}`;
  if (parts.post !== undefined && parts.post !== null) s += `.post${parts.post}`;
  if (parts.dev !== undefined && parts.dev !== null) s += `.dev${parts.dev}`;
  if (parts.local !== undefined && parts.local !== null) s += `+${parts.local}`;
  if (parts.release.length === 0 || !/^[0-9]+!(?:[0-9]+\.)*[0-9]+(?:(?:a|b|rc)[0-9]+)?(?:\.post[0-9]+)?(?:\.dev[0-9]+)?(?:\+.*)?$/.test(s)) {
    throw new InvalidVersion(s);
  }
  return parseVersion(s);
}

function isSmall(n: VersionNumber | null | undefined): boolean {
  return n === undefined || n === null || (typeof n === "number" && Number.isSafeInteger(n) && n >= 0);
}

/** Construct without printing and re-parsing when every number is a small non-negative integer and there is no local label. */
function directFromParts(parts: VersionParts): Version | null {
  const { epoch, release, pre, post, dev, local } = parts;
  if ((local !== undefined && local !== null) || release.length === 0 || !isSmall(epoch) || !isSmall(post) || !isSmall(dev)) return null;
  if (pre && (!isSmall(pre[1]) || (pre[0] !== "a" && pre[0] !== "b" && pre[0] !== "rc"))) return null;
  for (const r of release) if (!isSmall(r)) return null;
  return new Version(
    (epoch as number | undefined) ?? 0,
    release as readonly number[],
    pre ? [pre[0], pre[1] as number] : null,
    (post as number | null | undefined) ?? null,
    (dev as number | null | undefined) ?? null,
    null,
    null,
    SentinelKind.None,
  );
}

/** The exact parts of v as digit strings (so derived versions stay exact beyond 2^53). */
export function versionParts(v: Version): Required<VersionParts> {
  const x = v._x;
  if (x === null) return { epoch: v.epoch, release: v.release, pre: v.pre, post: v.post, dev: v.dev, local: v.local };
  return {
    epoch: x.epoch,
    release: x.release,
    pre: preDigits(v),
    post: v.post === null ? null : (x.post as string),
    dev: v.dev === null ? null : (x.dev as string),
    local: v.local,
  };
}

/** n + 1 for a number or exact digit string. */
export function incrementNumber(n: VersionNumber): VersionNumber {
  if (typeof n === "number" && n < Number.MAX_SAFE_INTEGER) return n + 1;
  return (BigInt(n) + 1n).toString();
}

/** The version without its local label (v itself when it has none). */
export function publicVersion(v: Version): Version {
  if (v._lp === null) return v;
  return new Version(v.epoch, v.release, v.pre, v.post, v.dev, null, v._x, v.sentinel);
}

/** packaging's canonicalize_version: the normalised string, by default without trailing ".0"s (one 0 kept). */
export function canonicalizeVersion(v: Version, stripTrailingZero = true): string {
  if (!stripTrailingZero || v._rl === v.release.length || v.sentinel !== SentinelKind.None) return v.toString();
  const parts = versionParts(v);
  return versionFromParts({ ...parts, release: parts.release.slice(0, Math.max(1, v._rl)) }).toString();
}

/** Sentinel just above v and every local version of v's public part (v's local label is ignored). */
export function afterLocals(v: Version): Version {
  return new Version(v.epoch, v.release, v.pre, v.post, v.dev, null, v._x, SentinelKind.AfterLocals);
}

/**
 * Sentinel just above every post-release (and local version) of v's epoch+release+pre-release;
 * for a final release it is the "largest version with this release".
 */
export function afterPosts(v: Version): Version {
  const x = v._x;
  const exact: ExactDigits | null = x === null ? null : { epoch: x.epoch, release: x.release, pre: x.pre, post: null, dev: null };
  return new Version(v.epoch, v.release, v.pre, null, null, null, exact, SentinelKind.AfterPosts);
}

/** The smallest PEP 440 version, 0.dev0. */
export const MIN_VERSION: Version = new Version(0, [0], null, null, 0, null, null, SentinelKind.None);

// ---------------------------------------------------------------------------------------------
// Parsing (a hand-written scanner equivalent to packaging's VERSION_PATTERN with possessive quantifiers)

const C_0 = 48;
const C_9 = 57;
const C_DOT = 46;
const C_DASH = 45;
const C_UNDERSCORE = 95;
const C_BANG = 33;
const C_PLUS = 43;

function isSep(c: number): boolean {
  return c === C_DOT || c === C_DASH || c === C_UNDERSCORE;
}

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

function isAsciiAlnum(c: number): boolean {
  // ASCII letters (either case) or digits.
  return (c >= C_0 && c <= C_9) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

/** Whether text[pos..] starts with the lower-case ASCII word, ignoring ASCII case. */
function matchWord(text: string, pos: number, word: string): boolean {
  if (pos + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    if ((text.charCodeAt(pos + i) | 0x20) !== word.charCodeAt(i)) return false;
  }
  return true;
}

let preLetter: PreLetter = "a";

/**
 * packaging's `(alpha|a|beta|b|preview|pre|c|rc)` (ASCII case-insensitive, first alternative that
 * matches): the length matched (0 for none), with the normalised letter in preLetter.
 */
function matchPreWord(text: string, pos: number): number {
  switch (text.charCodeAt(pos) | 0x20) {
    case 97: // a
      preLetter = "a";
      return matchWord(text, pos, "alpha") ? 5 : 1;
    case 98: // b
      preLetter = "b";
      return matchWord(text, pos, "beta") ? 4 : 1;
    case 112: // p
      preLetter = "rc";
      return matchWord(text, pos, "preview") ? 7 : matchWord(text, pos, "pre") ? 3 : 0;
    case 99: // c
      preLetter = "rc";
      return 1;
    case 114: // r
      preLetter = "rc";
      return matchWord(text, pos, "rc") ? 2 : 0;
    default:
      return 0;
  }
}

/** packaging's `(post|rev|r)`: the length matched (0 for none). */
function matchPostWord(text: string, pos: number): number {
  switch (text.charCodeAt(pos) | 0x20) {
    case 112: // p
      return matchWord(text, pos, "post") ? 4 : 0;
    case 114: // r
      return matchWord(text, pos, "rev") ? 3 : 1;
    default:
      return 0;
  }
}

/** Parser state shared by the scanning helpers (module-level to avoid allocation per parse). */
let numValue = 0;
let numDigits = ""; // exact digits (leading zeros stripped) when the number is unsafe, else ""

/** Scan digits from pos; sets numValue/numDigits; returns the end position (pos when no digit). */
function scanNumber(text: string, pos: number): number {
  const start = pos;
  let value = 0;
  const len = text.length;
  while (pos < len) {
    const c = text.charCodeAt(pos);
    if (c < C_0 || c > C_9) break;
    value = value * 10 + (c - C_0);
    pos++;
  }
  if (pos - start > MAX_SAFE_DIGITS) {
    let s = start;
    while (s < pos - 1 && text.charCodeAt(s) === C_0) s++;
    if (pos - s > MAX_SAFE_DIGITS) {
      numDigits = text.slice(s, pos);
      numValue = Number(numDigits);
      return pos;
    }
    value = Number(text.slice(s, pos));
  }
  numValue = value;
  numDigits = "";
  return pos;
}

const SCRATCH: number[] = [];

/** The first `count` numbers of SCRATCH as a new array of exactly that size (literals for the usual sizes). */
function releaseArray(count: number): number[] {
  const r = SCRATCH;
  switch (count) {
    case 1:
      return [r[0]];
    case 2:
      return [r[0], r[1]];
    case 3:
      return [r[0], r[1], r[2]];
    case 4:
      return [r[0], r[1], r[2], r[3]];
    default:
      return r.slice(0, count);
  }
}

/**
 * Fast path for the common case of only digits and dots (as packaging's own): the version, null when
 * invalid ("1..2", ".1", "1."), or undefined when the text needs the full scanner (other characters,
 * components beyond 15 digits, empty text).
 */
function scanSimple(text: string): Version | null | undefined {
  const len = text.length;
  if (len === 0) return undefined;
  let count = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= C_0 && c <= C_9) {
      value = value * 10 + (c - C_0);
      digits++;
    } else if (c === C_DOT) {
      if (digits === 0) return null;
      if (digits > MAX_SAFE_DIGITS) return undefined;
      SCRATCH[count++] = value;
      value = 0;
      digits = 0;
    } else {
      return undefined;
    }
  }
  if (digits === 0) return null;
  if (digits > MAX_SAFE_DIGITS) return undefined;
  SCRATCH[count++] = value;
  return new Version(0, releaseArray(count), null, null, null, null, null, SentinelKind.None);
}

/** Parse a version string (surrounding Python whitespace allowed); throws InvalidVersion naming the text. */
export function parseVersion(text: string): Version {
  const v = scanVersion(text);
  if (v === null) throw new InvalidVersion(text);
  return v;
}

/** Parse a version string, or null when it is not valid PEP 440. */
export function tryParseVersion(text: string): Version | null {
  return scanVersion(text);
}

function scanVersion(text: string): Version | null {
  const simple = scanSimple(text);
  if (simple !== undefined) return simple;
  const len = text.length;
  let pos = 0;
  while (pos < len && isPyWhitespace(text.charCodeAt(pos))) pos++;
  let end = len;
  while (end > pos && isPyWhitespace(text.charCodeAt(end - 1))) end--;
  if (pos >= end) return null;
  if ((text.charCodeAt(pos) | 0x20) === 118 /* v */) pos++;

  let big = false;
  let epoch = 0;
  let epochDigitsExact = "";
  let p = scanNumber(text, pos);
  if (p === pos) return null;
  if (p < end && text.charCodeAt(p) === C_BANG) {
    epoch = numValue;
    if (numDigits !== "") {
      big = true;
      epochDigitsExact = numDigits;
    }
    pos = p + 1;
    p = scanNumber(text, pos);
    if (p === pos) return null;
  }
  // Release segment (collected in SCRATCH, then copied to an array of the exact size).
  let count = 0;
  SCRATCH[count++] = numValue;
  let releaseExact: string[] | null = null;
  if (numDigits !== "") {
    big = true;
    releaseExact = [numDigits];
  }
  pos = p;
  while (pos < end && text.charCodeAt(pos) === C_DOT && pos + 1 < end && isDigit(text.charCodeAt(pos + 1))) {
    p = scanNumber(text, pos + 1);
    if (numDigits !== "") {
      big = true;
      if (releaseExact === null) releaseExact = SCRATCH.slice(0, count).map(String);
    }
    if (releaseExact !== null) releaseExact.push(numDigits !== "" ? numDigits : String(numValue));
    SCRATCH[count++] = numValue;
    pos = p;
  }
  const release = releaseArray(count);
  if (pos === end) {
    if (!big) return new Version(epoch, release, null, null, null, null, null, SentinelKind.None);
    return new Version(epoch, release, null, null, null, null, exactOf(epoch, epochDigitsExact, release, releaseExact, null, null, null), SentinelKind.None);
  }

  // Pre-release: [._-]?+ (alpha|a|beta|b|preview|pre|c|rc) [._-]?+ ([0-9]+)?
  let pre: [PreLetter, number] | null = null;
  let preExact: string | null = null;
  {
    let q = pos;
    if (isSep(text.charCodeAt(q))) q++;
    const wordLength = matchPreWord(text, q);
    if (wordLength > 0) {
      const letter = preLetter;
      q += wordLength;
      if (q < end && isSep(text.charCodeAt(q))) q++;
      const r = scanNumber(text, q);
      if (r > q && numDigits !== "") {
        big = true;
        preExact = numDigits;
      }
      pre = [letter, r > q ? numValue : 0];
      pos = r;
    }
  }

  // Post-release: -([0-9]+) | [._-]? (post|rev|r) [._-]? ([0-9]+)?
  let post: number | null = null;
  let postExact: string | null = null;
  if (pos < end) {
    const c = text.charCodeAt(pos);
    let matched = false;
    if (c === C_DASH) {
      const r = scanNumber(text, pos + 1);
      if (r > pos + 1) {
        post = numValue;
        if (numDigits !== "") {
          big = true;
          postExact = numDigits;
        }
        pos = r;
        matched = true;
      }
    }
    if (!matched) {
      const q = isSep(c) ? pos + 1 : pos;
      const wordLength = matchPostWord(text, q);
      if (wordLength > 0) {
        let t = q + wordLength;
        if (t < end && isSep(text.charCodeAt(t))) t++;
        const r = scanNumber(text, t);
        post = r > t ? numValue : 0;
        if (r > t && numDigits !== "") {
          big = true;
          postExact = numDigits;
        }
        pos = r;
      }
    }
  }

  // Dev release: [._-]?+ dev [._-]?+ ([0-9]+)?
  let dev: number | null = null;
  let devExact: string | null = null;
  if (pos < end) {
    const q = isSep(text.charCodeAt(pos)) ? pos + 1 : pos;
    if (matchWord(text, q, "dev")) {
      let s = q + 3;
      if (s < end && isSep(text.charCodeAt(s))) s++;
      const r = scanNumber(text, s);
      dev = r > s ? numValue : 0;
      if (r > s && numDigits !== "") {
        big = true;
        devExact = numDigits;
      }
      pos = r;
    }
  }

  // Local: \+ [a-z0-9]+ ([._-][a-z0-9]+)*
  let localParts: LocalPart[] | null = null;
  if (pos < end && text.charCodeAt(pos) === C_PLUS) {
    localParts = [];
    pos++;
    for (;;) {
      const start = pos;
      let digitsOnly = true;
      while (pos < end) {
        const c = text.charCodeAt(pos);
        if (!isAsciiAlnum(c)) break;
        if (c > C_9) digitsOnly = false;
        pos++;
      }
      if (pos === start) return null;
      const part = text.slice(start, pos);
      if (digitsOnly) {
        scanNumber(part, 0);
        if (numDigits !== "") {
          // A huge numeric label part: exact as a bigint; such versions order through the key path.
          big = true;
          localParts.push(BigInt(numDigits));
        } else {
          localParts.push(numValue);
        }
      } else {
        localParts.push(part.toLowerCase());
      }
      if (pos === end) break;
      if (!isSep(text.charCodeAt(pos))) return null;
      pos++;
    }
  }
  if (pos !== end) return null;
  if (!big) return new Version(epoch, release, pre, post, dev, localParts, null, SentinelKind.None);
  return new Version(
    epoch,
    release,
    pre,
    post,
    dev,
    localParts,
    exactOf(epoch, epochDigitsExact, release, releaseExact, pre === null ? null : preExact ?? String(pre[1]), post === null ? null : postExact ?? String(post), dev === null ? null : devExact ?? String(dev)),
    SentinelKind.None,
  );
}

function exactOf(
  epoch: number,
  epochExact: string,
  release: readonly number[],
  releaseExact: readonly string[] | null,
  pre: string | null,
  post: string | null,
  dev: string | null,
): ExactDigits {
  return {
    epoch: epochExact !== "" ? epochExact : String(epoch),
    release: releaseExact ?? release.map(String),
    pre,
    post,
    dev,
  };
}
