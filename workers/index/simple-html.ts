// Parser of PEP 503 Simple API HTML project pages without a DOM: anchors with PEP 592/658/714 data attributes, base href.
import { distributionKind } from "../packaging/distribution-kind";
import { HtmlScanError, scanHtmlTags } from "./html-tags";
import type { HtmlTag } from "./html-tags";
import { invalidResponse } from "./index-error";
import { resolveFileUrl, urlFilename } from "./index-urls";
import type { DistributionFile, SimplePage } from "./index-types";
import { checkApiVersion } from "./simple-api-version";

/** `<hashname>=<hex>` in `data-core-metadata` / `data-dist-info-metadata`. */
const METADATA_HASH = /^\s*([A-Za-z0-9_-]+)=([0-9a-fA-F]+)\s*$/;

/** Parses a PEP 503 HTML page fetched from `pageUrl`. Throws IndexError for text that is not an HTML page. */
export function parseSimpleHtml(text: string, pageUrl: string): SimplePage {
  if (text.trim() === "") throw invalidResponse(pageUrl, "an empty body where a Simple API HTML page was expected");
  let tags: HtmlTag[];
  try {
    tags = scanHtmlTags(text);
  } catch (error) {
    if (error instanceof HtmlScanError) {
      const byte = new TextEncoder().encode(text.slice(0, error.offset)).length;
      throw invalidResponse(pageUrl, `broken HTML: ${error.message} (the tag starts at byte ${byte})`);
    }
    throw error;
  }
  if (tags.length === 0) throw invalidResponse(pageUrl, "text that is not an HTML page (no tags at all)");

  const warnings: string[] = [];
  let apiVersion: string | null = null;
  const meta = tags.find((t) => t.name === "meta" && t.attributes.get("name") === "pypi:repository-version");
  const content = meta?.attributes.get("content");
  if (content !== undefined && content !== null) {
    apiVersion = content;
    checkApiVersion(content, pageUrl, warnings);
  }

  let base = pageUrl;
  const baseHref = tags.find((t) => t.name === "base" && typeof t.attributes.get("href") === "string")?.attributes.get("href");
  if (typeof baseHref === "string") {
    const resolved = resolveFileUrl(baseHref, pageUrl);
    if (resolved !== null) base = resolved.url;
    else warnings.push(`${pageUrl}: ignored <base href=${JSON.stringify(baseHref)}>, which is not an http(s) URL`);
  }

  const files: DistributionFile[] = [];
  for (const tag of tags) {
    if (tag.name !== "a") continue;
    const file = readAnchor(tag, base, pageUrl, warnings);
    if (file !== null) files.push(file);
  }
  return { format: "html", name: null, apiVersion, files, versions: null, warnings };
}

function readAnchor(tag: HtmlTag, base: string, pageUrl: string, warnings: string[]): DistributionFile | null {
  const href = tag.attributes.get("href");
  if (href === undefined || href === null || href.trim() === "") return null;
  const resolved = resolveFileUrl(href, base);
  if (resolved === null) {
    warnings.push(`${pageUrl}: skipped the link ${JSON.stringify(href)}, which is not an http(s) URL`);
    return null;
  }
  // As pip: the file name is the link's last path segment, not the anchor text (which may disagree).
  const filename = urlFilename(resolved.url);
  if (filename === null) {
    warnings.push(`${pageUrl}: skipped the link ${JSON.stringify(href)}, which names no file`);
    return null;
  }
  const requiresPython = tag.attributes.get("data-requires-python");
  const yanked = tag.attributes.get("data-yanked");
  return {
    filename,
    url: resolved.url,
    hashes: resolved.fragmentHashes,
    requiresPython: requiresPython === undefined || requiresPython === null || requiresPython.trim() === "" ? null : requiresPython,
    // PEP 592: the attribute's presence yanks the file; its value, if any, is the reason.
    yanked: yanked === undefined ? false : (yanked ?? ""),
    uploadTime: null,
    size: null,
    coreMetadata: readCoreMetadata(tag),
    kind: distributionKind(filename),
  };
}

/** PEP 714: `data-core-metadata`, falling back to the older `data-dist-info-metadata`; "true" or "<hash>=<hex>". */
function readCoreMetadata(tag: HtmlTag): false | true | Record<string, string> {
  for (const key of ["data-core-metadata", "data-dist-info-metadata"]) {
    if (!tag.attributes.has(key)) continue;
    const value = tag.attributes.get(key) ?? "";
    if (value.trim().toLowerCase() === "false") return false;
    const match = METADATA_HASH.exec(value);
    return match === null ? true : { [match[1].toLowerCase()]: match[2].toLowerCase() };
  }
  return false;
}
