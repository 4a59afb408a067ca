// A package source held in memory from a recorded dependency snapshot (benchmarks, agreement tests, offline use).
import type { DistributionFile, ListingResult, MetadataResult, ProjectListing } from "../index/index-types";
import { canonicalizeName } from "../packaging/names";
import { compareVersions, tryParseVersion } from "../packaging/version";
import type { PackageSource } from "./package-source";

/** `{ project: { version: { dependencies: [PEP 508 strings] } } }`, as in scripts/data/snapshots/pypi-*.json. */
export type SnapshotData = Record<string, Record<string, { dependencies?: string[] }>>;

/** pip-resolver-benchmarks' shape: `depends_by_extra` with "" for the base dependencies. */
export type ExtrasSnapshotData = Record<string, Record<string, { depends_by_extra: Record<string, string[]> }>>;

/** Turns the benchmark shape into the plain snapshot shape, extras as `extra == "x"` markers. */
export function fromExtrasSnapshot(data: ExtrasSnapshotData): SnapshotData {
  const out: SnapshotData = {};
  for (const [project, versions] of Object.entries(data)) {
    out[project] = {};
    for (const [version, info] of Object.entries(versions)) {
      const dependencies: string[] = [];
      for (const [extra, deps] of Object.entries(info.depends_by_extra)) {
        for (const dep of deps) {
          if (!extra) dependencies.push(dep);
          else dependencies.push(dep.includes(";") ? `${dep.replace(";", "; (")}) and extra == "${extra}"` : `${dep}; extra == "${extra}"`);
        }
      }
      out[project][version] = { dependencies };
    }
  }
  return out;
}

const INDEX_URL = "memory://snapshot/simple/";

/** Every release becomes one `py3-none-any` wheel with no Requires-Python, never yanked (the snapshots record none). */
export function createSnapshotSource(data: SnapshotData): PackageSource & { requests: number } {
  const projects = new Map<string, Record<string, { dependencies?: string[] }>>();
  for (const [name, versions] of Object.entries(data)) projects.set(canonicalizeName(name), versions);
  const listings = new Map<string, ListingResult>();

  const source = {
    requests: 0,
    getListing(name: string): ListingResult {
      const cached = listings.get(name);
      if (cached) return cached;
      source.requests += 1;
      const versions = projects.get(name);
      let result: ListingResult;
      if (!versions) result = { kind: "not-found", name, indexUrls: [INDEX_URL] };
      else {
        const warnings: string[] = [];
        const valid = Object.keys(versions).filter((v) => {
          if (tryParseVersion(v)) return true;
          warnings.push(`skipped version "${v}": not a valid PEP 440 version`);
          return false;
        });
        valid.sort((a, b) => compareVersions(tryParseVersion(a)!, tryParseVersion(b)!));
        const files: DistributionFile[] = [];
        const releases = valid.map((v) => {
          const file: DistributionFile = {
            filename: `${name.replace(/-/g, "_")}-${v}-py3-none-any.whl`,
            url: `${INDEX_URL}${name}/${v}`,
            hashes: {},
            requiresPython: null,
            yanked: false,
            uploadTime: null,
            size: null,
            coreMetadata: true,
            kind: "wheel",
          };
          files.push(file);
          return { version: tryParseVersion(v)!.toString(), listedAs: v, files: [file] };
        });
        const listing: ProjectListing = { name, indexUrl: INDEX_URL, pageUrl: `${INDEX_URL}${name}/`, format: "json", files, versions: valid, releases, warnings, fetchedAt: 0 };
        result = { kind: "found", listing, fromCache: false };
      }
      listings.set(name, result);
      return result;
    },
    projectNames(): Promise<readonly string[]> {
      return Promise.resolve([...projects.keys()]);
    },
    getMetadata(listing: ProjectListing, version: string): MetadataResult {
      source.requests += 1;
      const release = projects.get(listing.name)?.[version];
      if (!release) return { kind: "unknown", name: listing.name, version, reason: "not in the snapshot", yanked: false };
      return {
        kind: "known",
        name: listing.name,
        version,
        // One recorded release (toolz 0.10.0) has `"dependencies": {}`: anything but a list means none.
        requiresDist: Array.isArray(release.dependencies) ? release.dependencies : [],
        requiresPython: null,
        providesExtra: null,
        summary: null,
        license: null,
        homePage: null,
        projectUrls: {},
        yanked: false,
        source: "core-metadata",
        sourceUrl: `${INDEX_URL}${listing.name}/${version}`,
      };
    },
  };
  return source;
}
