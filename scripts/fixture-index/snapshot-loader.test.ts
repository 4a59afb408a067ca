// Snapshot loading: the recorded format, the union (latest recording wins) and the benchmark's depends_by_extra.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBenchmarkIndex, loadMergedSnapshots, loadSnapshotIndex } from "./snapshot-loader";

function snapshotFiles(): { early: string; late: string; bench: string } {
  const dir = mkdtempSync(join(tmpdir(), "fixture-snap-"));
  const early = join(dir, "pypi-2020-02-13-early.json");
  const late = join(dir, "pypi-2020-11-17-late.json");
  const bench = join(dir, "bench.json");
  writeFileSync(early, JSON.stringify({ a: { "1.0": { dependencies: ["b (>=1)"] }, "2.0": { dependencies: ["b"] } }, b: { "1.0": { dependencies: {} } } }));
  writeFileSync(late, JSON.stringify({ a: { "2.0": { dependencies: ["b (>=2)"] }, "3.0": { dependencies: [] } } }));
  writeFileSync(bench, JSON.stringify({ input: { timestamp: "2023-12-01T18:24:53.433295" }, packages: { k: { "1.0": { depends_by_extra: { docs: ["sphinx>=3"], "": ["six"] }, requires_python: ">=3.8" } } } }));
  return { early, late, bench };
}

describe("snapshot loader", () => {
  it("reads one snapshot with its recording date and canonical summaries", async () => {
    const { early } = snapshotFiles();
    const idx = await loadSnapshotIndex(early, "early");
    expect(idx.recorded).toBe("2020-02-13T00:00:00Z");
    expect(idx.projects.get("a")?.releases.map((r) => r.requiresDist)).toEqual([["b (>=1)"], ["b"]]);
    expect(idx.projects.get("b")?.releases[0]?.requiresDist).toEqual([]);
    expect(idx.projects.get("a")?.releases[0]?.summary).toBe("");
    expect(idx.projects.get("a")?.releases[0]?.license).toBe("");
  });

  it("merges snapshots: the latest recording wins, each release remembers where it was first seen", async () => {
    const { early, late } = snapshotFiles();
    const idx = await loadMergedSnapshots([late, early], "union");
    const a = idx.projects.get("a");
    expect(a?.releases.map((r) => r.version).sort()).toEqual(["1.0", "2.0", "3.0"]);
    expect(a?.releases.find((r) => r.version === "2.0")?.requiresDist).toEqual(["b (>=2)"]);
    expect(idx.releaseRecorded?.get("a")?.get("2.0")).toBe("2020-02-13T00:00:00Z");
    expect(idx.releaseRecorded?.get("a")?.get("3.0")).toBe("2020-11-17T00:00:00Z");
    expect(idx.recorded).toBe("2020-11-17T00:00:00Z");
  });

  it("turns depends_by_extra into Requires-Dist with extra markers, base dependencies first", async () => {
    const { bench } = snapshotFiles();
    const idx = await loadBenchmarkIndex(bench, "bench");
    const r = idx.projects.get("k")?.releases[0];
    expect(r?.requiresDist).toEqual(["six", 'sphinx>=3; extra == "docs"']);
    expect(r?.requiresPython).toBe(">=3.8");
    expect(idx.recorded).toBe("2023-12-01T18:24:53.433Z");
  });
});
