// Runs one attack of the hostile index against the real index client (and resolver) and measures what it cost.
import type { Resolution } from "../../workers/api";
import { createIndexClient } from "../../workers/index/index-client";
import type { IndexClient } from "../../workers/index/index-client";
import type { ListingResult, MetadataResult } from "../../workers/index/index-types";
import { createTestClock } from "../../workers/index/test-support/test-clock";
import type { TestClock } from "../../workers/index/test-support/test-clock";
import { resolveRequest } from "../../workers/resolve/resolve";
import { request } from "../../workers/resolve/test-support/fixture-resolve";
import type { Attack, HostileIndex } from "./server";

/** What one attack cost the client. */
export interface AttackCost {
  attack: Attack;
  /** What the user is told (the error message, or a summary of the result). */
  message: string;
  /** The result in full, for assertions. */
  outcome: ListingResult | MetadataResult | Resolution;
  /** Requests the server received. */
  requests: number;
  /** Clock time from start to the message: real time plus every timeout and backoff slept through on the test clock. */
  clockMs: number;
  /** How far the test clock moved: every timeout, backoff and budget slept through to its end (ms). */
  clockAdvancedMs: number;
  /** Real time (ms). */
  realMs: number;
  /** Peak growth of resident memory over the run (MiB, sampled every 10 ms). */
  peakRssMiB: number;
  /** Peak growth of the JS heap plus array buffers (MiB, sampled every 10 ms). */
  peakHeapMiB: number;
}

/** What the user asks of the index in each attack: a listing, one release's metadata, or a whole resolution. */
const ACTIONS: Record<Attack, "listing" | "metadata" | "resolve"> = {
  "gzip-bomb": "listing",
  "huge-listing": "listing",
  "huge-declared": "listing",
  endless: "listing",
  stall: "listing",
  "stall-body": "listing",
  "slow-body": "listing",
  "redirect-loop": "listing",
  "redirect-chain": "listing",
  garbage: "listing",
  "hash-mismatch": "metadata",
  "retry-after": "listing",
  "many-versions": "resolve",
  "many-deps": "resolve",
  injection: "metadata",
};

/**
 * The attacks on time meet the client's own timeouts and request budget. Every other attack runs with timeouts too
 * long to fire, so a loaded machine cannot turn a slow localhost answer into a retry and change what is counted.
 */
const ON_TIME = new Set<Attack>(["stall", "stall-body", "slow-body", "retry-after"]);
const NEVER_MS = 1e12;

const PROJECT: Partial<Record<Attack, string>> = { "many-versions": "many", "many-deps": "root" };

function messageOf(outcome: ListingResult | MetadataResult | Resolution): string {
  if ("status" in outcome) {
    if (outcome.status === "resolved") return `resolved ${outcome.packages.length} packages`;
    if (outcome.status === "error") return outcome.error.message;
    return outcome.status;
  }
  if (outcome.kind === "error") return outcome.error.message;
  if (outcome.kind === "found") return `listing with ${outcome.listing.versions.length} versions`;
  if (outcome.kind === "not-found") return `not found on ${outcome.indexUrls.join(", ")}`;
  if (outcome.kind === "unknown") return `unknown: ${outcome.reason}`;
  return `metadata of ${outcome.name} ${outcome.version}`;
}

const MIB = 1024 * 1024;

/** Calls `run` while sampling memory; returns its result with peak growth over the starting point. */
export async function measured<T>(run: () => Promise<T>): Promise<{ value: T; realMs: number; peakRssMiB: number; peakHeapMiB: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const rss0 = process.memoryUsage().rss;
  const heap0 = heap();
  let rssPeak = rss0;
  let heapPeak = heap0;
  const sample = (): void => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    heapPeak = Math.max(heapPeak, heap());
  };
  const timer = setInterval(sample, 10);
  const started = performance.now();
  try {
    const value = await run();
    sample();
    return { value, realMs: performance.now() - started, peakRssMiB: (rssPeak - rss0) / MIB, peakHeapMiB: (heapPeak - heap0) / MIB };
  } finally {
    clearInterval(timer);
  }
}

export interface AttackOptions {
  /** Makes the client; default the index client on the attack's Simple root with `clock`. */
  client?: (indexUrl: string, clock: TestClock) => IndexClient;
}

/** Runs `attack` against `server` with a fresh client whose timeouts and backoffs run on a test clock, 1000x faster. */
export async function runAttack(server: HostileIndex, attack: Attack, options: AttackOptions = {}): Promise<AttackCost> {
  const scale = 0.001;
  const clock = createTestClock({ sleepsAdvance: true, now: 0, scale });
  const indexUrl = server.simpleRoot(attack);
  const timeouts = ON_TIME.has(attack) ? {} : { timeoutMs: NEVER_MS, requestBudgetMs: NEVER_MS };
  const client = options.client?.(indexUrl, clock) ?? createIndexClient({ indexUrl, clock, noCache: true, ...timeouts });
  const project = PROJECT[attack] ?? "victim";
  server.resetStats();
  const action = ACTIONS[attack];
  const { value, realMs, peakRssMiB, peakHeapMiB } = await measured(async (): Promise<ListingResult | MetadataResult | Resolution> => {
    if (action === "resolve") {
      return resolveRequest({ ...request([project]), indexUrl }, { source: client, now: () => performance.now(), sourceStats: () => client.stats() });
    }
    const listing = await client.getListing(project);
    if (action === "listing" || listing.kind !== "found") return listing;
    return client.getMetadata(listing.listing, listing.listing.versions[0]);
  });
  return {
    attack,
    message: messageOf(value),
    outcome: value,
    requests: server.requests(attack),
    clockMs: realMs + clock.now() * (1 - scale),
    clockAdvancedMs: clock.now(),
    realMs,
    peakRssMiB,
    peakHeapMiB,
  };
}

/** One line per attack: clock time, requests, memory, message. */
export function formatCost(cost: AttackCost): string {
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  return `${cost.attack.padEnd(15)} clock ${seconds(cost.clockMs).padStart(8)}  real ${seconds(cost.realMs).padStart(7)}  requests ${String(cost.requests).padStart(6)}  rss +${cost.peakRssMiB.toFixed(0).padStart(5)} MiB  heap +${cost.peakHeapMiB.toFixed(0).padStart(5)} MiB  ${cost.message.slice(0, 200)}`;
}
