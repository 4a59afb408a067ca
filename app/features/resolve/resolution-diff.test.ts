import { describe, it, expect } from "vitest";
import { diffResolutions, isEmptyDiff, versionDirection } from "./resolution-diff";
import { resolvedPackage } from "../../../test-support/resolved-package";

describe("versionDirection", () => {
  it("reads 'up' when the new version was among the old resolution's newer versions", () => {
    const before = resolvedPackage("numpy", "1.18.5", { rejectedNewer: [{ version: "1.19.4", reason: "excluded by a pin" }] });
    expect(versionDirection(before, resolvedPackage("numpy", "1.19.4"))).toBe("up");
  });
  it("reads 'down' when the old version is among the new resolution's newer versions", () => {
    const after = resolvedPackage("numpy", "1.18.5", { rejectedNewer: [{ version: "1.19.4", reason: "excluded by a pin" }] });
    expect(versionDirection(resolvedPackage("numpy", "1.19.4"), after)).toBe("down");
  });
  it("uses a comparison when one is given and the resolutions say nothing, and 'unknown' otherwise", () => {
    const compare = (a: string, b: string) => Number(a) - Number(b);
    expect(versionDirection(resolvedPackage("x", "2"), resolvedPackage("x", "3"), compare)).toBe("up");
    expect(versionDirection(resolvedPackage("x", "3"), resolvedPackage("x", "2"), compare)).toBe("down");
    expect(versionDirection(resolvedPackage("x", "3"), resolvedPackage("x", "2"))).toBe("unknown");
    expect(versionDirection(resolvedPackage("x", "3"), resolvedPackage("x", "3"))).toBe("same");
  });
});

describe("diffResolutions", () => {
  it("sorts every package into added, removed, upgraded, downgraded, changed or unchanged", () => {
    const before = [
      resolvedPackage("pandas", "1.1.4", { rejectedNewer: [] }),
      resolvedPackage("numpy", "1.18.5", { rejectedNewer: [{ version: "1.19.4", reason: "pin" }] }),
      resolvedPackage("pytz", "2020.4"),
      resolvedPackage("six", "1.15.0"),
      resolvedPackage("toolz", "0.11.1"),
    ];
    const after = [
      resolvedPackage("pandas", "1.1.4"),
      resolvedPackage("numpy", "1.19.4"),
      resolvedPackage("pytz", "2020.1", { rejectedNewer: [{ version: "2020.4", reason: "pin" }] }),
      resolvedPackage("toolz", "0.10.0"),
      resolvedPackage("python-dateutil", "2.8.1", { displayName: "python_dateutil" }),
    ];
    const diff = diffResolutions(before, after);
    expect(diff.added).toEqual([{ name: "python-dateutil", displayName: "python_dateutil", from: null, to: "2.8.1" }]);
    expect(diff.removed).toEqual([{ name: "six", displayName: "six", from: "1.15.0", to: null }]);
    expect(diff.upgraded.map((c) => c.name)).toEqual(["numpy"]);
    expect(diff.downgraded).toEqual([{ name: "pytz", displayName: "pytz", from: "2020.4", to: "2020.1" }]);
    expect(diff.changed.map((c) => `${c.name} ${c.from}->${c.to}`)).toEqual(["toolz 0.11.1->0.10.0"]);
    expect(diff.unchanged).toBe(1);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("is empty for the same resolution", () => {
    const same = [resolvedPackage("a", "1"), resolvedPackage("b", "2")];
    const diff = diffResolutions(same, same);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.unchanged).toBe(2);
  });
});
