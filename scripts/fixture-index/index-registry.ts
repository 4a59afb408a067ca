// The set of mounted indexes (snapshot union, one per snapshot, the pip benchmark, scenarios), loaded lazily.

import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { IndexData } from "./index-model";
import { loadScenarioDir, parseScenario } from "./scenario-loader";
import type { Scenario } from "./scenario-loader";
import { loadBenchmarkIndex, loadMergedSnapshots, loadSnapshotIndex } from "./snapshot-loader";
import { SyntheticFiles } from "./synthetic-files";

export const DEFAULT_SNAPSHOT_DIR = fileURLToPath(new URL("../data/snapshots", import.meta.url));
export const DEFAULT_SCENARIO_DIR = fileURLToPath(new URL("./scenarios", import.meta.url));

export interface IndexSourceOptions {
  /** Folder with `pypi-YYYY-MM-DD-<name>.json` and `pip-benchmark-pyrax-1.9.8.json` (default scripts/data/snapshots). */
  snapshotDir?: string;
  /** Folder of scenario `*.json` files (default scripts/fixture-index/scenarios); null to load none. */
  scenarioDir?: string | null;
  /** Extra scenarios given as parsed JSON, by name (mounted at `/scenarios/<name>/`, overriding files of that name). */
  scenarios?: Record<string, unknown>;
}

export interface MountedIndex {
  /** Path prefix without slashes, e.g. `snapshot-2020`, `chalice`, `scenarios/yanked`. */
  prefix: string;
  kind: "snapshot-union" | "snapshot" | "benchmark" | "scenario";
  description: string;
}

const UNION_PREFIX = "snapshot-2020";
const BENCH_FILE = "pip-benchmark-pyrax-1.9.8.json";
const SNAPSHOT_2020 = /^pypi-2020-\d{2}-\d{2}-(.+)\.json$/;

export class IndexRegistry {
  private readonly loaders = new Map<string, () => Promise<IndexData>>();
  private readonly loaded = new Map<string, Promise<SyntheticFiles>>();
  private readonly mounted: MountedIndex[] = [];

  private constructor(readonly scenarios: readonly Scenario[]) {}

  /** Lists the snapshot folder and reads the scenarios (small); snapshot data itself loads on first use. */
  static async create(options: IndexSourceOptions = {}): Promise<IndexRegistry> {
    const snapshotDir = options.snapshotDir ?? DEFAULT_SNAPSHOT_DIR;
    const scenarioDir = options.scenarioDir === undefined ? DEFAULT_SCENARIO_DIR : options.scenarioDir;
    const fromDir = scenarioDir === null ? [] : await loadScenarioDir(scenarioDir);
    const inline = Object.entries(options.scenarios ?? {}).map(([name, json]) => parseScenario(name, json));
    const byName = new Map<string, Scenario>();
    for (const s of [...fromDir, ...inline]) byName.set(s.name, s);
    const registry = new IndexRegistry([...byName.values()]);

    const files = (await readdir(snapshotDir)).sort();
    const snapshots = files.filter((f) => SNAPSHOT_2020.test(f)).map((f) => join(snapshotDir, f));
    if (snapshots.length > 0) {
      registry.add(
        { prefix: UNION_PREFIX, kind: "snapshot-union", description: `union of ${snapshots.length} recorded 2020 PyPI snapshots (latest recording wins)` },
        () => loadMergedSnapshots(snapshots, UNION_PREFIX),
      );
    }
    for (const path of snapshots) {
      const prefix = SNAPSHOT_2020.exec(path.slice(snapshotDir.length + 1))?.[1] ?? path;
      registry.add({ prefix, kind: "snapshot", description: `recorded PyPI snapshot ${path.slice(snapshotDir.length + 1)}` }, () => loadSnapshotIndex(path, prefix));
    }
    if (files.includes(BENCH_FILE)) {
      registry.add({ prefix: "pyrax-bench", kind: "benchmark", description: "pip resolver benchmark pyrax==1.9.8" }, () =>
        loadBenchmarkIndex(join(snapshotDir, BENCH_FILE), "pyrax-bench"),
      );
    }
    for (const s of registry.scenarios) {
      registry.add({ prefix: s.index.prefix, kind: "scenario", description: s.description }, () => Promise.resolve(s.index));
    }
    return registry;
  }

  private add(index: MountedIndex, load: () => Promise<IndexData>): void {
    this.mounted.push(index);
    this.loaders.set(index.prefix, load);
  }

  list(): readonly MountedIndex[] {
    return this.mounted;
  }

  /** The index whose prefix starts the path (longest wins) and the rest of the path after it (starting with `/`, or ""). */
  match(path: string): { index: MountedIndex; rest: string } | undefined {
    let best: MountedIndex | undefined;
    for (const m of this.mounted) {
      const p = `/${m.prefix}`;
      if ((path === p || path.startsWith(`${p}/`)) && (best === undefined || m.prefix.length > best.prefix.length)) best = m;
    }
    return best === undefined ? undefined : { index: best, rest: path.slice(best.prefix.length + 1) };
  }

  /** The index's data with its synthetic-file caches, loaded once. */
  files(prefix: string): Promise<SyntheticFiles> {
    let p = this.loaded.get(prefix);
    if (p === undefined) {
      const load = this.loaders.get(prefix);
      if (load === undefined) return Promise.reject(new Error(`no index mounted at /${prefix}/`));
      p = load().then((data) => new SyntheticFiles(data));
      this.loaded.set(prefix, p);
      p.catch(() => this.loaded.delete(prefix));
    }
    return p;
  }
}
