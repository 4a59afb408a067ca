// How the address bar follows the session: drafts are rewritten in place, resolutions stay in the history for back and forward.
import { describe, expect, it } from "vitest";
import { editAction, parseHistoryEntry, resolutionAction, type HistoryEntry } from "./link-history";

const resolution: HistoryEntry = { link: "s1.A", kind: "resolution", key: "a", resolvedAt: "2026-01-01T00:00:00Z" };
const draft: HistoryEntry = { link: "s1.D", kind: "draft", key: "d", resolvedAt: null };

describe("editAction", () => {
  it("does nothing while the entry already holds the session", () => {
    expect(editAction(resolution, "a")).toBe("none");
    expect(editAction(draft, "d")).toBe("none");
  });

  it("keeps a resolution's entry for back by adding one, and rewrites a draft in place", () => {
    expect(editAction(resolution, "b")).toBe("push");
    expect(editAction(draft, "e")).toBe("replace");
    expect(editAction(null, "x")).toBe("replace");
  });
});

describe("resolutionAction", () => {
  it("turns a draft into the resolution, and adds an entry after an earlier resolution", () => {
    expect(resolutionAction(draft, "s1.B", false)).toBe("replace");
    expect(resolutionAction(null, "s1.B", false)).toBe("replace");
    expect(resolutionAction(resolution, "s1.B", false)).toBe("push");
  });

  it("rewrites the entry when restoring a link or going back, or when nothing changed", () => {
    expect(resolutionAction(resolution, "s1.B", true)).toBe("replace");
    expect(resolutionAction(resolution, "s1.A", false)).toBe("replace");
  });

  it("over a run of edits and resolutions, leaves one entry per resolution (plus the draft being edited)", () => {
    const entries: string[] = [];
    let entry: HistoryEntry | null = null;
    const apply = (action: "none" | "push" | "replace", next: HistoryEntry) => {
      if (action === "none") return;
      if (action === "push" || entries.length === 0) entries.push(next.link);
      else entries[entries.length - 1] = next.link;
      entry = next;
    };
    const edit = (key: string) => apply(editAction(entry, key), { link: `draft-${key}`, kind: "draft", key, resolvedAt: null });
    const resolved = (key: string) => {
      const next: HistoryEntry = { link: `res-${key}`, kind: "resolution", key, resolvedAt: "t" };
      apply(resolutionAction(entry, next.link, false), next);
    };
    edit("1");
    edit("12");
    resolved("12");
    edit("123");
    edit("1234");
    resolved("1234");
    resolved("1234b");
    edit("x");
    expect(entries).toEqual(["res-12", "res-1234", "res-1234b", "draft-x"]);
  });
});

describe("parseHistoryEntry", () => {
  it("reads back what was saved, and nothing else", () => {
    expect(parseHistoryEntry(JSON.stringify(resolution))).toEqual(resolution);
    expect(parseHistoryEntry(JSON.stringify(draft))).toEqual(draft);
    expect(parseHistoryEntry(null)).toBeNull();
    expect(parseHistoryEntry("{")).toBeNull();
    expect(parseHistoryEntry(JSON.stringify({ ...draft, kind: "other" }))).toBeNull();
    expect(parseHistoryEntry(JSON.stringify({ ...draft, resolvedAt: 5 }))).toBeNull();
  });
});
