// The diff of two package graphs: each kind of change, the path that explains it and the requirement that moved it, in the JSON.
import { describe, expect, it } from "vitest";
import { resolvedPackage } from "../../test-support/resolved-package";
import { diffJson, diffPackages, formatDiffText } from "./package-diff";

const edge = (name: string, specifier = "") => ({ name, specifier, marker: null, extras: [] });
const roots = new Map([["web", ">=1"]]);

// web -> (tpl, http); tpl -> esc; http -> (ssl <3)
const before = {
  rootSpecifiers: roots,
  packages: [
    resolvedPackage("web", "1.0", { direct: true, dependents: ["<root>"], dependencies: [edge("tpl", ">=2"), edge("http")] }),
    resolvedPackage("tpl", "2.0", { dependents: ["web"], dependencies: [edge("esc", ">=1")] }),
    resolvedPackage("esc", "1.0", { dependents: ["tpl"] }),
    resolvedPackage("http", "1.0", { dependents: ["web"], dependencies: [edge("ssl", "<3")] }),
    resolvedPackage("ssl", "2.0", { dependents: ["http"] }),
    resolvedPackage("old-helper", "0.1", { dependents: ["web"] }),
  ],
};
// web 1.1 asks tpl>=3 (excludes 2.0); tpl 3.0 asks esc>=1 (esc moved with it); ssl moved to 3.0, so http had to move
// (its 1.0 asked ssl<3); a new package arrived under tpl; old-helper went away.
const after = {
  rootSpecifiers: roots,
  packages: [
    resolvedPackage("web", "1.1", { direct: true, dependents: ["<root>"], dependencies: [edge("tpl", ">=3"), edge("http")] }),
    resolvedPackage("tpl", "3.0", { dependents: ["web"], dependencies: [edge("esc", ">=1"), edge("markup", ">=0.5")] }),
    resolvedPackage("esc", "1.2", { dependents: ["tpl"] }),
    resolvedPackage("markup", "0.5", { dependents: ["tpl"] }),
    resolvedPackage("http", "0.9", { dependents: ["web"], dependencies: [edge("ssl")] }),
    resolvedPackage("ssl", "3.0", { dependents: ["http"] }),
  ],
};

describe("diffPackages", () => {
  const diff = diffPackages(before, after, { requested: ["web"] });
  const change = (name: string) => diff.changed.find((c) => c.name === name);

  it("sorts packages into added, removed, upgraded and downgraded", () => {
    expect(diff.added.map((a) => `${a.name} ${a.version}`)).toEqual(["markup 0.5"]);
    expect(diff.removed.map((r) => `${r.name} ${r.version}`)).toEqual(["old-helper 0.1"]);
    expect(diff.changed.map((c) => `${c.name} ${c.direction}`)).toEqual(["esc upgraded", "http downgraded", "ssl upgraded", "tpl upgraded", "web upgraded"]);
    expect(diff.unchanged).toBe(0);
  });

  it("names the requirement that moved each package", () => {
    expect(change("web")).toMatchObject({ cause: "requested" });
    expect(change("tpl")).toMatchObject({ cause: "excluded", reason: "web 1.1 requires tpl>=3, which 2.0 does not satisfy" });
    expect(change("http")).toMatchObject({ cause: "conflicts", reason: "http 1.0 requires ssl<3, and ssl moved to 3.0" });
    expect(change("esc")).toMatchObject({ cause: "dependent-moved", reason: "it moved with tpl (2.0 -> 3.0), which requires it" });
    expect(change("ssl")?.cause).toBe("dependent-moved");
  });

  it("gives the path from the project's requirement, in the issue's JSON", () => {
    const json = diffJson(diff);
    expect(Object.keys(json)).toEqual(["added", "removed", "changed"]);
    expect(json.added).toEqual([{ name: "markup", version: "0.5", via: ["web>=1", "web 1.1 requires tpl>=3", "tpl 3.0 requires markup>=0.5"] }]);
    expect(json.removed).toEqual([{ name: "old-helper", version: "0.1", via: ["web>=1", "web 1.0 requires old-helper"] }]);
    expect(json.changed.find((c) => c.name === "tpl")).toEqual({ name: "tpl", from: "2.0", to: "3.0", via: ["web>=1", "web 1.1 requires tpl>=3", "web 1.1 requires tpl>=3, which 2.0 does not satisfy"] });
  });

  it("without a reason the diff says so instead of inventing one", () => {
    const loose = diffPackages(
      { rootSpecifiers: roots, packages: [resolvedPackage("web", "1.0", { direct: true, dependents: ["<root>"] })] },
      { rootSpecifiers: roots, packages: [resolvedPackage("web", "1.1", { direct: true, dependents: ["<root>"] })] },
    );
    expect(loose.changed[0]).toMatchObject({ cause: "free", reason: "no requirement forces it: the old version would still do" });
    expect(formatDiffText(loose)).toBe("Upgraded (1):\n  web 1.0 -> 1.1\n      via web>=1\n      because no requirement forces it: the old version would still do\n0 unchanged\n");
  });
});
