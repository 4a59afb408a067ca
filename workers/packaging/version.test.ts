// Tests for PEP 440 version parsing and ordering against packaging 26.2 golden vectors, plus order properties.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  InvalidVersion,
  MIN_VERSION,
  type Version,
  afterLocals,
  afterPosts,
  canonicalizeVersion,
  comparePublic,
  compareVersions,
  parseVersion,
  publicVersion,
  releaseDigits,
  tryParseVersion,
  versionFromParts,
} from "./version";
import { versionText } from "./test-support/version-arbitrary";

type Num = number | string;
interface VersionVector {
  input: string;
  valid: boolean;
  normalized?: string;
  public?: string;
  baseVersion?: string;
  epoch?: Num;
  release?: Num[];
  pre?: [string, Num] | null;
  post?: Num | null;
  dev?: Num | null;
  local?: string | null;
  isPrerelease?: boolean;
  isPostrelease?: boolean;
  isDevrelease?: boolean;
}

/** The sign of a comparison as -1, 0 or 1 (never -0, which toBe tells apart from 0). */
const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), "utf8")) as T;
}

const real = load<{ versions: VersionVector[] }>("versions.json").versions;
const corner = load<{ versions: VersionVector[] }>("versions-corner.json").versions;

/** Our answer in the vectors' shape (numbers beyond 2^53 as exact digit strings, as the generator writes them). */
function describeVersion(v: Version): Omit<VersionVector, "input" | "valid"> {
  const exact = (n: number, digits: string): Num => (Number.isSafeInteger(n) ? n : digits);
  const s = v.toString();
  const digitsOf = (re: RegExp): string => (re.exec(s) as RegExpExecArray)[1];
  return {
    normalized: s,
    public: v.public,
    baseVersion: v.baseVersion,
    epoch: exact(v.epoch, s.split("!")[0]),
    release: v.release.map((n, i) => exact(n, releaseDigits(v)[i])),
    pre: v.pre === null ? null : [v.pre[0], exact(v.pre[1], digitsOf(/(?:a|b|rc)([0-9]+)/))],
    post: v.post === null ? null : exact(v.post, digitsOf(/\.post([0-9]+)/)),
    dev: v.dev === null ? null : exact(v.dev, digitsOf(/\.dev([0-9]+)/)),
    local: v.local,
    isPrerelease: v.isPrerelease,
    isPostrelease: v.isPostrelease,
    isDevrelease: v.isDevrelease,
  };
}

function checkVectors(vectors: VersionVector[]): string[] {
  const problems: string[] = [];
  for (const e of vectors) {
    const v = tryParseVersion(e.input);
    if ((v !== null) !== e.valid) {
      problems.push(`${JSON.stringify(e.input)}: valid=${v !== null}, packaging says ${e.valid}`);
      continue;
    }
    if (v === null) continue;
    const { input: _input, valid: _valid, ...expected } = e;
    const got = describeVersion(v);
    if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${JSON.stringify(e.input)}: ${JSON.stringify(got)} != ${JSON.stringify(expected)}`);
  }
  return problems;
}

describe("parseVersion against packaging 26.2", () => {
  it("agrees on every real version string of the snapshots", () => {
    expect(real.length).toBeGreaterThan(4900);
    expect(checkVectors(real)).toEqual([]);
  });

  it("agrees on every corner case (spellings, separators, whitespace, huge numbers, invalid)", () => {
    expect(corner.length).toBeGreaterThan(500);
    expect(corner.filter((e) => !e.valid).length).toBeGreaterThan(100);
    expect(checkVectors(corner)).toEqual([]);
  });

  it("normalises spellings", () => {
    expect(parseVersion("1.0.0-RC1").toString()).toBe("1.0.0rc1");
    expect(parseVersion("v1.0").toString()).toBe("1.0");
    expect(parseVersion(" 1.0-1 ").toString()).toBe("1.0.post1");
    expect(parseVersion("1.0+Ubuntu-01_b").local).toBe("ubuntu.1.b");
    expect(parseVersion("2!1.0PREVIEW2.rev3-DEV").toString()).toBe("2!1.0rc2.post3.dev0");
  });

  it("keeps 20-digit numbers exact", () => {
    const v = parseVersion("1.12345678901234567890.0");
    expect(v.toString()).toBe("1.12345678901234567890.0");
    expect(releaseDigits(v)).toEqual(["1", "12345678901234567890", "0"]);
    const bigger = parseVersion("1.12345678901234567891");
    expect(compareVersions(v, bigger)).toBeLessThan(0);
    expect(compareVersions(parseVersion("1.12345678901234567890"), v)).toBe(0);
    expect(compareVersions(parseVersion("9007199254740993"), parseVersion("9007199254740992"))).toBeGreaterThan(0);
  });

  it("throws InvalidVersion naming the text", () => {
    expect(() => parseVersion("1.0-foo")).toThrow(InvalidVersion);
    expect(() => parseVersion("1.0-foo")).toThrow("Invalid version: '1.0-foo'");
    expect(tryParseVersion("nope")).toBeNull();
  });
});

describe("compareVersions against packaging 26.2", () => {
  it("sorts the real versions in packaging's order", () => {
    const order = load<{ order: string[] }>("order.json").order;
    const parsed = order.map(parseVersion);
    for (let i = 1; i < parsed.length; i++) expect(compareVersions(parsed[i - 1], parsed[i]), `${order[i - 1]} vs ${order[i]}`).toBeLessThanOrEqual(0);
    const shuffled = [...parsed].reverse().sort(compareVersions);
    for (let i = 0; i < parsed.length; i++) expect(compareVersions(shuffled[i], parsed[i])).toBe(0);
  });

  it("reproduces the corner-case equality groups exactly", () => {
    const groups = load<{ groups: string[][] }>("order-corner.json").groups;
    expect(groups.length).toBeGreaterThan(400);
    const problems: string[] = [];
    const flat = groups.flatMap((g, i) => g.map((text) => ({ text, v: parseVersion(text), group: i })));
    // Compare every pair of neighbours and a sample of far pairs.
    for (let i = 0; i < flat.length; i++) {
      for (const j of [i + 1, i + 7, i + 101, flat.length - 1 - i]) {
        if (j <= i || j >= flat.length) continue;
        const a = flat[i];
        const b = flat[j];
        const want = Math.sign(a.group - b.group);
        const got = Math.sign(compareVersions(a.v, b.v));
        if (got !== want) problems.push(`${a.text} vs ${b.text}: ${got}, want ${want}`);
        if (Math.sign(a.v.key < b.v.key ? -1 : a.v.key > b.v.key ? 1 : 0) !== want) problems.push(`key ${a.text} vs ${b.text}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("order properties", () => {
  const version = versionText.map(parseVersion);

  it("is a total order consistent with the key string and with normalisation", () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const ab = compareVersions(a, b);
        expect(sign(compareVersions(b, a))).toBe(sign(-ab));
        expect(sign(ab)).toBe(a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
        if (ab <= 0 && compareVersions(b, c) <= 0) expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
        expect(compareVersions(parseVersion(a.toString()), a)).toBe(0);
        expect(parseVersion(a.toString()).toString()).toBe(a.toString());
      }),
      { numRuns: 2000 },
    );
  });

  it("comparePublic is compareVersions without local labels", () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(sign(comparePublic(a, b))).toBe(sign(compareVersions(publicVersion(a), publicVersion(b))));
        expect(sign(comparePublic(a, afterLocals(b)))).toBe(sign(compareVersions(publicVersion(a), afterLocals(b))));
      }),
      { numRuns: 2000 },
    );
  });

  it("orders the sentinels between the versions they separate", () => {
    fc.assert(
      fc.property(version, version, (x, v) => {
        const base = parseVersion(v.public);
        // afterLocals(V): above V and every V+local, below everything above V's public part.
        const al = afterLocals(base);
        expect(compareVersions(x, al) < 0).toBe(comparePublic(x, base) <= 0);
        // afterPosts(V) for V without post/dev: above V.postN (any dev/local), below the next pre/final.
        const plain = versionFromParts({ epoch: base.epoch, release: base.release, pre: base.pre });
        const ap = afterPosts(plain);
        const inFamily = x.pre?.[0] === plain.pre?.[0] && x.pre?.[1] === plain.pre?.[1] && compareVersions(versionFromParts({ epoch: x.epoch, release: x.release, pre: x.pre }), plain) === 0 && (x.dev === null || x.post !== null);
        expect(compareVersions(x, ap) < 0).toBe(compareVersions(x, plain) < 0 || inFamily);
        expect(compareVersions(MIN_VERSION, x)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it("canonicalizeVersion strips trailing zeros like packaging", () => {
    expect(canonicalizeVersion(parseVersion("1.0.0"))).toBe("1");
    expect(canonicalizeVersion(parseVersion("0.0"))).toBe("0");
    expect(canonicalizeVersion(parseVersion("1.4.0.0.0rc1+x"))).toBe("1.4rc1+x");
    expect(canonicalizeVersion(parseVersion("1.0.0"), false)).toBe("1.0.0");
  });
});
