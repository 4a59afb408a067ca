// How the address bar follows the session: which edits replace the current history entry and which add one, so back and forward move between resolutions.

/**
 * One history entry the page wrote: a resolution (frozen: back and forward return to it) or a draft (the session
 * being edited since the last resolution, rewritten in place as the user types).
 */
export interface HistoryEntry {
  /** The fragment, without "#". */
  link: string;
  kind: "resolution" | "draft";
  /** `sessionKey` of the session the link holds ("" when unknown, so the next write replaces it). */
  key: string;
  /** The instant the linked resolution saw the index at, or null. */
  resolvedAt: string | null;
}

export type HistoryAction = "none" | "push" | "replace";

/**
 * After the session changed: nothing when the entry already holds it; a new entry when the current one is a
 * resolution (which stays in the history for "back"); otherwise the draft is rewritten in place.
 */
export function editAction(entry: HistoryEntry | null, key: string): HistoryAction {
  if (entry && entry.key === key) return "none";
  return entry?.kind === "resolution" ? "push" : "replace";
}

/**
 * When a resolution completes: it becomes the current entry (a draft turns into it; a restored link or
 * back/forward re-resolving only rewrites its own entry), or a new entry after an earlier resolution.
 */
export function resolutionAction(entry: HistoryEntry | null, link: string, restoring: boolean): Exclude<HistoryAction, "none"> {
  if (restoring || !entry || entry.kind === "draft" || entry.link === link) return "replace";
  return "push";
}

/** Reads a saved entry (the tab's own last write) back, or null when it is not one. */
export function parseHistoryEntry(text: string | null): HistoryEntry | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const v = value as Record<string, unknown>;
    if (typeof v.link !== "string" || (v.kind !== "resolution" && v.kind !== "draft") || typeof v.key !== "string") return null;
    if (v.resolvedAt !== null && typeof v.resolvedAt !== "string") return null;
    return { link: v.link, kind: v.kind, key: v.key, resolvedAt: v.resolvedAt };
  } catch {
    return null;
  }
}
