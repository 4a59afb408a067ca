// Maps the session store's data to and from a permalink's LinkSession, and decides which indexes a link may name without asking.
import { detectFormat } from "../../../workers/api-input-format";
import type { SessionData } from "../../stores/session";
import type { LinkSession } from "./session-link";

/** The link for a session; `resolvedAt` is the instant the linked resolution saw the index at (null: not resolved). */
export function linkSessionOf(data: SessionData, resolvedAt: string | null): LinkSession {
  const link: LinkSession = {
    text: data.requirementsText,
    fileName: data.fileName,
    extras: [...data.extras],
    groups: [...data.groups],
    settings: { ...data.settings },
    pins: { ...data.pins },
    excluded: [...data.excluded],
    resolvedAt,
  };
  // The project's other files, constraints and overrides travel when there are any (old links, and links of one file, stay as they were).
  if (Object.keys(data.projectFiles).length > 0) link.files = { ...data.projectFiles };
  if (data.constraintsText.trim() !== "") link.constraints = data.constraintsText;
  if (data.overridesText.trim() !== "") link.overrides = data.overridesText;
  // The format travels only when the user chose one other than the file name and the text say.
  if (data.format !== detectFormat(data.requirementsText, data.fileName)) link.format = data.format;
  return link;
}

/** The session a link restores: its resolution time becomes the session's `reproduceAt`. */
export function sessionDataOf(link: LinkSession): SessionData {
  return {
    requirementsText: link.text,
    fileName: link.fileName,
    format: link.format ?? detectFormat(link.text, link.fileName),
    // The link's project replaces the one open before: its files, constraints and overrides, none of the old ones.
    projectFiles: { ...link.files },
    constraintsText: link.constraints ?? "",
    overridesText: link.overrides ?? "",
    extras: [...link.extras],
    groups: [...link.groups],
    settings: { ...link.settings },
    pins: { ...link.pins },
    excluded: [...link.excluded],
    reproduceAt: link.resolvedAt,
  };
}

/** JSON with every object's keys in sorted order, so equal data gives equal text whatever order its keys were set in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * A session's identity for "has it changed since": everything it resolves with, the reproduction time included. Key order
 * does not count: a session decoded from a link (settings in the link's order) is the same session as the one that wrote it.
 */
export function sessionKey(data: SessionData): string {
  return canonicalJson([linkSessionOf(data, null), data.reproduceAt]);
}

/** An index URL compared loosely: scheme and host in lower case, no trailing slashes, no surrounding spaces. */
export function normalizeIndexUrl(url: string): string {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, "")}${parsed.search}`;
  } catch {
    return trimmed.replace(/\/+$/, "");
  }
}

/** Whether a link's index is one the page may send requests to without asking (pypi.org, the bundled snapshot, the user's own). */
export function isTrustedIndex(url: string, trusted: readonly string[]): boolean {
  const wanted = normalizeIndexUrl(url);
  return trusted.some((t) => normalizeIndexUrl(t) === wanted);
}

/** The host an index URL names, as a person would recognise it ("example.org:8080"). */
export function indexHost(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** An RFC 3339 instant for people: "21 November 2026 at 10:00" in the reader's locale and time zone. */
export function describeInstant(instant: string, locale?: string, timeZone?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString(locale, { dateStyle: "long", timeStyle: "short", timeZone });
}
