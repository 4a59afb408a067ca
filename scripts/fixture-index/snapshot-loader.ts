// Loads the recorded PyPI snapshots (pypi-*.json, pip-benchmark format) into index data, and merges them.

import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { IndexData, ProjectDecl, ReleaseDecl } from "./index-model";
import { withExtraMarker } from "./extra-markers";
import { normalizeName } from "./project-name";

/** A snapshot file read from disk: `{ project: { version: { dependencies } } }` plus its recording date. */
export interface SnapshotFile {
  /** Short name from the file name, e.g. `chalice` for `pypi-2020-02-13-chalice.json`. */
  name: string;
  /** Recording instant (ISO 8601, midnight UTC of the date in the file name). */
  recorded: string;
  projects: Map<string, ProjectDecl>;
}

/** Thrown when a snapshot file does not have the documented shape (a broken data file, not a user error). */
export class SnapshotFormatError extends Error {}

const SNAPSHOT_FILE = /^pypi-(\d{4}-\d{2}-\d{2})-(.+)\.json$/;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function stringList(x: unknown, where: string): string[] {
  // The dask snapshot records toolz 0.10.0's dependencies as `{}`: an empty list written by a dict-based recorder.
  if (isRecord(x) && Object.keys(x).length === 0) return [];
  if (!Array.isArray(x) || !x.every((s) => typeof s === "string")) {
    throw new SnapshotFormatError(`${where}: expected an array of requirement strings`);
  }
  return x as string[];
}

/** A recorded release: the snapshots record versions and dependencies only, so summary and licence stay empty (never a placeholder). */
function snapshotRelease(version: string, requiresDist: string[]): ReleaseDecl {
  return {
    version,
    requiresDist,
    metadataKnown: true,
    requiresPython: null,
    yanked: false,
    summary: "",
    license: "",
  };
}

const parsed = new Map<string, Promise<SnapshotFile>>();

/** Reads (once per path, cached) a `pypi-YYYY-MM-DD-<name>.json` snapshot. */
export function readSnapshotFile(path: string): Promise<SnapshotFile> {
  let p = parsed.get(path);
  if (p === undefined) {
    p = readSnapshotUncached(path);
    parsed.set(path, p);
    p.catch(() => parsed.delete(path));
  }
  return p;
}

async function readSnapshotUncached(path: string): Promise<SnapshotFile> {
  const m = SNAPSHOT_FILE.exec(basename(path));
  if (!m) throw new SnapshotFormatError(`${path}: not a pypi-YYYY-MM-DD-<name>.json snapshot file name`);
  const data: unknown = JSON.parse(await readFile(path, "utf8"));
  if (!isRecord(data)) throw new SnapshotFormatError(`${path}: expected an object of projects`);
  const projects = new Map<string, ProjectDecl>();
  for (const [name, versions] of Object.entries(data)) {
    if (!isRecord(versions)) throw new SnapshotFormatError(`${path}: ${name}: expected an object of versions`);
    const releases: ReleaseDecl[] = [];
    for (const [version, rel] of Object.entries(versions)) {
      if (!isRecord(rel)) throw new SnapshotFormatError(`${path}: ${name} ${version}: expected an object`);
      const deps = stringList(rel.dependencies, `${path}: ${name} ${version}: dependencies`);
      releases.push(snapshotRelease(version, deps));
    }
    projects.set(normalizeName(name), { name, releases });
  }
  return { name: m[2] ?? "", recorded: `${m[1]}T00:00:00Z`, projects };
}

/** One snapshot file as its own index. */
export async function loadSnapshotIndex(path: string, prefix: string): Promise<IndexData> {
  const snap = await readSnapshotFile(path);
  return {
    prefix,
    description: `recorded PyPI snapshot ${basename(path)} (${snap.projects.size} projects)`,
    recorded: snap.recorded,
    projects: snap.projects,
  };
}

/**
 * The union of several snapshots. When a project/version appears in several files the latest recording wins;
 * each release remembers the earliest recording that contains it so upload times can precede it.
 */
export async function loadMergedSnapshots(paths: readonly string[], prefix: string): Promise<IndexData> {
  const snaps = (await Promise.all(paths.map((p) => readSnapshotFile(p)))).sort((a, b) =>
    a.recorded < b.recorded ? -1 : a.recorded > b.recorded ? 1 : 0,
  );
  const merged = new Map<string, { name: string; releases: Map<string, ReleaseDecl> }>();
  const firstSeen = new Map<string, Map<string, string>>();
  for (const snap of snaps) {
    for (const [key, project] of snap.projects) {
      let entry = merged.get(key);
      if (entry === undefined) {
        entry = { name: project.name, releases: new Map() };
        merged.set(key, entry);
      }
      let seen = firstSeen.get(key);
      if (seen === undefined) {
        seen = new Map();
        firstSeen.set(key, seen);
      }
      for (const rel of project.releases) {
        entry.releases.set(rel.version, rel);
        if (!seen.has(rel.version)) seen.set(rel.version, snap.recorded);
      }
    }
  }
  const projects = new Map<string, ProjectDecl>();
  for (const [key, entry] of merged) projects.set(key, { name: entry.name, releases: [...entry.releases.values()] });
  const recorded = snaps.length > 0 ? (snaps[snaps.length - 1]?.recorded ?? "2020-01-01T00:00:00Z") : "2020-01-01T00:00:00Z";
  return {
    prefix,
    description: `union of ${snaps.length} recorded PyPI snapshots (${projects.size} projects, latest recording wins)`,
    recorded,
    projects,
    releaseRecorded: firstSeen,
  };
}

/** pip-resolver-benchmarks format: `{ input: { timestamp }, packages: { p: { v: { depends_by_extra, requires_python } } } }`. */
export async function loadBenchmarkIndex(path: string, prefix: string): Promise<IndexData> {
  const data: unknown = JSON.parse(await readFile(path, "utf8"));
  if (!isRecord(data) || !isRecord(data.packages) || !isRecord(data.input)) {
    throw new SnapshotFormatError(`${path}: expected { input, packages }`);
  }
  const stamp = typeof data.input.timestamp === "string" ? data.input.timestamp : "2023-12-01T00:00:00";
  const recorded = new Date(/Z|[+-]\d\d:\d\d$/.test(stamp) ? stamp : `${stamp}Z`).toISOString();
  const projects = new Map<string, ProjectDecl>();
  for (const [name, versions] of Object.entries(data.packages)) {
    if (!isRecord(versions)) throw new SnapshotFormatError(`${path}: ${name}: expected an object of versions`);
    const releases: ReleaseDecl[] = [];
    for (const [version, rel] of Object.entries(versions)) {
      if (!isRecord(rel) || !isRecord(rel.depends_by_extra)) {
        throw new SnapshotFormatError(`${path}: ${name} ${version}: expected { depends_by_extra }`);
      }
      const requiresDist: string[] = [];
      const byExtra = Object.entries(rel.depends_by_extra).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : 0));
      for (const [extra, deps] of byExtra) {
        const list = stringList(deps, `${path}: ${name} ${version}: depends_by_extra[${JSON.stringify(extra)}]`);
        requiresDist.push(...(extra === "" ? list : list.map((d) => withExtraMarker(d, extra))));
      }
      const r = snapshotRelease(version, requiresDist);
      if (typeof rel.requires_python === "string") r.requiresPython = rel.requires_python;
      releases.push(r);
    }
    projects.set(normalizeName(name), { name, releases });
  }
  return {
    prefix,
    description: `pip resolver benchmark pyrax==1.9.8 (${projects.size} projects)`,
    recorded,
    projects,
  };
}
