// Tests for poetry-core's Version model: parsing with precision, next_* bumps, and ordering.
import { describe, expect, it } from "vitest";
import {
  compareVersions,
  firstDevrelease,
  nextBreaking,
  nextMajor,
  nextMinor,
  nextPatch,
  nextStable,
  parsePoetryVersion,
  type PoetryVersion,
  stable,
} from "./poetry-version";

const v = (text: string): PoetryVersion => {
  const parsed = parsePoetryVersion(text);
  if (!parsed) throw new Error(`bad version ${text}`);
  return parsed;
};

describe("parsePoetryVersion", () => {
  it("keeps the release parts as written and the original text", () => {
    expect(v("1.2").release).toEqual([1, 2]);
    expect(v("1.2.0").release).toEqual([1, 2, 0]);
    expect(v("v1.2").text).toBe("v1.2");
    expect(v("1!2.0rc1.post2.dev3+ubuntu.1")).toMatchObject({
      epoch: 1,
      release: [2, 0],
      pre: { phase: "rc", number: 1 },
      post: { phase: "post", number: 2 },
      dev: { phase: "dev", number: 3 },
      local: ["ubuntu", "1"],
    });
  });

  it("normalises pre-release spellings and implicit post releases", () => {
    expect(v("1.0alpha2").pre).toEqual({ phase: "a", number: 2 });
    expect(v("1.0-preview").pre).toEqual({ phase: "rc", number: 0 });
    expect(v("1.0-3").post).toEqual({ phase: "post", number: 3 });
  });

  it("rejects what PEP 440 rejects", () => {
    expect(parsePoetryVersion("1.x")).toBeNull();
    expect(parsePoetryVersion("")).toBeNull();
  });
});

describe("next_* (pep440/version.py, segments.py)", () => {
  it("bumps keeping the precision", () => {
    expect(nextMajor(v("1.2.3")).text).toBe("2.0.0");
    expect(nextMajor(v("1.2")).text).toBe("2.0");
    expect(nextMinor(v("1")).text).toBe("1.1");
    expect(nextMinor(v("1.2.3")).text).toBe("1.3.0");
    expect(nextPatch(v("1.2")).text).toBe("1.2.1");
    expect(nextMajor(v("1.2.3.4")).text).toBe("2.0.0.0");
  });

  it("does not bump a pre-release of the target itself", () => {
    expect(nextMajor(v("2.0.0a1")).text).toBe("2.0.0");
    expect(nextMajor(v("1.2.3a1")).text).toBe("2.0.0");
    expect(stable(v("1.2.3rc1")).text).toBe("1.2.3");
  });

  it("next_breaking follows the left-most non-zero part", () => {
    expect(nextBreaking(v("1.2.3")).text).toBe("2.0.0");
    expect(nextBreaking(v("0.2.3")).text).toBe("0.3.0");
    expect(nextBreaking(v("0.0.3")).text).toBe("0.0.4");
    expect(nextBreaking(v("0.0")).text).toBe("0.1");
    expect(nextBreaking(v("0")).text).toBe("1");
  });

  it("next_stable and first_devrelease build wildcard bounds", () => {
    expect(nextStable(v("1.2")).text).toBe("1.3");
    expect(nextStable(v("1")).text).toBe("2");
    expect(firstDevrelease(v("1.2")).text).toBe("1.2.dev0");
  });
});

describe("ordering", () => {
  it("orders as PEP 440 does", () => {
    const ordered = ["1.0.dev0", "1.0a1", "1.0a2.dev1", "1.0b1", "1.0rc1", "1.0", "1.0+local", "1.0.post1", "1.1", "2!0.1"];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(compareVersions(v(ordered[i]), v(ordered[i + 1])), `${ordered[i]} < ${ordered[i + 1]}`).toBeLessThan(0);
      expect(compareVersions(v(ordered[i + 1]), v(ordered[i]))).toBeGreaterThan(0);
    }
    expect(compareVersions(v("1.0"), v("1.0"))).toBe(0);
  });
});
