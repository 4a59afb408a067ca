// poetry-core's Version model: PEP 440 parts that keep their precision and text, with next_major/minor/patch and friends.

export interface ReleaseTag {
  phase: string;
  number: number;
}

/** A version as poetry-core sees it (poetry/core/version/pep440/version.py + constraints/version/version.py). */
export interface PoetryVersion {
  epoch: number;
  /** The release parts as written: precision is their count (1.2 has precision 2, 1.2.0 has 3). */
  release: number[];
  pre: ReleaseTag | null;
  post: ReleaseTag | null;
  dev: ReleaseTag | null;
  local: string[] | null;
  /** The text as written when parsed, or poetry's to_string() for computed versions. */
  text: string;
}

/** packaging's VERSION_PATTERN without named groups, for embedding in constraint patterns. */
export const VERSION_PATTERN_SOURCE =
  "v?(?:(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:[-_.]?(?:alpha|a|beta|b|preview|pre|c|rc)[-_.]?[0-9]*)?" +
  "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?)(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?";

const VERSION = new RegExp(
  "^\\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)" +
    "(?<pre>[-_.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pre_n>[0-9]+)?)?" +
    "(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?))?" +
    "(?<dev>[-_.]?(?<dev_l>dev)[-_.]?(?<dev_n>[0-9]+)?)?)" +
    "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$",
  "i",
);

const PHASES: Record<string, string> = {
  a: "a", alpha: "a", b: "b", beta: "b", rc: "rc", c: "rc", pre: "rc", preview: "rc",
  post: "post", r: "post", rev: "post", "-": "post", dev: "dev",
};

function tag(phase: string, number: number): ReleaseTag {
  return { phase: PHASES[phase.toLowerCase()] ?? phase.toLowerCase(), number };
}

/** poetry's PEP440Version.to_string(). */
export function versionToString(v: Omit<PoetryVersion, "text">): string {
  let text = v.release.join(".");
  if (v.epoch) text = `${v.epoch}!${text}`;
  if (v.pre) text += `${v.pre.phase}${v.pre.number}`;
  if (v.post) text += `.${v.post.phase}${v.post.number}`;
  if (v.dev) text += `.${v.dev.phase}${v.dev.number}`;
  if (v.local) text += `+${v.local.join(".")}`;
  return text.toLowerCase();
}

function make(parts: Omit<PoetryVersion, "text">): PoetryVersion {
  return { ...parts, text: versionToString(parts) };
}

/** Version.parse: null when the text is not a PEP 440 version. */
export function parsePoetryVersion(text: string): PoetryVersion | null {
  const m = VERSION.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  return {
    epoch: g.epoch ? Number(g.epoch) : 0,
    release: g.release.split(".").map(Number),
    pre: g.pre ? tag(g.pre_l, Number(g.pre_n ?? 0)) : null,
    post: g.post ? tag(g.post_l ?? "post", Number(g.post_n1 ?? g.post_n2 ?? 0)) : null,
    dev: g.dev ? tag(g.dev_l, Number(g.dev_n ?? 0)) : null,
    local: g.local ? g.local.toLowerCase().split(/[-_.]/) : null,
    text,
  };
}

export function fromRelease(release: number[], epoch = 0): PoetryVersion {
  return make({ epoch, release, pre: null, post: null, dev: null, local: null });
}

export const precision = (v: PoetryVersion): number => v.release.length;
export const isPrerelease = (v: PoetryVersion): boolean => v.pre !== null;
export const isPostrelease = (v: PoetryVersion): boolean => v.post !== null;
export const isDevrelease = (v: PoetryVersion): boolean => v.dev !== null;
export const isStable = (v: PoetryVersion): boolean => v.pre === null && v.dev === null;
export const isLocal = (v: PoetryVersion): boolean => v.local !== null;

/** Release.compare_key: (major, minor or 0, patch or 0, *extra). */
function releaseKey(release: number[]): number[] {
  return [release[0], release[1] ?? 0, release[2] ?? 0, ...release.slice(3)];
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

const NEG = Number.NEGATIVE_INFINITY;
const POS = Number.POSITIVE_INFINITY;

function tagKey(t: ReleaseTag | null, missing: number): [number, string, number] {
  if (t === null) return [missing, "", missing];
  return [0, t.phase, t.number];
}

function compareTagKeys(a: [number, string, number], b: [number, string, number]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  if (a[2] !== b[2]) return a[2] < b[2] ? -1 : 1;
  return 0;
}

function compareLocal(a: string[] | null, b: string[] | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const an = /^\d+$/.test(a[i]);
    const bn = /^\d+$/.test(b[i]);
    if (an && bn) {
      const d = Number(a[i]) - Number(b[i]);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else if (an !== bn) return an ? 1 : -1;
    else if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

/** poetry's PEP440Version order (_make_compare_key). */
export function compareVersions(a: PoetryVersion, b: PoetryVersion): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  const release = compareTuples(releaseKey(a.release), releaseKey(b.release));
  if (release !== 0) return release < 0 ? -1 : 1;
  const preKey = (v: PoetryVersion): [number, string, number] =>
    v.pre === null && v.post === null && v.dev !== null ? [NEG, "", NEG] : tagKey(v.pre, POS);
  const steps = [
    compareTagKeys(preKey(a), preKey(b)),
    compareTagKeys(tagKey(a.post, NEG), tagKey(b.post, NEG)),
    compareTagKeys(tagKey(a.dev, POS), tagKey(b.dev, POS)),
    compareLocal(a.local, b.local),
  ];
  return steps.find((s) => s !== 0) ?? 0;
}

export const versionsEqual = (a: PoetryVersion, b: PoetryVersion): boolean => compareVersions(a, b) === 0;

/** Release.next_major / next_minor / next_patch / next. */
function releaseNextMajor(r: number[]): number[] {
  return r.map((part, i) => (i === 0 ? part + 1 : 0));
}
function releaseNextMinor(r: number[]): number[] {
  const out = [r[0], r.length > 1 ? r[1] + 1 : 1];
  if (r.length > 2) out.push(0);
  for (let i = 3; i < r.length; i++) out.push(0);
  return out;
}
function releaseNextPatch(r: number[]): number[] {
  const out = [r[0], r.length > 1 ? r[1] : 0, r.length > 2 ? r[2] + 1 : 1];
  for (let i = 3; i < r.length; i++) out.push(0);
  return out;
}
function releaseNext(r: number[]): number[] {
  if (r.length === 1) return releaseNextMajor(r);
  if (r.length === 2) return releaseNextMinor(r);
  if (r.length === 3) return releaseNextPatch(r);
  return [...r.slice(0, -1), r[r.length - 1] + 1];
}

function isIncrementRequired(v: PoetryVersion): boolean {
  return isStable(v) || (!isPrerelease(v) && isPostrelease(v));
}

/** Version.stable: the version without pre/dev parts (post kept only when there was no pre). */
export function stable(v: PoetryVersion): PoetryVersion {
  if (isStable(v)) return v;
  return make({ epoch: v.epoch, release: v.release, pre: null, post: v.pre === null ? v.post : null, dev: null, local: null });
}

export function nextMajor(v: PoetryVersion): PoetryVersion {
  const r = v.release;
  const release = isIncrementRequired(v) || compareTuples(releaseKey([r[0], 0, 0]), releaseKey(r)) < 0 ? releaseNextMajor(r) : r;
  return fromRelease(release, v.epoch);
}

export function nextMinor(v: PoetryVersion): PoetryVersion {
  const r = v.release;
  const release = isIncrementRequired(v) || compareTuples(releaseKey([r[0], r[1] ?? 0, 0]), releaseKey(r)) < 0 ? releaseNextMinor(r) : r;
  return fromRelease(release, v.epoch);
}

export function nextPatch(v: PoetryVersion): PoetryVersion {
  const r = v.release;
  const release =
    isIncrementRequired(v) || compareTuples(releaseKey([r[0], r[1] ?? 0, r[2] ?? 0]), releaseKey(r)) < 0 ? releaseNextPatch(r) : r;
  return fromRelease(release, v.epoch);
}

/** Version.next_breaking: the caret's upper bound. */
export function nextBreaking(v: PoetryVersion): PoetryVersion {
  const [major, minor, patch] = v.release;
  if (major > 0 || minor === undefined) return nextMajor(stable(v));
  if (minor > 0 || patch === undefined) return nextMinor(stable(v));
  return nextPatch(stable(v));
}

export function nextStable(v: PoetryVersion): PoetryVersion {
  const release = isStable(v) ? releaseNext(v.release) : v.release;
  return make({ epoch: v.epoch, release, pre: null, post: null, dev: null, local: v.local });
}

export function nextPrerelease(v: PoetryVersion): PoetryVersion {
  let pre: ReleaseTag;
  if (v.pre !== null) pre = !isDevrelease(v) || isPostrelease(v) ? { ...v.pre, number: v.pre.number + 1 } : v.pre;
  else pre = { phase: "a", number: 0 };
  return make({ epoch: v.epoch, release: v.release, pre, post: null, dev: null, local: null });
}

export function nextPostrelease(v: PoetryVersion): PoetryVersion {
  const post = v.post !== null ? (v.dev === null ? { ...v.post, number: v.post.number + 1 } : v.post) : { phase: "post", number: 0 };
  return make({ epoch: v.epoch, release: v.release, pre: v.pre, post, dev: null, local: null });
}

export function nextDevrelease(v: PoetryVersion): PoetryVersion {
  const dev = v.dev !== null ? { ...v.dev, number: v.dev.number + 1 } : { phase: "dev", number: 0 };
  return make({ epoch: v.epoch, release: v.release, pre: v.pre, post: v.post, dev, local: null });
}

export function firstDevrelease(v: PoetryVersion): PoetryVersion {
  return make({ epoch: v.epoch, release: v.release, pre: v.pre, post: v.post, dev: { phase: "dev", number: 0 }, local: null });
}

export function withoutDevrelease(v: PoetryVersion): PoetryVersion {
  return make({ epoch: v.epoch, release: v.release, pre: v.pre, post: v.post, dev: null, local: v.local });
}
