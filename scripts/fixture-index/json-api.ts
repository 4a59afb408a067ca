// Renders PyPI's JSON API (`/pypi/<name>/json`, `/pypi/<name>/<version>/json`) with the field set pypi.org serves.

import { providedExtras } from "./extra-markers";
import type { IndexLocation } from "./index-urls";
import { fileUrl, projectPageUrl } from "./index-urls";
import type { ServedFile, ServedProject, ServedRelease, SyntheticFiles } from "./synthetic-files";
import { isPrerelease } from "./version-order";

function urlEntry(f: ServedFile, files: SyntheticFiles, loc: IndexLocation): Record<string, unknown> {
  const d = files.digests(f);
  return {
    comment_text: "",
    digests: { md5: d.md5, sha256: d.sha256 },
    downloads: -1,
    filename: f.filename,
    has_sig: false,
    md5_digest: d.md5,
    packagetype: f.dist.kind === "wheel" ? "bdist_wheel" : "sdist",
    python_version: f.dist.kind === "wheel" ? f.dist.pythonTags.join(".") : "source",
    requires_python: f.requiresPython,
    size: d.size,
    upload_time: f.uploadTime.slice(0, 19),
    upload_time_iso_8601: f.uploadTime,
    url: fileUrl(loc, f.filename),
    yanked: f.yanked !== false,
    yanked_reason: typeof f.yanked === "string" ? f.yanked : null,
  };
}

function info(project: ServedProject, release: ServedRelease, loc: IndexLocation): Record<string, unknown> {
  const rel = release.decl;
  const deps = rel.metadataKnown && rel.requiresDist.length > 0 ? rel.requiresDist : null;
  const extras = deps === null ? [] : providedExtras(deps);
  return {
    author: "",
    author_email: "",
    bugtrack_url: null,
    classifiers: [],
    description: "",
    description_content_type: null,
    docs_url: null,
    download_url: "",
    downloads: { last_day: -1, last_month: -1, last_week: -1 },
    dynamic: null,
    home_page: null,
    keywords: "",
    license: rel.license,
    license_expression: null,
    license_files: null,
    maintainer: "",
    maintainer_email: "",
    name: project.name,
    package_url: projectPageUrl(loc, project.name),
    platform: null,
    project_url: projectPageUrl(loc, project.name),
    project_urls: null,
    provides_extra: extras.length > 0 ? extras : null,
    release_url: projectPageUrl(loc, project.name, rel.version),
    requires_dist: deps,
    requires_python: rel.requiresPython ?? "",
    summary: rel.summary,
    version: rel.version,
    yanked: rel.yanked !== false,
    yanked_reason: typeof rel.yanked === "string" ? rel.yanked : null,
  };
}

const OWNERSHIP = { organization: null, roles: [] };

/**
 * The release `/pypi/<name>/json` describes: the newest non-yanked final release, else the newest non-yanked
 * pre-release, else (every release yanked) the newest release; undefined only for a project without releases.
 */
export function latestRelease(project: ServedProject): ServedRelease | undefined {
  const live = project.releases.filter((r) => r.decl.yanked === false);
  return live.filter((r) => !isPrerelease(r.decl.version)).at(-1) ?? live.at(-1) ?? project.releases.at(-1);
}

/**
 * `/pypi/<name>/json`: info of the latest release, `releases` with every version's files, `urls` of the latest,
 * and the latest release's `vulnerabilities` (pypi.org's shape; see advisories.ts).
 */
export function renderProjectJsonApi(project: ServedProject, latest: ServedRelease, files: SyntheticFiles, loc: IndexLocation, vulnerabilities: unknown[] = []): string {
  const releases: Record<string, unknown[]> = {};
  for (const r of project.releases) releases[r.decl.version] = r.files.map((f) => urlEntry(f, files, loc));
  return JSON.stringify({
    info: info(project, latest, loc),
    last_serial: project.lastSerial,
    ownership: OWNERSHIP,
    releases,
    urls: latest.files.map((f) => urlEntry(f, files, loc)),
    vulnerabilities,
  });
}

/** `/pypi/<name>/<version>/json`: one release's info, files and vulnerabilities. */
export function renderReleaseJsonApi(project: ServedProject, release: ServedRelease, files: SyntheticFiles, loc: IndexLocation, vulnerabilities: unknown[] = []): string {
  return JSON.stringify({
    info: info(project, release, loc),
    last_serial: project.lastSerial,
    ownership: OWNERSHIP,
    urls: release.files.map((f) => urlEntry(f, files, loc)),
    vulnerabilities,
  });
}
