// Tests for wheel tags against packaging.tags / packaging.utils golden vectors.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { defaultTargetEnvironment, parseTargetEnvironment, type TargetEnvironment } from "./environment";
import {
  compatibleTags,
  formatTag,
  InvalidSdistFilename,
  InvalidWheelFilename,
  parseSdistFilename,
  parseTag,
  parseWheelFilename,
  wheelSupport,
} from "./tags";
import tagVectors from "./vectors/tags.json";
import filenameVectors from "./vectors/tags-filenames.json";

interface TargetVector {
  target: Record<string, unknown>;
  tags: string[];
}

type WheelResult =
  | { valid: true; name: string; version: string; build: [number, string] | null; tags: string[] }
  | { valid: false; error: string };

function target(input: unknown): TargetEnvironment {
  const result = parseTargetEnvironment(input);
  if (!result.ok) throw new Error(result.message);
  return result.target;
}

const targets = Object.entries(tagVectors.targets as Record<string, TargetVector>);

describe("compatibleTags", () => {
  it.each(targets)("lists exactly packaging's sys_tags for %s, in order", (_name, vector) => {
    expect(compatibleTags(target(vector.target)).map(formatTag)).toEqual(vector.tags);
  });

  it("starts with the most specific tag and ends with the most generic one", () => {
    const tags = compatibleTags(target({ pythonVersion: "3.12", os: "windows", arch: "x86_64" })).map(formatTag);
    expect(tags[0]).toBe("cp312-cp312-win_amd64");
    expect(tags.at(-1)).toBe("py30-none-any");
    expect(tags).toContain("cp312-none-any");
    expect(tags).toContain("cp38-abi3-win_amd64");
    expect(String(compatibleTags(defaultTargetEnvironment)[0])).toBe("cp312-cp312-manylinux_2_28_x86_64");
  });
});

describe("wheelSupport", () => {
  const ranks = tagVectors.wheelRanks as Record<string, Record<string, number>>;

  it.each(targets)("ranks real-world wheel names as packaging's tag selector does on %s", (name, vector) => {
    const t = target(vector.target);
    const actual = Object.fromEntries(Object.keys(ranks[name]).map((file) => [file, wheelSupport(file, t).rank]));
    expect(actual).toEqual(ranks[name]);
  });

  it("returns the best tag when compatible", () => {
    const t = target({ pythonVersion: "3.12" });
    const support = wheelSupport("numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", t);
    expect(support.compatible).toBe(true);
    expect(support.tag && formatTag(support.tag)).toBe("cp312-cp312-manylinux_2_17_x86_64");
    expect(support.reason).toBeUndefined();
  });

  it("accepts tags as well as file names", () => {
    const t = target({ pythonVersion: "3.12" });
    expect(wheelSupport(parseTag("py3-none-any"), t)).toEqual(wheelSupport("x-1.0-py3-none-any.whl", t));
  });

  it("says why a wheel does not fit", () => {
    const linux = target({ pythonVersion: "3.12", glibcVersion: "2.28" });
    const reason = (file: string, t: TargetEnvironment = linux): string | undefined => wheelSupport(file, t).reason;
    expect(reason("foo-1.0-cp312-cp312-manylinux_2_34_x86_64.whl")).toBe(
      "no platform fits CPython 3.12 on Linux x86_64 with glibc 2.28: manylinux_2_34_x86_64 needs glibc 2.34 or newer, the target has 2.28",
    );
    expect(reason("foo-1.0-cp312-cp312-win_amd64.whl")).toBe(
      "no platform fits CPython 3.12 on Linux x86_64 with glibc 2.28: win_amd64 is for Windows",
    );
    expect(reason("foo-1.0-cp312-cp312-manylinux_2_17_aarch64.whl")).toContain(
      "manylinux_2_17_aarch64 is for aarch64, the target is x86_64",
    );
    expect(reason("foo-1.0-cp312-cp312-musllinux_1_1_x86_64.whl")).toContain("needs musl libc, the target uses glibc");
    expect(reason("foo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl")).toBe(
      "ABI cp311 with cp311 does not fit CPython 3.12 on Linux x86_64 with glibc 2.28 (it accepts ABIs cp312, abi3, none)",
    );
    expect(reason("foo-1.0-py2-none-any.whl")).toBe("built for py2, but CPython 3.12 on Linux x86_64 with glibc 2.28 is cp312");
    const mac = target({ os: "macos", arch: "arm64", macosVersion: "12.0" });
    expect(reason("foo-1.0-cp312-cp312-macosx_14_0_arm64.whl", mac)).toContain(
      "macosx_14_0_arm64 needs macOS 14.0 or newer, the target is 12.0",
    );
    expect(reason("foo-1.0-cp312-cp312-macosx_10_9_x86_64.whl", mac)).toContain("macosx_10_9_x86_64 is for x86_64, the target is arm64");
    expect(reason("not a wheel.tar.gz")).toBe("Invalid wheel filename (extension must be '.whl'): 'not a wheel.tar.gz'");
  });

  it("ranks every accepted tag by its position (property)", () => {
    const t = target({ pythonVersion: "3.11", os: "macos", arch: "x86_64", macosVersion: "12.0" });
    const all = compatibleTags(t);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: all.length - 1 }), { minLength: 1, maxLength: 5 }), (indices) => {
        const support = wheelSupport(indices.map((i) => all[i]), t);
        expect(support).toEqual({ compatible: true, rank: Math.min(...indices), tag: all[Math.min(...indices)] });
      }),
    );
  });
});

describe("parseWheelFilename", () => {
  const wheels = filenameVectors.wheels as { filename: string; result: WheelResult; validateOrder: WheelResult }[];

  function actual(filename: string, validateOrder: boolean): WheelResult {
    try {
      const w = parseWheelFilename(filename, { validateOrder });
      return {
        valid: true,
        name: w.name,
        version: w.version.toString(),
        build: w.build,
        tags: w.tags.map(formatTag).sort(),
      };
    } catch (error) {
      if (error instanceof InvalidWheelFilename) return { valid: false, error: error.message };
      throw error;
    }
  }

  it.each(wheels.map((w) => [w.filename, w] as const))("parses %j as packaging does", (filename, vector) => {
    expect(actual(filename, false)).toEqual(vector.result);
    expect(actual(filename, true)).toEqual(vector.validateOrder);
  });

  it("keeps the expansion order of compressed tag sets", () => {
    expect(parseWheelFilename("foo-1.0-py2.py3-none-any.whl").tags.map(formatTag)).toEqual(["py2-none-any", "py3-none-any"]);
  });
});

describe("parseSdistFilename", () => {
  const sdists = filenameVectors.sdists as { filename: string; result: { valid: boolean; name?: string; version?: string; error?: string } }[];

  it.each(sdists.map((s) => [s.filename, s.result] as const))("parses %j as packaging does", (filename, expected) => {
    let got: { valid: boolean; name?: string; version?: string; error?: string };
    try {
      const s = parseSdistFilename(filename);
      got = { valid: true, name: s.name, version: s.version.toString() };
    } catch (error) {
      if (!(error instanceof InvalidSdistFilename)) throw error;
      got = { valid: false, error: error.message };
    }
    expect(got).toEqual(expected);
  });
});
