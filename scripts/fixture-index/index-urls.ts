// The URLs one mounted index hands out: file links, Simple API paths and PyPI-style project pages.

/** Where a mounted index lives: the request's origin and the index's path (mount base + prefix). */
export interface IndexLocation {
  /** e.g. `http://127.0.0.1:8080` (from the request's Host header). */
  origin: string;
  /** e.g. `/snapshot-2020` or `/index/scenarios/yanked` (no trailing slash). */
  indexPath: string;
}

export function fileUrl(loc: IndexLocation, filename: string): string {
  return `${loc.origin}${loc.indexPath}/files/${encodeURIComponent(filename)}`;
}

/** Absolute-path link of a project page in the Simple API (PyPI links `/simple/<name>/` the same way). */
export function simpleProjectPath(loc: IndexLocation, normalizedName: string): string {
  return `${loc.indexPath}/simple/${normalizedName}/`;
}

/** The (not served) human page of a project, as `package_url`/`project_url`/`release_url` point to on PyPI. */
export function projectPageUrl(loc: IndexLocation, name: string, version?: string): string {
  return `${loc.origin}${loc.indexPath}/project/${encodeURIComponent(name)}/${version === undefined ? "" : `${encodeURIComponent(version)}/`}`;
}
