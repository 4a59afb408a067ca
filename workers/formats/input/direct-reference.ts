// pip's view of a requirement that is a URL or a path: URL/VCS detection, archive and wheel file names, #egg= names.

/** pip's vcs.all_schemes (git, hg, svn, bzr and their `+transport` forms). */
const VCS_SCHEMES = new Set([
  "git", "git+http", "git+https", "git+ssh", "git+git", "git+file",
  "hg", "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http",
  "svn", "svn+ssh", "svn+http", "svn+https", "svn+svn", "svn+file",
  "bzr", "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp", "bzr+file",
]);

/** pip's filetypes.ARCHIVE_EXTENSIONS. */
const ARCHIVE_EXTENSIONS = [".zip", ".whl", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tar.gz", ".tgz", ".tar"];

/** pip's get_url_scheme: the text before the first `:`, lower-cased, or null. */
export function urlScheme(text: string): string | null {
  const colon = text.indexOf(":");
  return colon < 0 ? null : text.slice(0, colon).toLowerCase();
}

/** pip's is_url: a scheme among http, https, file, ftp and the VCS schemes. */
export function isPipUrl(text: string): boolean {
  const scheme = urlScheme(text);
  if (scheme === null) return false;
  return scheme === "http" || scheme === "https" || scheme === "file" || scheme === "ftp" || VCS_SCHEMES.has(scheme);
}

export function isVcsUrl(text: string): boolean {
  const scheme = urlScheme(text);
  return scheme !== null && VCS_SCHEMES.has(scheme);
}

/** pip's _looks_like_path on POSIX: a `/` in it, or a leading `.`. */
export function looksLikePath(text: string): boolean {
  return text.includes("/") || text.startsWith(".");
}

/** pip's misc.splitext-based is_archive_file. */
export function isArchiveFile(text: string): boolean {
  const lower = text.toLowerCase();
  return ARCHIVE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** pip's _strip_extras: `path[extra1,extra2]` -> path and the extras text. */
export function stripExtras(text: string): { path: string; extras: string[] } {
  const match = /^(.+)(\[[^\]]+\])$/.exec(text);
  if (!match) return { path: text, extras: [] };
  const extras = match[2]
    .slice(1, -1)
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  return { path: match[1], extras };
}

/** The last path segment of a URL or path, without query and fragment. */
export function urlFilename(url: string): string {
  const noFragment = url.split("#", 1)[0].split("?", 1)[0];
  const trimmed = noFragment.replace(/\/+$/, "");
  return unquote(trimmed.slice(trimmed.lastIndexOf("/") + 1));
}

const UTF8 = new TextDecoder("utf-8");

/** Python's urllib.parse.unquote: %XX runs decoded as UTF-8 (bad bytes become U+FFFD), a stray "%" kept as is. */
export function unquote(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => UTF8.decode(Uint8Array.from(run.slice(1).split("%"), (hex) => Number.parseInt(hex, 16))));
}

/** pip's Link.egg_fragment: the `#egg=` (or `&egg=`) value, without trailing extras. */
export function eggFragment(url: string): { name: string; extras: string[] } | null {
  const hash = url.indexOf("#");
  if (hash < 0) return null;
  const match = /(?:^|&)egg=([^&]*)/.exec(url.slice(hash + 1));
  if (!match || match[1] === "") return null;
  const { path, extras } = stripExtras(match[1]);
  return { name: path, extras };
}

/** pip's wheel file name pattern (wheel.Wheel.wheel_file_re). */
const WHEEL_FILE = /^(?<name>[^\s-]+?)-(?<ver>[^\s-]*?)(?:-(?<build>\d[^-]*?))?-(?<pyver>[^\s-]+?)-(?<abi>[^\s-]+?)-(?<plat>[^\s-]+?)\.whl$/;

/** Name and version of a wheel file name as pip reads them (underscores become dashes), or null when not a wheel name. */
export function parseWheelFilename(filename: string): { name: string; version: string } | null {
  const match = WHEEL_FILE.exec(filename);
  if (!match?.groups) return null;
  return { name: match.groups.name.replace(/_/g, "-"), version: match.groups.ver.replace(/_/g, "-") };
}

/** A best guess at the project name of an sdist file name (`name-1.2.tar.gz`), or null. */
export function guessSdistName(filename: string): string | null {
  const match = /^(.+?)-(\d[^-]*)\.(?:tar\.gz|tar\.bz2|tar\.xz|zip|tgz|tar)$/i.exec(filename);
  return match ? match[1] : null;
}
