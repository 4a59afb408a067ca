// Marker sets against packaging 26: every real-world and corner marker, read as a set, holds in exactly the grid environments where packaging says it does, and so does its simplified text and its complement.
import { describe, expect, it } from "vitest";
import vectors from "./vectors/marker-space.json";
import { MarkerSpace, STANDARD_PLATFORMS, otherPlatform } from "./marker-space";
import { evaluateMarker, parseMarker } from "./markers";
import { parseSpecifierSet } from "./specifiers";

const space = new MarkerSpace(STANDARD_PLATFORMS, parseSpecifierSet(">=2.7").toRange());
const envs = vectors.environments as Record<string, string>[];

describe("marker sets agree with packaging on a grid of 6 platforms x 14 CPythons", () => {
  for (const c of vectors.cases) {
    for (const [extra, expected] of Object.entries(c.results)) {
      it(`${c.marker}${extra ? ` (extra=${extra})` : ""}`, () => {
        const marker = parseMarker(c.marker);
        if (expected.includes("E")) {
          expect(() => space.fromMarker(marker, extra)).toThrow();
          return;
        }
        const set = space.fromMarker(marker, extra);
        const got = envs.map((env) => (space.containsEnvironment(set, env) ? "1" : "0")).join("");
        expect(got).toBe(expected);
        const complement = envs.map((env) => (space.containsEnvironment(space.not(set), env) ? "1" : "0")).join("");
        expect(complement).toBe([...expected].map((ch) => (ch === "1" ? "0" : "1")).join(""));
        // The simplified text means the same set, by packaging's rules (our evaluator is tested against packaging).
        const text = space.toMarker(set);
        const printed = envs.map((env) => (text === "" || evaluateMarker(text, env) ? "1" : "0")).join("");
        expect(printed, text).toBe(expected);
        expect(space.fromMarker(text === "" ? null : parseMarker(text)).equals(set), text).toBe(true);
      });
    }
  }
});

describe("simplified markers read as a person would write them", () => {
  const py39 = new MarkerSpace(STANDARD_PLATFORMS, parseSpecifierSet(">=3.9").toRange());
  const text = (marker: string) => py39.toMarker(py39.fromMarker(parseMarker(marker)));
  it("drops what the space already says and names platforms by sys_platform", () => {
    expect(text("python_version >= '3.8' and os_name == 'nt'")).toBe("sys_platform == 'win32'");
    expect(text("platform_system != 'Windows' and python_version == '3.10'")).toBe("sys_platform != 'win32' and python_version == '3.10'");
    expect(text("python_version >= '3.9' and implementation_name == 'cpython'")).toBe("");
    expect(text("sys_platform == 'darwin' and platform_machine == 'arm64'")).toBe("sys_platform == 'darwin' and platform_machine == 'arm64'");
  });
  it("leaves out a platform clause the Python clause makes redundant", () => {
    expect(py39.toMarker(py39.not(py39.fromMarker(parseMarker("python_full_version >= '3.10.1' and os_name == 'nt'"))))).toBe(
      "sys_platform != 'win32' or python_full_version < '3.10.1'",
    );
  });
  it("describes a set in words for explanations", () => {
    expect(py39.describe(py39.fromMarker(parseMarker("sys_platform == 'win32' and python_version == '3.9'")))).toBe("on Windows with Python 3.9");
    expect(py39.describe(py39.fromMarker(parseMarker("sys_platform != 'win32'")))).toBe("on Linux and macOS with Python 3.9 or newer");
  });
  it("covers further sys_platform values as platforms of their own", () => {
    const wide = new MarkerSpace([...STANDARD_PLATFORMS, otherPlatform("os1"), otherPlatform("os2")], parseSpecifierSet(">=3.9").toRange());
    const os1 = wide.fromMarker(parseMarker("sys_platform == 'os1'"));
    expect(os1.isEmpty()).toBe(false);
    expect(os1.intersects(wide.fromMarker(parseMarker("sys_platform == 'os2'")))).toBe(false);
    expect(wide.toMarker(os1)).toBe("sys_platform == 'os1'");
  });
});
