// Keeps the URL fragment and the session in step: opens the link the page was loaded with (or navigated to), rewrites the address as the user edits, and adds a history entry per resolution.
import { EXAMPLE_REQUIREMENTS, PYPI_SIMPLE_URL, sessionData, snapshotIndexUrl, useSession, type SessionData } from "../../stores/session";
import { useResolution, type FinishedResolution } from "../../stores/resolution";
import { runResolution } from "../../resolution-run";
import { useComparison } from "../../stores/comparison";
import { decodeSessionLink, encodeSessionLink } from "./session-link";
import { isTrustedIndex, linkSessionOf, sessionDataOf, sessionKey } from "./link-session";
import { editAction, parseHistoryEntry, resolutionAction, type HistoryAction, type HistoryEntry } from "./link-history";
import { useShare } from "./share-state";

/** How long the address bar waits after the last edit before following it. */
export const SYNC_DEBOUNCE_MS = 300;
/** Per tab (sessionStorage): the entry this tab wrote last, so a reload knows its own link from one it was given. */
const TAB_KEY = "tangle.link";

interface Saved {
  entry: HistoryEntry | null;
  resolvedFor: { key: string; resolvedAt: string } | null;
  /**
   * The link this tab wrote before `entry`'s. A reload can load it: the browser may reload the address it knew while
   * the page had just rewritten it (and saved the new one here), and the edits since belong to the stored session.
   */
  previous: string | null;
}

interface RunRecord {
  data: SessionData;
  /** Started to show an opened link or a history entry: its completion rewrites that entry instead of adding one. */
  restore: boolean;
}

/** The sync's state; one page has one address bar, so this is a module-level singleton. */
const state = {
  entry: null as HistoryEntry | null,
  /** The session (by key) of the latest completed resolution and the instant it saw the index at. */
  resolvedFor: null as Saved["resolvedFor"],
  /** Links being opened (or waiting on the index question): the address bar is left alone meanwhile. */
  opening: 0,
  openSeq: 0,
  /** The fragment being opened (popstate and hashchange both announce one navigation). */
  openingLink: null as string | null,
  /** Set while `run()` is called to restore a link, so the run it starts is recorded as a restore. */
  restoring: false,
  restoreRunId: null as number | null,
  runs: new Map<number, RunRecord>(),
  /** Links this page wrote: navigating back to a draft among them restores it without resolving. */
  written: new Set<string>(),
  /** The link of the entry saved last, and the one saved before it (see Saved.previous). */
  savedLink: null as string | null,
  previousLink: null as string | null,
  timer: null as ReturnType<typeof setTimeout> | null,
  /** History writes run one after another (encoding is asynchronous). */
  queue: Promise.resolve() as Promise<void>,
  generation: 0,
};

function readSaved(): Saved {
  try {
    const text = sessionStorage.getItem(TAB_KEY);
    const raw: unknown = text ? JSON.parse(text) : null;
    const entry = parseHistoryEntry(raw && typeof raw === "object" && "entry" in raw ? JSON.stringify(raw.entry) : null);
    const rf = raw && typeof raw === "object" && "resolvedFor" in raw ? (raw.resolvedFor as Record<string, unknown> | null) : null;
    const resolvedFor = rf && typeof rf.key === "string" && typeof rf.resolvedAt === "string" ? { key: rf.key, resolvedAt: rf.resolvedAt } : null;
    const previous = raw && typeof raw === "object" && "previous" in raw && typeof raw.previous === "string" ? raw.previous : null;
    return { entry, resolvedFor, previous };
  } catch {
    return { entry: null, resolvedFor: null, previous: null };
  }
}

function save(): void {
  const link = state.entry?.link ?? null;
  if (link !== state.savedLink) [state.previousLink, state.savedLink] = [state.savedLink, link];
  try {
    sessionStorage.setItem(TAB_KEY, JSON.stringify({ entry: state.entry, resolvedFor: state.resolvedFor, previous: state.previousLink }));
  } catch {
    // Storage full or disabled: a reload then treats the address as a link it was given, which is still correct.
  }
}

function enqueue(task: () => Promise<void>): void {
  state.queue = state.queue.then(task).catch(() => undefined);
}

/** Writes the address; false when the browser refused (too long, or too many writes): the entry then stays as it was. */
function write(action: Exclude<HistoryAction, "none">, link: string): boolean {
  const url = `${location.pathname}${location.search}#${link}`;
  try {
    if (action === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  } catch {
    // A session too large for the history keeps the previous address; "Copy link" still works.
  }
  if (location.hash.replace(/^#/, "") !== link) return false;
  state.written.add(link);
  return true;
}

/** The resolution time a link of this session carries: the shown resolution's when it is this session's, else the reproduction time. */
function resolvedAtFor(data: SessionData, key: string): string | null {
  return (state.resolvedFor?.key === key ? state.resolvedFor.resolvedAt : null) ?? data.reproduceAt;
}

/** The link of the session as it is now (what the address bar shows once it caught up), with the comparison of two locks on show. */
export async function currentLink(): Promise<string> {
  const data = sessionData(useSession.getState());
  const sides = useComparison.getState().sides;
  const link = linkSessionOf(data, resolvedAtFor(data, sessionKey(data)));
  return encodeSessionLink(sides ? { ...link, comparison: { old: { ...sides.old }, new: { ...sides.new } } } : link);
}

/** The indexes a link may name without asking: pypi.org, the bundled snapshot, and the one the user already uses. */
export function trustedIndexes(own: string): string[] {
  return [PYPI_SIMPLE_URL, snapshotIndexUrl(location.origin), own];
}

function scheduleSync(delay = SYNC_DEBOUNCE_MS): void {
  if (state.timer) clearTimeout(state.timer);
  const generation = state.generation;
  state.timer = setTimeout(() => {
    state.timer = null;
    enqueue(async () => {
      if (generation !== state.generation || state.opening > 0 || state.restoreRunId !== null) return;
      const data = sessionData(useSession.getState());
      const key = sessionKey(data);
      const action = editAction(state.entry, key);
      if (action === "none") return;
      const link = await encodeSessionLink(linkSessionOf(data, resolvedAtFor(data, key)));
      if (generation !== state.generation || state.opening > 0 || sessionKey(sessionData(useSession.getState())) !== key) return;
      if (!write(action, link)) return;
      state.entry = { link, kind: "draft", key, resolvedAt: resolvedAtFor(data, key) };
      save();
    });
  }, delay);
}

function completed(finished: FinishedResolution): void {
  const record = state.runs.get(finished.runId);
  for (const id of state.runs.keys()) if (id <= finished.runId) state.runs.delete(id);
  if (state.restoreRunId !== null && state.restoreRunId <= finished.runId) state.restoreRunId = null;
  if (!record || finished.resolution.status === "error") {
    scheduleSync();
    return;
  }
  const key = sessionKey(record.data);
  const resolvedAt = record.data.reproduceAt ?? finished.resolution.resolvedAt;
  state.resolvedFor = { key, resolvedAt };
  const generation = state.generation;
  enqueue(async () => {
    const link = await encodeSessionLink(linkSessionOf(record.data, resolvedAt));
    if (generation !== state.generation || state.opening > 0) return;
    if (!write(resolutionAction(state.entry, link, record.restore), link)) return;
    state.entry = { link, kind: "resolution", key, resolvedAt };
    save();
  });
  // The user may have edited while it ran: the address then moves on to a draft after this resolution.
  scheduleSync();
}

/** Runs the resolver for an opened link; its completion rewrites the link's own entry. */
function resolveRestored(): void {
  state.restoring = true;
  useShare.getState().setLanding(true);
  try {
    runResolution();
  } finally {
    state.restoring = false;
  }
}

/** Opens a link (from the page's address or a navigation): decodes it, asks about a foreign index, restores and resolves. */
async function openLink(fragment: string): Promise<void> {
  const seq = ++state.openSeq;
  state.openingLink = fragment;
  const generation = state.generation;
  state.opening += 1;
  try {
    const before = sessionData(useSession.getState());
    const result = await decodeSessionLink(fragment, linkSessionOf(before, null));
    if (seq !== state.openSeq || generation !== state.generation) return;
    const share = useShare.getState();
    if (!result.ok) {
      const recovered = result.recovered.text;
      const replaced = recovered !== undefined && recovered !== before.requirementsText;
      share.setProblems([]);
      share.showLinkError({ message: result.message, recoveredText: recovered !== undefined, replacedText: replaced ? before.requirementsText : null });
      if (replaced) useSession.getState().setRequirementsText(recovered);
      // The address shows the bad link until the sync replaces it with the session that was kept.
      state.entry = { link: fragment, kind: "draft", key: "", resolvedAt: null };
      return;
    }
    share.showLinkError(null);
    share.setProblems(result.problems);
    let data = sessionDataOf(result.session);
    let substituted = false;
    if (!isTrustedIndex(data.settings.indexUrl, trustedIndexes(before.settings.indexUrl))) {
      const choice = await share.askAboutIndex(data.settings.indexUrl);
      if (seq !== state.openSeq || generation !== state.generation) return;
      if (choice === "pypi") {
        data = { ...data, settings: { ...data.settings, indexUrl: PYPI_SIMPLE_URL } };
        substituted = true;
      }
    }
    // Back to the resolution on screen (from an edit after it): restore its session exactly, no need to resolve again.
    const current = useResolution.getState().current;
    const shownFor = current && current.resolution.status !== "error" && data.reproduceAt !== null ? state.resolvedFor : null;
    const shown = shownFor !== null && shownFor.resolvedAt === data.reproduceAt && [sessionKey(data), sessionKey({ ...data, reproduceAt: null })].includes(shownFor.key);
    if (shown && shownFor.key !== sessionKey(data)) data = { ...data, reproduceAt: null };
    // A link from elsewhere replaces what this browser held: keep that to bring back (unless it was only the example).
    const external = !state.written.has(fragment);
    const worthKeeping = before.requirementsText.trim() !== "" && before.requirementsText !== EXAMPLE_REQUIREMENTS && before.requirementsText !== data.requirementsText;
    share.setReplaced(external && worthKeeping ? before : null);
    useSession.setState(data);
    const key = sessionKey(data);
    state.entry = { link: fragment, kind: "draft", key: substituted ? "" : key, resolvedAt: shown ? shownFor.resolvedAt : data.reproduceAt };
    if (shown || data.reproduceAt) state.entry.kind = "resolution";
    save();
    // A link with a comparison shows it again: the lock card opens its old side and compares it with the new one.
    if (result.session.comparison) {
      useComparison.getState().request(result.session.comparison);
      return;
    }
    // A link from elsewhere always shows its resolution; a draft this page wrote (back/forward to an edit) is only restored.
    if (!shown && (data.reproduceAt || external)) resolveRestored();
  } finally {
    state.opening -= 1;
    if (seq === state.openSeq) state.openingLink = null;
    if (seq === state.openSeq && generation === state.generation) scheduleSync();
  }
}

function onNavigation(): void {
  const fragment = location.hash.replace(/^#/, "");
  if (fragment === "" || fragment === state.entry?.link || fragment === state.openingLink) return;
  void openLink(fragment);
}

/**
 * Starts following: the address wins over the stored session unless it is the link this tab wrote last (a reload).
 * Returns a stop function (for React's effect cleanup).
 */
export function startSessionLinkSync(): () => void {
  state.generation += 1;
  const generation = state.generation;
  const saved = readSaved();
  state.savedLink = saved.entry?.link ?? null;
  state.previousLink = saved.previous;
  const fragment = location.hash.replace(/^#/, "");
  if (fragment !== "" && saved.entry !== null && (saved.entry.link === fragment || saved.previous === fragment)) {
    // A reload: the stored session is this tab's own, and newer than any address it wrote. Should the browser have
    // reloaded the address from before the last rewrite, show the last one again (the sync then follows the session).
    state.entry = saved.entry;
    state.resolvedFor = saved.resolvedFor;
    if (fragment !== saved.entry.link) write("replace", saved.entry.link);
    scheduleSync(0);
  } else if (fragment !== "") {
    void openLink(fragment);
  } else {
    state.entry = null;
    scheduleSync(0);
  }

  const unsubscribeSession = useSession.subscribe((s, prev) => {
    if (s !== prev) scheduleSync();
  });
  const unsubscribeResolution = useResolution.subscribe((s, prev) => {
    if (s.running && s.running.runId !== prev.running?.runId) {
      state.runs.set(s.running.runId, { data: sessionData(useSession.getState()), restore: state.restoring });
      if (state.restoring) state.restoreRunId = s.running.runId;
    }
    if (!s.running && prev.running && state.restoreRunId === prev.running.runId && s.current?.runId !== prev.running.runId) {
      // The restore was cancelled or failed: the address may follow the session again.
      state.restoreRunId = null;
      scheduleSync();
    }
    if (s.current && s.current.runId !== prev.current?.runId) completed(s.current);
  });
  window.addEventListener("popstate", onNavigation);
  window.addEventListener("hashchange", onNavigation);
  return () => {
    if (state.generation === generation) state.generation += 1;
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    unsubscribeSession();
    unsubscribeResolution();
    window.removeEventListener("popstate", onNavigation);
    window.removeEventListener("hashchange", onNavigation);
  };
}

/** Clears the reproduction time and resolves against the index as it is today. */
export function resolveAgainstToday(): void {
  useSession.getState().setReproduceAt(null);
  runResolution();
}
