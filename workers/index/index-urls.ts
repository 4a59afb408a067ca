// URLs of a package index: the Simple root, project pages, the JSON API next to it, file URLs with #hash fragments, .metadata.
import { IndexError } from "./index-error";

/** Hash names pip accepts in a `#<name>=<hex>` URL fragment. */
const FRAGMENT_HASH = /^(sha1|sha224|sha256|sha384|sha512|md5)=([0-9a-fA-F]+)$/;

/**
 * The Simple API root as pip takes `--index-url` (`https://pypi.org/simple`), normalised to end with one `/`.
 * Throws IndexError("bad-index-url") for anything but an absolute http(s) URL.
 */
export function normalizeIndexUrl(indexUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(indexUrl.trim());
  } catch {
    throw new IndexError("bad-index-url", indexUrl, `the index URL ${JSON.stringify(indexUrl)} is not an absolute URL (expected e.g. https://pypi.org/simple)`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new IndexError("bad-index-url", indexUrl, `the index URL ${JSON.stringify(indexUrl)} is not an http(s) URL`);
  }
  parsed.hash = "";
  parsed.search = "";
  if (!parsed.pathname.endsWith("/")) parsed.pathname = `${parsed.pathname}/`;
  return parsed.href;
}

/** The project page `<root><canonical-name>/` (PEP 503: always with a trailing slash). */
export function projectPageUrl(indexUrl: string, canonicalName: string): string {
  return `${indexUrl}${encodeURIComponent(canonicalName)}/`;
}

/**
 * The JSON API root next to a Simple root: its trailing `/simple/` replaced by `/pypi/`
 * (`https://pypi.org/simple/` -> `https://pypi.org/pypi/`), or null when the path does not end in `/simple/`.
 */
export function jsonApiRoot(indexUrl: string): string | null {
  const parsed = new URL(indexUrl);
  if (!/\/simple\/$/i.test(parsed.pathname)) return null;
  parsed.pathname = parsed.pathname.replace(/\/simple\/$/i, "/pypi/");
  return parsed.href;
}

/** `/pypi/<name>/<version>/json` under a JSON API root. */
export function releaseJsonUrl(jsonRoot: string, name: string, version: string): string {
  return `${jsonRoot}${encodeURIComponent(name)}/${encodeURIComponent(version)}/json`;
}

/** PEP 658: the core-metadata file of a distribution is its URL (without fragment) plus `.metadata`. */
export function coreMetadataUrl(fileUrl: string): string {
  const parsed = new URL(fileUrl);
  parsed.hash = "";
  parsed.pathname = `${parsed.pathname}.metadata`;
  return parsed.href;
}

/** A file link resolved against its page: the absolute URL without fragment, and the hashes the fragment carried. */
export interface ResolvedFileUrl {
  url: string;
  fragmentHashes: Record<string, string>;
}

/**
 * Resolves `href` against `base`; null when it is not a valid http(s) URL (a `javascript:` or `data:` link is never a
 * file, and must never be fetched or shown as a link). `#sha256=...` fragments become hashes.
 */
export function resolveFileUrl(href: string, base: string): ResolvedFileUrl | null {
  let parsed: URL;
  try {
    parsed = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  const fragmentHashes: Record<string, string> = {};
  // Most listings (every PEP 691 page) have no fragments: setting `hash` re-serialises the URL, so only when needed.
  if (parsed.hash === "" && !parsed.href.endsWith("#")) return { url: parsed.href, fragmentHashes };
  for (const part of parsed.hash.replace(/^#/, "").split("&")) {
    const match = FRAGMENT_HASH.exec(part);
    if (match !== null) fragmentHashes[match[1]] = match[2].toLowerCase();
  }
  parsed.hash = "";
  return { url: parsed.href, fragmentHashes };
}

/** The last path segment of a URL, percent-decoded (the distribution's file name), or null when there is none. */
export function urlFilename(url: string): string | null {
  const path = new URL(url).pathname;
  const last = path.slice(path.lastIndexOf("/") + 1);
  if (last === "") return null;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
