// The comparison picture: the new side plus the removed packages, linked where they were; marks from the diff's kinds and directions.
import { describe, expect, it } from "vitest";
import type { ResolvedPackageDto } from "../../../workers/api";
import type { PackageDiffDto } from "../../../workers/api-locks";
import { resolvedPackage } from "../../../test-support/resolved-package";
import { comparisonPackages, diffMarks } from "./diff-drawing";

function pkg(name: string, version: string, deps: string[], dependents: string[]): ResolvedPackageDto {
  const dependencies = deps.map((d) => ({ name: d, specifier: ">=1", marker: null, extras: [] }));
  return resolvedPackage(name, version, { direct: dependents.includes("<root>"), dependencies, dependents, index: "" });
}

const before = [pkg("app", "1.0", ["old-dep", "shared"], ["<root>"]), pkg("old-dep", "2.0", ["shared"], ["app"]), pkg("shared", "3.0", [], ["app", "old-dep"])];
const after = [pkg("app", "1.1", ["new-dep", "shared"], ["<root>"]), pkg("new-dep", "1.0", [], ["app"]), pkg("shared", "2.9", [], ["app"])];
const diff: PackageDiffDto = {
  json: {
    added: [{ name: "new-dep", version: "1.0", via: [] }],
    removed: [{ name: "old-dep", version: "2.0", via: [] }],
    changed: [
      { name: "app", from: "1.0", to: "1.1", via: [] },
      { name: "shared", from: "3.0", to: "2.9", via: [] },
    ],
  },
  text: "",
  directions: { app: "upgraded", shared: "downgraded" },
  unchanged: 0,
};

describe("diffMarks", () => {
  it("marks each package with how it moved", () => {
    expect(diffMarks(diff)).toEqual({ "new-dep": "added", "old-dep": "removed", app: "upgraded", shared: "downgraded" });
    expect(diffMarks({ ...diff, directions: {} }).app).toBe("changed");
  });
});

describe("comparisonPackages", () => {
  const drawn = comparisonPackages(before, after, diffMarks(diff));
  const byName = Object.fromEntries(drawn.map((p) => [p.name, p]));

  it("draws the new side and the removed packages, at their new and old versions", () => {
    expect(drawn.map((p) => `${p.name} ${p.version}`)).toEqual(["app 1.1", "new-dep 1.0", "old-dep 2.0", "shared 2.9"]);
  });

  it("keeps a removed package linked to the package that required it and to what it required", () => {
    expect(byName["old-dep"].dependents).toEqual(["app"]);
    expect(byName.app.dependencies.map((d) => d.name)).toEqual(["new-dep", "shared", "old-dep"]);
    expect(byName.shared.dependents).toEqual(["app", "old-dep"]);
  });

  it("leaves the sides as they were", () => {
    expect(after[0].dependencies.map((d) => d.name)).toEqual(["new-dep", "shared"]);
    expect(after[2].dependents).toEqual(["app"]);
  });
});
