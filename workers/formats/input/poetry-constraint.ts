// Poetry's version-constraint language (^, ~, *, 1.2.*, bare versions, comma lists, || unions) translated to PEP 440 and markers as poetry-core does.
//
// Ported from poetry-core: constraints/version/parser.py (parse_constraint, parse_single_constraint,
// _make_x_constraint_range), patterns.py, version_range.py (__str__), version_union.py (excludes_single_version,
// excludes_single_wildcard_range), version_constraint.py (_is_wildcard_candidate), packages/dependency.py
// (base_pep_508_name), packages/utils/utils.py (create_nested_marker) and constraints/generic/parser.py.
import {
  compareVersions,
  firstDevrelease,
  isDevrelease,
  isLocal,
  isPostrelease,
  isPrerelease,
  isStable,
  nextBreaking,
  nextDevrelease,
  nextMajor,
  nextMinor,
  nextPostrelease,
  nextPrerelease,
  nextStable,
  parsePoetryVersion,
  type PoetryVersion,
  precision,
  stable,
  VERSION_PATTERN_SOURCE,
  versionsEqual,
  withoutDevrelease,
} from "./poetry-version";

/** One interval of versions; a null bound is unbounded. */
export interface Interval {
  min: PoetryVersion | null;
  max: PoetryVersion | null;
  includeMin: boolean;
  includeMax: boolean;
}

/** A version constraint as sorted, disjoint, merged intervals: [] matches nothing, one unbounded interval anything. */
export type Constraint = Interval[];

const ANY: Constraint = [{ min: null, max: null, includeMin: false, includeMax: false }];

const ANY_PATTERN = /^v?[xX*](\.[xX*])*$/i;
const TILDE = new RegExp(`^~(?!=)\\s*(${VERSION_PATTERN_SOURCE})$`, "i");
const TILDE_PEP440 = new RegExp(`^~=\\s*(${VERSION_PATTERN_SOURCE})$`, "i");
const CARET = new RegExp(`^\\^\\s*(${VERSION_PATTERN_SOURCE})$`, "i");
const X_CONSTRAINT = /^(!=|==)?\s*v?((\d+)(?:\.(\d+))?(?:\.(\d+))?)(?:\.\*)+$/;
const BASIC = new RegExp(`^(<>|!=|>=?|<=?|==?)?\\s*(${VERSION_PATTERN_SOURCE}|dev)(\\.\\*)?$`, "i");
const OR_SEPARATOR = /\s*\|\|?\s*/g;
const AND_SEPARATOR = /(?<!^)(?<![~=>< ,]) *(?<!-)[, ](?!-) *(?!,|$)/g;
const GENERIC_AND_SEPARATOR = /(?<!^)(?<![=>< ,]) *(?<!-)[, ](?!-) *(?!,|$)/g;

function isAny(c: Constraint): boolean {
  return c.length === 1 && c[0].min === null && c[0].max === null;
}

function isSingleVersion(i: Interval): boolean {
  return i.min !== null && i.max !== null && i.includeMin && i.includeMax && versionsEqual(i.min, i.max);
}

/** Orders lower bounds: unbounded first, then by version, inclusive before exclusive. */
function compareLower(a: Interval, b: Interval): number {
  if (a.min === null || b.min === null) return a.min === b.min ? 0 : a.min === null ? -1 : 1;
  const c = compareVersions(a.min, b.min);
  if (c !== 0) return c;
  return a.includeMin === b.includeMin ? 0 : a.includeMin ? -1 : 1;
}

/** Orders upper bounds: unbounded last, then by version, exclusive before inclusive. */
function compareUpper(a: Interval, b: Interval): number {
  if (a.max === null || b.max === null) return a.max === b.max ? 0 : a.max === null ? 1 : -1;
  const c = compareVersions(a.max, b.max);
  if (c !== 0) return c;
  return a.includeMax === b.includeMax ? 0 : a.includeMax ? 1 : -1;
}

function isEmptyInterval(i: Interval): boolean {
  if (i.min === null || i.max === null) return false;
  const c = compareVersions(i.min, i.max);
  return c > 0 || (c === 0 && !(i.includeMin && i.includeMax));
}

/** VersionUnion.of: sort, then merge intervals that overlap or touch. */
export function normalize(intervals: Interval[]): Constraint {
  const sorted = intervals.filter((i) => !isEmptyInterval(i)).sort(compareLower);
  const merged: Interval[] = [];
  for (const current of sorted) {
    const last = merged[merged.length - 1];
    if (last) {
      let touches = last.max === null;
      if (!touches && current.min === null) touches = true;
      if (!touches && last.max !== null && current.min !== null) {
        const c = compareVersions(last.max, current.min);
        touches = c > 0 || (c === 0 && (last.includeMax || current.includeMin));
      }
      if (touches) {
        if (compareUpper(current, last) > 0) merged[merged.length - 1] = { ...last, max: current.max, includeMax: current.includeMax };
        continue;
      }
    }
    merged.push({ ...current });
  }
  return merged;
}

export function intersect(a: Constraint, b: Constraint): Constraint {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const lower = compareLower(x, y) >= 0 ? x : y;
      const upper = compareUpper(x, y) <= 0 ? x : y;
      out.push({ min: lower.min, includeMin: lower.includeMin, max: upper.max, includeMax: upper.includeMax });
    }
  }
  return normalize(out);
}

export function union(a: Constraint, b: Constraint): Constraint {
  return normalize([...a, ...b]);
}

function range(min: PoetryVersion | null, max: PoetryVersion | null, includeMin = false, includeMax = false): Constraint {
  return normalize([{ min, max, includeMin, includeMax }]);
}

/** VersionRange().difference(constraint). */
function complement(c: Constraint): Constraint {
  const out: Interval[] = [];
  let lower: { v: PoetryVersion | null; inc: boolean } = { v: null, inc: false };
  for (const i of c) {
    if (i.min !== null) out.push({ min: lower.v, includeMin: lower.inc, max: i.min, includeMax: !i.includeMin });
    if (i.max === null) return normalize(out);
    lower = { v: i.max, inc: !i.includeMax };
  }
  out.push({ min: lower.v, includeMin: lower.inc, max: null, includeMax: false });
  return normalize(out);
}

/** parser._make_x_constraint_range (not a marker constraint): `1.2.*` is [1.2.dev0, 1.3.dev0). */
function xRange(version: PoetryVersion, invert: boolean): Constraint {
  let next: PoetryVersion;
  if (isPostrelease(version)) next = nextPostrelease(version);
  else if (isStable(version)) next = nextStable(version);
  else if (isPrerelease(version)) next = nextPrerelease(version);
  else next = nextDevrelease(version);
  const min = firstDevrelease(version);
  const max = isDevrelease(next) ? next : firstDevrelease(next);
  const result = range(min, max, true);
  return invert ? complement(result) : result;
}

/** parse_single_constraint; null when the text is not a constraint Poetry understands. */
export function parseSingleConstraint(constraint: string): Constraint | null {
  if (ANY_PATTERN.test(constraint)) return ANY;
  const first = constraint[0];
  let m = first === "~" ? TILDE.exec(constraint) : null;
  if (m) {
    const version = parsePoetryVersion(m[1]);
    if (!version) return null;
    const high = precision(version) === 1 ? nextMajor(stable(version)) : nextMinor(stable(version));
    return range(version, high, true);
  }
  m = first === "~" ? TILDE_PEP440.exec(constraint) : null;
  if (m) {
    const version = parsePoetryVersion(m[1]);
    if (!version) return null;
    const high = precision(version) === 2 ? nextMajor(stable(version)) : nextMinor(stable(version));
    return range(version, high, true);
  }
  m = first === "^" ? CARET.exec(constraint) : null;
  if (m) {
    const version = parsePoetryVersion(m[1]);
    if (!version) return null;
    return range(version, nextBreaking(version), true);
  }
  m = X_CONSTRAINT.exec(constraint);
  if (m) {
    const version = parsePoetryVersion(m[2]);
    if (!version) return null;
    return xRange(version, m[1] === "!=");
  }
  m = BASIC.exec(constraint);
  if (m) {
    const op = m[1];
    const version = parsePoetryVersion(m[2].toLowerCase() === "dev" ? "0.0-dev" : m[2]);
    if (!version) return null;
    if (op === "<") return range(null, version);
    if (op === "<=") return range(null, version, false, true);
    if (op === ">") return range(version, null);
    if (op === ">=") return range(version, null, true);
    if (m[3] !== undefined) return xRange(version, op === "!=");
    if (op === "!=") return normalize([...range(null, version), ...range(version, null)]);
    return range(version, version, true, true);
  }
  return null;
}

interface Part {
  text: string;
  offset: number;
}

/** re.split keeping each piece's offset. */
function splitWithOffsets(text: string, separator: RegExp, base: number): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(separator)) {
    if (match[0] === "" && match.index === last) continue;
    parts.push({ text: text.slice(last, match.index), offset: base + last });
    last = match.index + match[0].length;
  }
  parts.push({ text: text.slice(last), offset: base + last });
  return parts;
}

export type ParsedConstraint =
  | { ok: true; constraint: Constraint; alternatives: { text: string; constraint: Constraint }[] }
  | { ok: false; message: string; offset: number };

/** parse_constraint: `||` alternatives of comma/space separated parts, intersected, then united. */
export function parsePoetryConstraint(text: string): ParsedConstraint {
  if (text === "*") return { ok: true, constraint: ANY, alternatives: [{ text, constraint: ANY }] };
  const lead = text.length - text.trimStart().length;
  const alternatives: { text: string; constraint: Constraint }[] = [];
  let combined: Constraint = [];
  for (const alternative of splitWithOffsets(text.trim(), OR_SEPARATOR, lead)) {
    const trimmed = alternative.text.replace(/,+$/, "").trimEnd();
    let constraint: Constraint | null = null;
    for (const part of splitWithOffsets(trimmed, AND_SEPARATOR, alternative.offset)) {
      const parsed = parseSingleConstraint(part.text);
      if (parsed === null) return { ok: false, message: `could not parse version constraint: ${part.text}`, offset: part.offset };
      constraint = constraint === null ? parsed : intersect(constraint, parsed);
    }
    const result = constraint ?? ANY;
    alternatives.push({ text: trimmed, constraint: result });
    combined = alternatives.length === 1 ? result : union(combined, result);
  }
  return { ok: true, constraint: combined, alternatives };
}

/** version_constraint._is_wildcard_candidate. */
function isWildcardCandidate(min: PoetryVersion, max: PoetryVersion, inverted = false): boolean {
  // Cheap exit first: only a .dev0 lower bound can equal its own first_devrelease().
  if (min.dev === null || min.dev.number !== 0) return false;
  if (
    isLocal(min) ||
    isLocal(max) ||
    isPrerelease(min) ||
    isPrerelease(max) ||
    isPostrelease(min) !== isPostrelease(max) ||
    !versionsEqual(firstDevrelease(min), min) ||
    (isDevrelease(max) && !versionsEqual(firstDevrelease(max), max))
  ) {
    return false;
  }
  const first = inverted ? max : min;
  const second = inverted ? min : max;
  let partsFirst = [...first.release];
  const partsSecond = [...second.release];
  while (partsSecond.length > 0 && partsSecond[partsSecond.length - 1] === 0) partsSecond.pop();
  if (partsSecond.length === 0) return false;
  while (partsFirst.length < partsSecond.length) partsFirst.push(0);
  if (partsFirst.slice(partsSecond.length).some((p) => p !== 0)) return false;
  partsFirst = partsFirst.slice(0, partsSecond.length);
  if (first.post !== null) {
    return (
      partsFirst.every((p, i) => p === partsSecond[i]) &&
      second.post !== null &&
      first.post.number + 1 === second.post.number &&
      first.post.phase === second.post.phase
    );
  }
  const n = partsFirst.length;
  return partsFirst.slice(0, n - 1).every((p, i) => p === partsSecond[i]) && partsFirst[n - 1] + 1 === partsSecond[n - 1];
}

/** version_constraint._single_wildcard_range_string. */
function wildcardString(first: PoetryVersion, second: PoetryVersion): string {
  if (first.post !== null) return `${withoutDevrelease(first).text}.*`;
  const parts = [...second.release];
  while (parts.length > 0 && parts[parts.length - 1] === 0) parts.pop();
  parts[parts.length - 1] -= 1;
  return `${parts.join(".")}.*`;
}

/** VersionRange.__str__ (with the single-wildcard-range form). */
function intervalString(i: Interval): string {
  if (i.min === null && i.max === null) return "";
  if (isSingleVersion(i) && i.min) return `==${i.min.text}`;
  if (i.min !== null && i.max !== null && i.includeMin && !i.includeMax && isWildcardCandidate(i.min, i.max)) {
    return `==${wildcardString(i.min, i.max)}`;
  }
  const parts: string[] = [];
  if (i.min !== null) parts.push(`${i.includeMin ? ">=" : ">"}${i.min.text}`);
  if (i.max !== null) parts.push(`${i.includeMax ? "<=" : "<"}${i.max.text}`);
  return parts.join(",");
}

/**
 * The exclusions that turn the gap between two consecutive intervals into `!=` specifiers: a single point
 * (`<V || >V` is `!=V`), a wildcard range (`<2.0 || >=2.1` is `!=2.0.*`), or a run of whole major/minor/patch
 * steps (`<3.0 || >=3.6` is `!=3.0.*,...,!=3.5.*`). Null when the gap has no exact `!=` form.
 */
function gapExclusions(before: Interval, after: Interval): string[] | null {
  const low = before.max;
  const high = after.min;
  if (low === null || high === null) return null;
  if (!before.includeMax && !after.includeMin && versionsEqual(low, high)) return [`!=${low.text}`];
  if (before.includeMax || !after.includeMin) return null;
  if (isWildcardCandidate(high, low, true)) return [`!=${wildcardString(low, high)}`];
  if (!isStable(low) || isPostrelease(low) || isLocal(low) || !isStable(high) || isLocal(high)) return null;
  const exclusions: string[] = [];
  let cursor = low.release.slice(0, 3);
  while (cursor.length < 3) cursor.push(0);
  const target = high;
  for (let step = 0; step < 64; step++) {
    const current = parsePoetryVersion(cursor.join("."));
    if (!current) return null;
    const c = compareVersions(current, target);
    if (c === 0) return exclusions;
    if (c > 0) return null;
    let advanced = false;
    for (let level = 0; level < 3 && !advanced; level++) {
      if (cursor.slice(level + 1).some((p) => p !== 0)) continue;
      const next = cursor.map((p, i) => (i < level ? p : i === level ? p + 1 : 0));
      const nextVersion = parsePoetryVersion(next.join("."));
      if (nextVersion && compareVersions(nextVersion, target) <= 0) {
        exclusions.push(`!=${cursor.slice(0, level + 1).join(".")}.*`);
        cursor = next;
        advanced = true;
      }
    }
    if (!advanced) return null;
  }
  return null;
}

/** A PEP 440 specifier set equal to the constraint, or null when none exists. */
export function constraintToSpecifier(c: Constraint): string | null {
  if (c.length === 0) return null;
  if (c.length === 1) return intervalString(c[0]);
  const first = c[0];
  const last = c[c.length - 1];
  // VersionUnion.excludes_single_wildcard_range: `<A || >=B` where [A, B) is one wildcard range.
  if (c.length === 2 && first.min === null && last.max === null && first.max && last.min && !first.includeMax && last.includeMin) {
    if (isWildcardCandidate(last.min, first.max, true)) return `!=${wildcardString(first.max, last.min)}`;
  }
  const parts: string[] = [];
  if (first.min !== null) parts.push(`${first.includeMin ? ">=" : ">"}${first.min.text}`);
  for (let k = 0; k + 1 < c.length; k++) {
    const gap = gapExclusions(c[k], c[k + 1]);
    if (gap === null) return null;
    parts.push(...gap);
  }
  if (last.max !== null) parts.push(`${last.includeMax ? "<=" : "<"}${last.max.text}`);
  return parts.join(",");
}

export type SpecifierResult =
  | { ok: true; specifier: string; warning?: string; alternatives?: string[] }
  | { ok: false; message: string; offset: number };

/**
 * A Poetry constraint as a PEP 440 specifier set (dependency.base_pep_508_name); "" means any version. A union with
 * no PEP 440 form (`~2.7 || ^3.6`) comes back as its alternatives, each a specifier set: poetry-core 1.4 writes them
 * joined with " || " (not PEP 508); Tangle keeps them apart and resolves their union.
 */
export function poetryConstraintToSpecifier(text: string): SpecifierResult {
  const parsed = parsePoetryConstraint(text);
  if (!parsed.ok) return parsed;
  if (parsed.constraint.length === 0) return { ok: false, message: `version constraint "${text}" matches no version`, offset: 0 };
  const exact = constraintToSpecifier(parsed.constraint);
  if (exact !== null) return { ok: true, specifier: exact };
  // Each interval of the normalised union is one alternative (overlapping alternatives were merged).
  const alternatives = parsed.constraint.map((interval) => constraintToSpecifier([interval]) ?? "");
  return {
    ok: true,
    specifier: alternatives[0],
    alternatives,
    warning:
      `"${text}" allows disjoint version ranges, which one PEP 440 specifier set cannot express; ` +
      `it is read as the union of ${alternatives.map((a) => `"${a}"`).join(" or ")} (poetry-core writes "${alternatives.join(" || ")}", which pip cannot read)`,
  };
}

/**
 * poetry-core's version/helpers.PYTHON_VERSION (1.4): the Python minors a project's `python` union is checked against.
 * Minors after 3.11 are not in it, so poetry-core (and Tangle) leave them allowed.
 */
const PYTHON_MINORS = ["2.7", ...Array.from({ length: 12 }, (_, minor) => `3.${minor}`)];

/**
 * The project's `python = "..."` as poetry-core writes Requires-Python (version/helpers.format_python_constraint): a
 * bare version is widened (`3.6` is `~3.6`, `3` is `^3.0`); a union such as `~2.7 || ^3.6` keeps every alternative
 * by excluding, from its lowest Python on, each known minor it does not allow (`>=2.7,!=3.0.*,...,!=3.5.*`).
 */
export function poetryPythonToSpecifier(text: string): SpecifierResult {
  const parsed = parsePoetryConstraint(text);
  if (!parsed.ok) return parsed;
  let constraint = parsed.constraint;
  if (constraint.length === 0) return { ok: false, message: `python constraint "${text}" matches no version`, offset: 0 };
  if (constraint.length === 1 && isSingleVersion(constraint[0]) && constraint[0].min !== null) {
    const version = constraint[0].min;
    if (precision(version) >= 3) return { ok: true, specifier: `==${version.text}` };
    const widened = parseSingleConstraint(precision(version) === 2 ? `~${version.release[0]}.${version.release[1]}` : `^${version.release[0]}.0`);
    if (widened !== null) constraint = widened;
  }
  if (constraint.length === 1) return { ok: true, specifier: constraintToSpecifier(constraint) ?? "" };
  const excluded: string[] = [];
  const accepted: string[] = [];
  for (const minor of PYTHON_MINORS) {
    // poetry-core 1.4 reads "3.0.*" as >=3.0,<3.1 here (no .dev0 bounds), so `<3.0` does not touch it.
    const [major, minorNumber] = minor.split(".").map(Number);
    const range = intersect(parseSingleConstraint(`>=${minor}`) ?? [], parseSingleConstraint(`<${major}.${minorNumber + 1}`) ?? []);
    if (intersect(constraint, range).length > 0) accepted.push(minor);
    else excluded.push(`!=${minor}.*`);
  }
  if (accepted.length === 0) return { ok: false, message: `python constraint "${text}" allows no known Python version`, offset: 0 };
  return { ok: true, specifier: [`>=${accepted[0]}`, ...excluded].join(",") };
}

/** packages/utils/utils.create_nested_marker for a version constraint (python_version / python_full_version). */
export function constraintToMarker(name: string, c: Constraint): string {
  if (c.length === 0 || isAny(c)) return "";
  if (c.length > 1) return c.map((i) => `(${constraintToMarker(name, [i])})`).join(" or ");
  const i = c[0];
  if (isSingleVersion(i) && i.min) {
    const n = name === "python_version" && precision(i.min) >= 3 ? "python_full_version" : name;
    return `${n} == "${i.min.text}"`;
  }
  const parts: string[] = [];
  if (i.min !== null) {
    const op = i.includeMin ? ">=" : ">";
    const n = name === "python_version" && precision(i.min) >= 3 ? "python_full_version" : name;
    if (n === "python_version" && !i.includeMin && precision(i.min) < 3) {
      parts.push(`python_full_version > "${i.min.text}${".0".repeat(3 - precision(i.min))}"`);
    } else parts.push(`${n} ${op} "${i.min.text}"`);
  }
  if (i.max !== null) {
    const op = i.includeMax ? "<=" : "<";
    const n = name === "python_version" && precision(i.max) >= 3 ? "python_full_version" : name;
    if (n === "python_version" && i.includeMax && precision(i.max) < 3) {
      parts.push(`python_full_version <= "${i.max.text}${".0".repeat(3 - precision(i.max))}"`);
    } else parts.push(`${n} ${op} "${i.max.text}"`);
  }
  return parts.join(" and ");
}

export type MarkerResult = { ok: true; marker: string } | { ok: false; message: string; offset: number };

/** A dependency's `python = "..."` as Poetry's marker (Factory.create_dependency). */
export function poetryPythonToMarker(text: string): MarkerResult {
  const parsed = parsePoetryConstraint(text);
  if (!parsed.ok) return parsed;
  if (parsed.constraint.length === 0) return { ok: false, message: `python constraint "${text}" matches no version`, offset: 0 };
  return { ok: true, marker: constraintToMarker("python_version", parsed.constraint) };
}

/** A dependency's `platform = "..."` as Poetry's marker (constraints/generic parse_constraint + create_nested_marker). */
export function poetryPlatformToMarker(text: string): string {
  if (text === "*") return "";
  const alternatives = text
    .trim()
    .split(/\s*\|\|?\s*/)
    .map((alternative) => {
      const ands = alternative.split(GENERIC_AND_SEPARATOR).map((single) => {
        const m = /^(!=|==)?\s*(.+)$/.exec(single);
        const op = m?.[1] ?? "==";
        const value = (m?.[2] ?? single).trim();
        return `sys_platform ${op} "${value}"`;
      });
      return ands;
    });
  if (alternatives.length === 1) return alternatives[0].join(" and ");
  return alternatives.map((ands) => (ands.length > 1 ? `(${ands.join(" and ")})` : ands[0])).join(" or ");
}
