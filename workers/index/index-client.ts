// The index client: project listings and release metadata from one or more package indexes, pooled, cached, never throwing for IO.
import { canonicalizeName, isValidProjectName } from "../packaging/names";
import type { BodyKind } from "./request-limits";
import { systemClock } from "./clock";
import type { Clock } from "./clock";
import { createFetchPool } from "./fetch-pool";
import { createHttpClient, SIMPLE_API_ACCEPT } from "./http-client";
import type { HttpResponse } from "./http-client";
import { createIndexCache, DEFAULT_LISTING_TTL_MS } from "./index-cache";
import { IndexError } from "./index-error";
import type {
  FetchPriority,
  IndexStats,
  ListingRelease,
  ListingResult,
  MetadataResult,
  ProjectListing,
  ReleaseMetadata,
  UnknownMetadata,
} from "./index-types";
import { jsonApiRoot, normalizeIndexUrl, projectPageUrl } from "./index-urls";
import { askInOrder, coreMetadataSource, jsonApiSource } from "./metadata-sources";
import type { JsonApiPresence, MetadataSource, SourceContext } from "./metadata-sources";
import { pickMetadataFile } from "./metadata-file";
import type { MetadataStore } from "./metadata-store";
import { buildProjectListing, findRelease } from "./project-listing";
import { projectList, type ProjectList } from "./project-list";
import { parseSimplePage } from "./simple-page";

export interface IndexClientOptions {
  /** The Simple API root, as pip's `--index-url` (`https://pypi.org/simple`). */
  indexUrl: string;
  /** More Simple API roots, consulted in order only for projects the ones before them do not have. */
  extraIndexUrls?: string[];
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Persistent cache (IndexedDB in the browser, a directory in Node); none by default. */
  store?: MetadataStore;
  /** Requests at once; default 16. */
  concurrency?: number;
  /** Per request attempt; default ATTEMPT_TIMEOUT_MS (30 s). */
  timeoutMs?: number;
  /** Per request, every retry and wait included; default REQUEST_BUDGET_MS (60 s). */
  requestBudgetMs?: number;
  /** Overrides BODY_LIMITS (tests). */
  bodyLimits?: Partial<Record<BodyKind, number>>;
  /** Retries per request after 429, 5xx, timeouts, network errors and garbage answers; default RETRIES (5). */
  retries?: number;
  /** Cancels everything: pending calls settle at once with a "cancelled" error result. */
  signal?: AbortSignal;
  clock?: Clock;
  /** Backoff jitter source in [0, 1); default Math.random. */
  random?: () => number;
  /** Listing time-to-live in the store and in memory; default 10 minutes. */
  listingTtlMs?: number;
  /** Neither read nor write the persistent store. */
  noCache?: boolean;
  /** Ignore cached listings and metadata; fetch again and overwrite. */
  refresh?: boolean;
  /** Base of the exponential backoff (ms); default 250. */
  backoffBaseMs?: number;
}

export interface IndexClient {
  /** The indexes in the order they are consulted (normalised roots). */
  readonly indexUrls: readonly string[];
  /**
   * The project's listing from the first index that has it (later indexes are not consulted for it: protection against
   * dependency confusion). Never rejects for IO: unknown projects are `not-found`, failures `error` results.
   */
  getListing(name: string, priority?: FetchPriority, signal?: AbortSignal): Promise<ListingResult>;
  /**
   * Dependencies of one version of a listed project, from the index that served the listing: a wheel's PEP 658
   * core metadata where the listing advertises it (one request, what pip installs), else the JSON API where the index
   * has one, else an sdist's core metadata, else `unknown`.
   */
  getMetadata(listing: ProjectListing, version: string, priority?: FetchPriority, signal?: AbortSignal): Promise<MetadataResult>;
  /** Starts fetching a listing at low priority (what the solver waits for overtakes it). */
  prefetchListing(name: string, signal?: AbortSignal): void;
  /** Starts fetching metadata at low priority. */
  prefetchMetadata(listing: ProjectListing, version: string, signal?: AbortSignal): void;
  /** Every project the first index lists (its Simple API root), fetched once and cached; null when unavailable. */
  projectNames(): Promise<ProjectList>;
  stats(): IndexStats;
}

/**
 * The requests of one lookup: their priority, the pool keys that may still be queued (promoted when an urgent caller
 * joins), and the signals of the callers waiting for it (null once a caller without one joined): when every one has
 * aborted, no request of the lookup is started any more, nor retried.
 */
interface LoadState {
  priority: FetchPriority;
  keys: Set<string>;
  owners: Set<AbortSignal> | null;
}

/** Whether some caller of the lookup still waits for it. */
function wanted(state: LoadState): boolean {
  if (state.owners === null) return true;
  for (const owner of state.owners) if (!owner.aborted) return true;
  return false;
}

function join(state: LoadState, owner: AbortSignal | undefined): void {
  if (owner === undefined) state.owners = null;
  else state.owners?.add(owner);
}

/** A pending or settled lookup, shared by every caller asking for the same thing. */
interface Memo<R> {
  promise: Promise<R>;
  state: LoadState;
  /** When the result arrived (ms), or null while pending. */
  settledAt: number | null;
  /** Until when a settled result may be reused (ms). */
  freshUntil: number;
}

export function createIndexClient(options: IndexClientOptions): IndexClient {
  const indexUrls = [...new Set([options.indexUrl, ...(options.extraIndexUrls ?? [])].map(normalizeIndexUrl))];
  const clock = options.clock ?? systemClock;
  const ttl = options.listingTtlMs ?? DEFAULT_LISTING_TTL_MS;
  const signal = options.signal;
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const http = createHttpClient({
    fetch: fetchImpl,
    timeoutMs: options.timeoutMs,
    requestBudgetMs: options.requestBudgetMs,
    bodyLimits: options.bodyLimits,
    retries: options.retries,
    backoffBaseMs: options.backoffBaseMs,
    signal,
    clock,
    random: options.random,
  });
  // Speculative requests wait for the first one the solver waits on: a resolution the cache answers whole sends none.
  const pool = createFetchPool({
    concurrency: options.concurrency ?? 16,
    signal,
    holdPrefetchesUntilUrgent: true,
    dropped: (key) => cancelled(key.slice(key.indexOf(" ") + 1)),
  });
  const cache = createIndexCache({ store: options.store, clock, listingTtlMs: ttl, noCache: options.noCache, refresh: options.refresh });
  /** Per index: whether `/pypi/<name>/<version>/json` exists next to its Simple root. */
  const jsonApiState = new Map<string, JsonApiPresence>();
  const counters = { cacheHits: 0, listingsFetched: 0, metadataFetched: 0 };
  const listingMemo = new Map<string, Memo<ListingResult>>();
  const metadataMemo = new Map<string, Memo<MetadataResult>>();

  const cancelled = (url: string): IndexError => new IndexError("cancelled", url, `the request for ${url} was cancelled`);

  /** Requests started and not yet answered, each with the lookup it serves and what aborts it. */
  const running = new Set<{ state: LoadState; stop: AbortController }>();
  const watched = new WeakSet<AbortSignal>();
  /**
   * One listener per caller's signal: when it aborts, every running request no caller wants any more is aborted too (a
   * browser may still hold it unsent, behind its six connections per host).
   */
  function watch(owner: AbortSignal | undefined): void {
    if (owner === undefined || watched.has(owner)) return;
    watched.add(owner);
    owner.addEventListener(
      "abort",
      () => {
        for (const request of running) if (!wanted(request.state)) request.stop.abort(cancelled(""));
      },
      { once: true },
    );
  }

  /**
   * GET through the pool, the answer read by `read` (its garbage verdicts retried); requests for the same URL and
   * Accept share one answer, so one URL must always be read the same way.
   */
  async function request<T>(url: string, kind: BodyKind, accept: string | undefined, state: LoadState, read: (response: HttpResponse) => T | Promise<T>): Promise<T> {
    const key = `${accept ?? "*/*"} ${url}`;
    state.keys.add(key);
    try {
      const stillWanted = (): boolean => wanted(state);
      const task = (): Promise<T> => {
        // Callers that cancel only through the client's own signal (the CLI) need no abort of their own per request.
        if (state.owners === null || [...state.owners].every((owner) => owner === signal)) return http.getParsed(url, { accept, kind, read, wanted: stillWanted });
        const entry = { state, stop: new AbortController() };
        running.add(entry);
        return http.getParsed(url, { accept, kind, read, wanted: stillWanted, signal: entry.stop.signal }).finally(() => running.delete(entry));
      };
      return await pool.run(key, state.priority, task, stillWanted);
    } catch (error) {
      if (signal?.aborted && !(error instanceof IndexError)) throw cancelled(url);
      throw error;
    } finally {
      state.keys.delete(key);
    }
  }

  function promote(state: LoadState): void {
    if (state.priority === "urgent") return;
    state.priority = "urgent";
    for (const key of state.keys) pool.promote(key);
  }

  /** The memo for `key`, reusing a pending or fresh one, else starting `load`. */
  function lookup<R>(
    memos: Map<string, Memo<R>>,
    key: string,
    priority: FetchPriority,
    owner: AbortSignal | undefined,
    load: (state: LoadState) => Promise<R>,
    freshFor: (result: R, now: number) => number | null,
  ): Promise<R> {
    watch(owner);
    const existing = memos.get(key);
    if (existing !== undefined) {
      if (existing.settledAt === null) {
        join(existing.state, owner);
        if (priority === "urgent") promote(existing.state);
        return existing.promise;
      }
      if (clock.now() < existing.freshUntil) {
        counters.cacheHits += 1;
        return existing.promise;
      }
      memos.delete(key);
    }
    const state: LoadState = { priority, keys: new Set(), owners: owner === undefined ? null : new Set([owner]) };
    const promise = load(state).then(
      (result) => {
        const now = clock.now();
        const until = freshFor(result, now);
        memo.settledAt = now;
        memo.freshUntil = until ?? 0;
        if (until === null && memos.get(key) === memo) memos.delete(key);
        return result;
      },
      (error: unknown) => {
        if (memos.get(key) === memo) memos.delete(key);
        throw error;
      },
    );
    const memo: Memo<R> = { promise, state, settledAt: null, freshUntil: 0 };
    memos.set(key, memo);
    return promise;
  }

  async function loadListing(name: string, state: LoadState): Promise<ListingResult> {
    const consulted: string[] = [];
    for (const indexUrl of indexUrls) {
      consulted.push(indexUrl);
      const cached = await cache.readListing(indexUrl, name);
      if (cached !== undefined) {
        counters.cacheHits += 1;
        if (cached.kind === "found") return { kind: "found", listing: cached.listing, fromCache: true };
        continue;
      }
      const pageUrl = projectPageUrl(indexUrl, name);
      let listing: ProjectListing;
      try {
        listing = await request(pageUrl, "listing", SIMPLE_API_ACCEPT, state, (response) => {
          const page = parseSimplePage(response.text, response.contentType, response.url);
          return buildProjectListing(page, { name, indexUrl, pageUrl: response.url, fetchedAt: clock.now() });
        });
      } catch (error) {
        if (!(error instanceof IndexError)) throw error;
        if (error.code === "not-found") {
          await cache.writeListing(indexUrl, name, { kind: "not-found" });
          continue;
        }
        // An index that fails is not skipped: the project might be there, and a later index must not serve it instead.
        return { kind: "error", name, error };
      }
      counters.listingsFetched += 1;
      await cache.writeListing(indexUrl, name, { kind: "found", listing });
      return { kind: "found", listing, fromCache: false };
    }
    return { kind: "not-found", name, indexUrls: consulted };
  }

  function getListing(name: string, priority: FetchPriority = "urgent", owner?: AbortSignal): Promise<ListingResult> {
    const trimmed = name.trim();
    // A name that is not a PEP 508 name never reaches a URL (`../simple` would address another page).
    if (!isValidProjectName(trimmed)) return Promise.resolve({ kind: "error", name: trimmed, error: invalidProjectName(trimmed, indexUrls[0]) });
    const canonical = canonicalizeName(trimmed);
    if (signal?.aborted) return Promise.resolve({ kind: "error", name: canonical, error: cancelled(projectPageUrl(indexUrls[0], canonical)) });
    return lookup(listingMemo, canonical, priority, owner, (state) => loadListing(canonical, state), (result, now) => {
      if (result.kind === "error") return null;
      return result.kind === "found" ? result.listing.fetchedAt + ttl : now + ttl;
    });
  }

  /** A release's yank status from the listing: yanked when every file is (PEP 592), with the first reason given. */
  function releaseYanked(release: ListingRelease): false | string {
    if (release.files.length === 0 || release.files.some((f) => f.yanked === false)) return false;
    return release.files.map((f) => f.yanked).find((r) => r !== false && r !== "") ?? "";
  }

  async function loadMetadata(listing: ProjectListing, release: ListingRelease, state: LoadState): Promise<ReleaseMetadata | UnknownMetadata> {
    const { indexUrl, name } = listing;
    const cached = await cache.readMetadata(indexUrl, name, release.version);
    if (cached !== undefined) {
      counters.cacheHits += 1;
      return cached;
    }
    const context: SourceContext = { listing, release, fetch: (url, kind, accept, read) => request(url, kind, accept, state, read) };
    const file = pickMetadataFile(release.files);
    const core: MetadataSource[] = file === null ? [] : [coreMetadataSource(context, file)];
    const jsonRoot = jsonApiRoot(indexUrl);
    const presence = { get: () => jsonApiState.get(indexUrl) ?? "unknown", set: (value: JsonApiPresence) => jsonApiState.set(indexUrl, value) };
    const json: MetadataSource[] = jsonRoot === null ? [] : [jsonApiSource(context, jsonRoot, presence)];
    // A wheel's core metadata answers in one request and is what pip installs; the JSON API may need a second request
    // (see jsonApiVerdict); an sdist's core metadata decides less often than the JSON API.
    const verdict = await askInOrder(file?.kind === "wheel" ? [...core, ...json] : [...json, ...core]);
    if (verdict.kind === "known") {
      counters.metadataFetched += 1;
      await cache.writeMetadata(indexUrl, name, release.version, verdict.metadata);
      return verdict.metadata;
    }
    if (verdict.kind === "guess") {
      counters.metadataFetched += 1;
      return verdict.metadata;
    }
    return {
      kind: "unknown",
      name,
      version: release.listedAs,
      reason:
        verdict.reason ??
        `${indexUrl} has no JSON API and lists no core metadata (PEP 658) for any file of ${name} ${release.listedAs}: only building it would tell its dependencies`,
      yanked: false,
    };
  }

  function getMetadata(listing: ProjectListing, version: string, priority: FetchPriority = "urgent", owner?: AbortSignal): Promise<MetadataResult> {
    const release = findRelease(listing, version);
    if (release === undefined) {
      const error = new IndexError("not-found", listing.pageUrl, `${listing.pageUrl} lists no version ${version} of ${listing.name}`);
      return Promise.resolve({ kind: "error", name: listing.name, version, error });
    }
    if (signal?.aborted) return Promise.resolve({ kind: "error", name: listing.name, version, error: cancelled(listing.pageUrl) });
    const yanked = releaseYanked(release);
    const key = `${listing.indexUrl}|${listing.name}|${release.version}`;
    const load = async (state: LoadState): Promise<MetadataResult> => {
      try {
        return await loadMetadata(listing, release, state);
      } catch (error) {
        if (!(error instanceof IndexError)) throw error;
        return { kind: "error", name: listing.name, version, error };
      }
    };
    const promise = lookup(metadataMemo, key, priority, owner, load, (result, now) => {
      if (result.kind === "known") return Infinity;
      return result.kind === "unknown" ? now + ttl : null;
    });
    // Yank status always comes from the listing the caller holds (fresher than cached metadata).
    return promise.then((result) => (result.kind === "error" ? result : { ...result, yanked }));
  }

  return {
    indexUrls,
    getListing,
    getMetadata,
    prefetchListing(name, owner) {
      getListing(name, "prefetch", owner).catch(() => undefined);
    },
    prefetchMetadata(listing, version, owner) {
      getMetadata(listing, version, "prefetch", owner).catch(() => undefined);
    },
    projectNames() {
      return projectList(indexUrls[0], (url, accept) => http.get(url, { accept }));
    },
    stats() {
      const h = http.stats();
      const p = pool.stats();
      return { requests: h.requests, bytes: h.bytes, retries: h.retries, inFlight: h.inFlight, queued: p.queued, ...counters };
    },
  };
}

/** The error for a project name that is not a PEP 508 name: no request is made for it. */
function invalidProjectName(name: string, indexUrl: string): IndexError {
  return new IndexError(
    "invalid-project-name",
    indexUrl,
    `${JSON.stringify(name)} is not a valid project name (PEP 508: letters, digits, and ".", "_" or "-" between them); nothing was requested for it`,
  );
}
