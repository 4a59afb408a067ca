// A bounded-concurrency task pool with two priorities, de-duplication of identical in-flight tasks, and queued tasks nobody still wants dropped unstarted.
import type { FetchPriority } from "./index-types";

export interface FetchPoolOptions {
  /** Tasks running at once (default 16, as browsers allow per HTTP/2 origin comfortably). */
  concurrency?: number;
  /** Rejects every queued task (with the signal's reason) when it aborts; running tasks watch it themselves. */
  signal?: AbortSignal;
  /**
   * Prefetches wait until a first urgent task has started: speculation pays only while the caller waits on the network,
   * so a caller the cache answers whole (a warm resolution) sends nothing it did not need. Default false.
   */
  holdPrefetchesUntilUrgent?: boolean;
  /** The error a queued task nobody wants any more fails with (default: an Error saying so). */
  dropped?: (key: string) => unknown;
}

export interface FetchPool {
  /**
   * Runs `task` when a slot is free, urgent tasks before prefetches (FIFO within a priority). While a task with the
   * same `key` is queued or running, its promise is returned instead and `task` is dropped; asking for a queued
   * prefetch urgently moves it to the urgent queue. Callers must use one key per kind of result. `wanted` says whether
   * the caller still wants the result: a task whose every caller has stopped wanting it is not started when its turn
   * comes but fails with `dropped()` (a cancelled resolution's queued prefetches send no request). A caller without
   * `wanted` always wants it.
   */
  run<T>(key: string, priority: FetchPriority, task: () => Promise<T>, wanted?: () => boolean): Promise<T>;
  /** Moves a queued task to the urgent queue; false when no task with `key` is queued. */
  promote(key: string): boolean;
  stats(): { running: number; queued: number };
}

interface Entry {
  key: string;
  priority: FetchPriority;
  promise: Promise<unknown>;
  start: () => void;
  fail: (reason: unknown) => void;
  /** Whether each caller still wants the result; null once a caller joined that always does. */
  wanted: (() => boolean)[] | null;
}

export function createFetchPool(options: FetchPoolOptions = {}): FetchPool {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 16));
  const urgent: Entry[] = [];
  const prefetch: Entry[] = [];
  const byKey = new Map<string, Entry>();
  let running = 0;
  let prefetchesAllowed = !options.holdPrefetchesUntilUrgent;

  const dropped = options.dropped ?? ((key: string) => new Error(`${key}: no longer wanted, not requested`));
  const stillWanted = (entry: Entry): boolean => entry.wanted === null || entry.wanted.some((wanted) => wanted());

  const pump = (): void => {
    while (running < concurrency) {
      const next = urgent.shift() ?? (prefetchesAllowed ? prefetch.shift() : undefined);
      if (next === undefined) return;
      if (!stillWanted(next)) {
        byKey.delete(next.key);
        next.fail(dropped(next.key));
        continue;
      }
      if (next.priority === "urgent") prefetchesAllowed = true;
      running += 1;
      next.start();
    }
  };

  options.signal?.addEventListener(
    "abort",
    () => {
      const reason = options.signal?.reason;
      for (const entry of [...urgent, ...prefetch]) {
        byKey.delete(entry.key);
        entry.fail(reason);
      }
      urgent.length = 0;
      prefetch.length = 0;
    },
    { once: true },
  );

  function promote(key: string): boolean {
    const entry = byKey.get(key);
    if (entry === undefined || entry.priority === "urgent") return false;
    const at = prefetch.indexOf(entry);
    entry.priority = "urgent";
    if (at < 0) return false; // already running
    prefetch.splice(at, 1);
    urgent.push(entry);
    pump();
    return true;
  }

  function run<T>(key: string, priority: FetchPriority, task: () => Promise<T>, wanted?: () => boolean): Promise<T> {
    const existing = byKey.get(key);
    if (existing !== undefined) {
      if (wanted === undefined) existing.wanted = null;
      else existing.wanted?.push(wanted);
      if (priority === "urgent") promote(key);
      // Same key, same kind of task (the caller's contract): the result has type T.
      return existing.promise as Promise<T>;
    }
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    let start = (): void => undefined;
    let fail = (_reason: unknown): void => undefined;
    const promise = new Promise<T>((resolve, reject) => {
      fail = reject;
      start = () => {
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(() => {
          running -= 1;
          if (byKey.get(key) === entry) byKey.delete(key);
          pump();
        });
      };
    });
    const entry: Entry = { key, priority, promise, start, fail, wanted: wanted === undefined ? null : [wanted] };
    byKey.set(key, entry);
    (priority === "urgent" ? urgent : prefetch).push(entry);
    pump();
    return promise;
  }

  return { run, promote, stats: () => ({ running, queued: urgent.length + prefetch.length }) };
}
