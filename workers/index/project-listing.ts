// A project's listing from a parsed Simple API page: its files grouped by version, foreign files and invalid versions skipped with warnings.
import { canonicalizeName } from "../packaging/names";
import { canonicalizeVersion, tryParseVersion } from "../packaging/version";
import type { Version } from "../packaging/version";
import { fileVersion } from "./file-version";
import type { DistributionFile, ListingRelease, ProjectListing, SimplePage } from "./index-types";

export interface ListingSource {
  /** Canonical project name asked for. */
  name: string;
  indexUrl: string;
  pageUrl: string;
  fetchedAt: number;
}

/**
 * Groups a page's wheels and sdists by version (PEP 440 equality: `3.13` and `3.13.0` are one release). As pip: a file whose name is another project's
 * is skipped, and so is a file or listed version that is not valid PEP 440; each skip leaves one warning. Files that are
 * neither wheels nor sdists stay in `files` but in no release. Versions the page lists without files get empty releases.
 */
export function buildProjectListing(page: SimplePage, source: ListingSource): ProjectListing {
  const warnings = [...page.warnings];
  if (page.name !== null && canonicalizeName(page.name) !== source.name) {
    warnings.push(`${source.pageUrl} calls the project ${JSON.stringify(page.name)}, not ${JSON.stringify(source.name)}`);
  }
  const releases = new Map<string, ListingRelease>();
  const order: string[] = [];
  const listed: string[] = [];
  const invalid = new Set<string>();
  const addRelease = (version: Version, listedAs: string): ListingRelease => {
    const key = canonicalizeVersion(version);
    let release = releases.get(key);
    if (release === undefined) {
      release = { version: version.toString(), listedAs, files: [] };
      releases.set(key, release);
      order.push(key);
      listed.push(listedAs);
    }
    return release;
  };
  const skipInvalid = (text: string, why: string): void => {
    if (invalid.has(text)) return;
    invalid.add(text);
    warnings.push(`skipped version ${JSON.stringify(text)} of ${source.name}: ${why}`);
  };

  for (const text of page.versions ?? []) {
    const version = tryParseVersion(text);
    if (version === null) skipInvalid(text, "not a valid PEP 440 version");
    else addRelease(version, text);
  }

  const files: DistributionFile[] = [];
  for (const file of page.files) {
    const found = fileVersion(file, source.name);
    switch (found.kind) {
      case "other-project":
        warnings.push(`skipped ${file.filename}: it belongs to ${found.project}, not ${source.name}`);
        continue;
      case "invalid":
        if (found.text === null) warnings.push(`skipped ${file.filename}: ${found.reason}`);
        else skipInvalid(found.text, `${file.filename} is not a valid file name (${found.reason})`);
        continue;
      case "not-a-distribution":
        files.push(file);
        continue;
      case "version":
        files.push(file);
        addRelease(found.version, found.listedAs).files.push(file);
    }
  }
  return {
    name: source.name,
    indexUrl: source.indexUrl,
    pageUrl: source.pageUrl,
    format: page.format,
    files,
    versions: listed,
    releases: order.map((v) => releases.get(v) as ListingRelease),
    warnings,
    fetchedAt: source.fetchedAt,
  };
}

/** The release of `version` in a listing, by PEP 440 equality (`1.0` finds `1.0.0`) or exact spelling; else undefined. */
export function findRelease(listing: ProjectListing, version: string): ListingRelease | undefined {
  const wanted = tryParseVersion(version);
  if (wanted === null) return listing.releases.find((r) => r.listedAs === version);
  const key = canonicalizeVersion(wanted);
  return listing.releases.find((r) => {
    const have = tryParseVersion(r.version);
    return have !== null && canonicalizeVersion(have) === key;
  });
}
