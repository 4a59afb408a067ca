// The index's list of every project (the Simple API root, PEP 691 JSON or PEP 503 HTML), fetched once per index and cached.
import { canonicalizeName } from "../packaging/names";
import { HtmlScanError, scanHtmlTags } from "./html-tags";
import { SIMPLE_API_ACCEPT, type HttpResponse } from "./http-client";
import { normalizeIndexUrl } from "./index-urls";

/** Canonical project names, or null when the list cannot be had (no such page, too big, not JSON or HTML). */
export type ProjectList = readonly string[] | null;

/** Reads a Simple API root page: PEP 691 `projects[].name`, or the last path segment of each PEP 503 anchor. */
export function parseProjectList(text: string, contentType: string | null): ProjectList {
  const trimmed = text.trimStart();
  if ((contentType ?? "").includes("json") || trimmed.startsWith("{")) {
    try {
      const data: unknown = JSON.parse(text);
      const projects = (data as { projects?: unknown } | null)?.projects;
      if (!Array.isArray(projects)) return null;
      const names = projects.flatMap((p: unknown) => {
        const name = (p as { name?: unknown } | null)?.name;
        return typeof name === "string" && name !== "" ? [canonicalizeName(name)] : [];
      });
      return [...new Set(names)];
    } catch {
      return null;
    }
  }
  try {
    const names = scanHtmlTags(text).flatMap((tag) => {
      const href = tag.name === "a" ? tag.attributes.get("href") : undefined;
      if (typeof href !== "string") return [];
      const segment = href.split(/[?#]/)[0].split("/").filter(Boolean).pop();
      if (!segment) return [];
      try {
        return [canonicalizeName(decodeURIComponent(segment))];
      } catch {
        return [];
      }
    });
    return names.length > 0 ? [...new Set(names)] : null;
  } catch (error) {
    if (error instanceof HtmlScanError) return null;
    throw error;
  }
}

const lists = new Map<string, Promise<ProjectList>>();

/**
 * The project list of the index at `indexUrl`, fetched with `get` on the first call and shared by every later call
 * (for the life of the page or process). Any failure gives null: the list is a nicety, never an error.
 */
export function projectList(indexUrl: string, get: (url: string, accept: string) => Promise<HttpResponse>): Promise<ProjectList> {
  let root: string;
  try {
    root = normalizeIndexUrl(indexUrl);
  } catch {
    return Promise.resolve(null);
  }
  let pending = lists.get(root);
  if (!pending) {
    pending = get(root, SIMPLE_API_ACCEPT).then(
      (response) => parseProjectList(response.text, response.contentType),
      () => null,
    );
    lists.set(root, pending);
  }
  return pending;
}
