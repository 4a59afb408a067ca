// A fetch wrapper for index requests: bounded bodies, redirects and time; retries with backoff on 429/5xx/network errors/garbage; cancellation; counters.
import { ATTEMPT_TIMEOUT_MS, BODY_KIND_NAMES, BODY_LIMITS, formatBytes, MAX_REDIRECTS, REQUEST_BUDGET_MS, RETRIES } from "./request-limits";
import type { BodyKind } from "./request-limits";
import { abortReason, systemClock } from "./clock";
import type { Clock } from "./clock";
import { IndexError } from "./index-error";
import { backoffDelay, isRetryableStatus, parseRetryAfter } from "./retry-policy";

/**
 * What a Simple API request accepts: PEP 691 JSON first, HTML as a fallback. `Accept` is a CORS-safelisted header and
 * this value has no unsafe bytes, so browsers send the request without a preflight.
 */
export const SIMPLE_API_ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1";

/** A successful (2xx) answer with its body read. */
export interface HttpResponse {
  /** The URL after redirects (the request URL when the fetch implementation does not say). */
  url: string;
  status: number;
  contentType: string | null;
  /** The body decoded as UTF-8. */
  text: string;
  /** The body's raw bytes (kept for hash checks). */
  body: Uint8Array<ArrayBuffer>;
}

export interface HttpRequestOptions {
  /** The Accept header; no header is sent without it (no custom headers ever: no CORS preflight). */
  accept?: string;
  /** Cancels this request (the client-wide signal cancels every request). */
  signal?: AbortSignal;
  /** Sets the largest body accepted (BODY_LIMITS); default "listing", the largest. */
  kind?: BodyKind;
  /** Asked before every retry: when nobody wants the answer any more (a cancelled resolution), no retry is sent. */
  wanted?: () => boolean;
}

export interface HttpReadOptions<T> extends HttpRequestOptions {
  /**
   * Checks and parses a 2xx answer. An IndexError "invalid-response" from it (not JSON, bad metadata, a hash that
   * does not match) is retried like a 5xx: a proxy or a mirror in a bad moment sends garbage once, not every time.
   */
  read: (response: HttpResponse) => T | Promise<T>;
}

export interface HttpStats {
  requests: number;
  bytes: number;
  retries: number;
  inFlight: number;
}

export interface HttpClient {
  /**
   * GETs `url`. Rejects with IndexError: not-found (404/410), http-status, network, timeout, too-large,
   * too-many-redirects, cancelled.
   */
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  /** GETs `url` and reads the answer with `options.read`, retrying answers it finds invalid (see HttpReadOptions). */
  getParsed<T>(url: string, options: HttpReadOptions<T>): Promise<T>;
  stats(): HttpStats;
}

export interface HttpClientOptions {
  fetch: typeof fetch;
  /** Per attempt, including reading the body. Default ATTEMPT_TIMEOUT_MS (30 s). */
  timeoutMs?: number;
  /** Per request, every attempt and wait included. Default REQUEST_BUDGET_MS (60 s). */
  requestBudgetMs?: number;
  /** Retries after the first attempt. Default RETRIES (5). */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this (or than what is left of the request budget) is not waited for: the request fails at once. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Overrides BODY_LIMITS (tests). */
  bodyLimits?: Partial<Record<BodyKind, number>>;
  /** Cancels everything this client does. */
  signal?: AbortSignal;
  clock?: Clock;
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number;
}

/** The reason given when a timer or signal of ours is no longer needed: a constant, as a DOMException per request costs a stack trace. */
const FINISHED = "finished";

const STATUS_TEXT: Record<number, string> = { 404: "Not Found", 410: "Gone", 429: "Too Many Requests" };
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Why one attempt failed, and whether another attempt may help. */
type AttemptFailure = { error: IndexError; retry: boolean; waitMs: number | null };

function isFailure<T>(outcome: T | AttemptFailure): outcome is AttemptFailure {
  return typeof outcome === "object" && outcome !== null && "error" in outcome && (outcome as AttemptFailure).error instanceof IndexError;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const budgetMs = options.requestBudgetMs ?? REQUEST_BUDGET_MS;
  const retries = options.retries ?? RETRIES;
  const backoff = { baseMs: options.backoffBaseMs ?? 250, maxMs: options.backoffMaxMs ?? 8_000 };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const limits: Record<BodyKind, number> = { ...BODY_LIMITS, ...options.bodyLimits };
  const counters: HttpStats = { requests: 0, bytes: 0, retries: 0, inFlight: 0 };

  /** The body, read as it streams and refused past `limit` bytes (counted after decompression); null when over. */
  async function readLimited(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
    const encoding = (response.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
    const declared = Number(response.headers.get("content-length") ?? "");
    if (encoding === "identity" && Number.isFinite(declared) && declared > limit) return null;
    if (response.body === null) {
      const whole = new Uint8Array(await response.arrayBuffer());
      counters.bytes += whole.byteLength;
      return whole.byteLength > limit ? null : whole;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      counters.bytes += value.byteLength;
      if (total > limit) {
        reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
    if (chunks.length === 1 && chunks[0].buffer instanceof ArrayBuffer && chunks[0].byteLength === chunks[0].buffer.byteLength) {
      return chunks[0] as Uint8Array<ArrayBuffer>;
    }
    const body = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    return body;
  }

  /**
   * One attempt, following redirects itself (so a loop is named, and counted once); resolves with the response or an
   * AttemptFailure, rejects only when `stop` (cancel or the request budget) fires.
   */
  async function attempt(url: string, accept: string | undefined, kind: BodyKind, stop: AbortSignal): Promise<HttpResponse | AttemptFailure> {
    const controller = new AbortController();
    const stopTimer = new AbortController();
    let timedOut = false;
    const onStop = (): void => controller.abort(abortReason(stop));
    stop.addEventListener("abort", onStop, { once: true });
    clock.sleep(timeoutMs, stopTimer.signal).then(
      () => {
        timedOut = true;
        controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError"));
      },
      () => undefined,
    );
    counters.inFlight += 1;
    let current = url;
    const seen = new Set([url]);
    const failure = (code: "too-many-redirects" | "http-status", message: string, status?: number): AttemptFailure => ({
      error: new IndexError(code, url, message, { status }),
      retry: false,
      waitMs: null,
    });
    try {
      const init: RequestInit = { method: "GET", signal: controller.signal, redirect: "manual" };
      if (accept !== undefined) init.headers = { Accept: accept };
      let response: Response;
      for (let hops = 0; ; hops += 1) {
        counters.requests += 1;
        response = await options.fetch(current, init);
        if (response.type === "opaqueredirect") {
          // A browser hides where a redirect goes: let it follow them (it gives up after 20) and name the URL if it fails.
          counters.requests += 1;
          try {
            response = await options.fetch(current, { ...init, redirect: "follow" });
          } catch (error) {
            if (stop.aborted || timedOut) throw error;
            const detail = error instanceof Error ? error.message : String(error);
            return failure("too-many-redirects", `${current} redirects, and following its redirects failed (${detail}): a redirect loop?`);
          }
          break;
        }
        if (!REDIRECT_STATUSES.has(response.status)) break;
        response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        let next: URL | null = null;
        try {
          next = location === null ? null : new URL(location, current);
        } catch {
          next = null;
        }
        if (next === null || (next.protocol !== "http:" && next.protocol !== "https:")) {
          return failure("http-status", `${current} answered ${response.status} with a redirect to ${location === null ? "nowhere (no Location)" : JSON.stringify(location)}`, response.status);
        }
        next.hash = "";
        if (seen.has(next.href)) return failure("too-many-redirects", `redirect loop at ${next.href} (reached again after ${hops + 1} redirects from ${url})`);
        if (hops + 1 > MAX_REDIRECTS) return failure("too-many-redirects", `more than ${MAX_REDIRECTS} redirects from ${url} (the last to ${next.href})`);
        seen.add(next.href);
        current = next.href;
      }
      const finalUrl = response.url === "" ? current : response.url;
      if (response.ok) {
        const limit = limits[kind];
        const body = await readLimited(response, limit);
        if (body === null) {
          controller.abort(new DOMException("too large", "AbortError"));
          const message = `${finalUrl} answered with more than ${formatBytes(limit)} (decompressed), the most read for ${BODY_KIND_NAMES[kind]}; stopped reading it`;
          return { error: new IndexError("too-large", url, message, { status: response.status }), retry: false, waitMs: null };
        }
        return { url: finalUrl, status: response.status, contentType: response.headers.get("content-type"), text: new TextDecoder("utf-8").decode(body), body };
      }
      response.body?.cancel().catch(() => undefined);
      const status = response.status;
      const statusText = response.statusText || STATUS_TEXT[status] || "";
      const said = `${finalUrl} answered ${status}${statusText === "" ? "" : ` ${statusText}`}`;
      if (status === 404 || status === 410) return { error: new IndexError("not-found", url, said, { status }), retry: false, waitMs: null };
      const waitMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get("retry-after"), clock.now()) : null;
      return { error: new IndexError("http-status", url, said, { status }), retry: isRetryableStatus(status), waitMs };
    } catch (error) {
      if (stop.aborted) throw abortReason(stop);
      if (timedOut) return { error: new IndexError("timeout", url, `${url} did not answer within ${seconds(timeoutMs)}`, { cause: error }), retry: true, waitMs: null };
      const detail = error instanceof Error ? error.message : String(error);
      return { error: new IndexError("network", url, `${url} could not be reached (${detail})`, { cause: error }), retry: true, waitMs: null };
    } finally {
      counters.inFlight -= 1;
      stopTimer.abort(FINISHED);
      stop.removeEventListener("abort", onStop);
    }
  }

  async function getParsed<T>(url: string, request: HttpReadOptions<T>): Promise<T> {
    const kind = request.kind ?? "listing";
    const { signal: cancel, dispose } = anySignal([options.signal, request.signal]);
    const started = clock.now();
    // The request budget: a timer on the clock, so it fires in tests on the test clock's time.
    const budget = new AbortController();
    const stopBudget = new AbortController();
    clock.sleep(budgetMs, stopBudget.signal).then(
      () => budget.abort(new DOMException(`no complete answer within ${budgetMs} ms`, "TimeoutError")),
      () => undefined,
    );
    const { signal: stop, dispose: disposeStop } = anySignal([cancel, budget.signal]);
    let attempts = 0;
    let last: IndexError | null = null;
    const outOfTime = (): IndexError => {
      const tried = `${attempts} ${attempts === 1 ? "attempt" : "attempts"}`;
      const why = last === null ? "" : `; the last: ${last.message}`;
      return new IndexError("timeout", url, `${url} gave no complete answer within ${seconds(budgetMs)} (${tried}${why})`, { cause: last ?? undefined });
    };
    // Races every await against `stop`, so a cancel or the budget settles the call at once even if fetch ignores its signal.
    let onStop = (): void => undefined;
    const stopped = new Promise<never>((_, reject) => {
      onStop = () => reject(cancel.aborted ? cancelled(url) : outOfTime());
    });
    stopped.catch(() => undefined);
    stop.addEventListener("abort", onStop, { once: true });
    const settle = (error: unknown): IndexError => {
      if (cancel.aborted) return cancelled(url);
      if (budget.signal.aborted) return outOfTime();
      return error instanceof IndexError ? error : cancelled(url);
    };
    try {
      if (cancel.aborted) throw cancelled(url);
      for (let n = 0; ; n += 1) {
        if (n > 0 && request.wanted?.() === false) throw cancelled(url);
        attempts += 1;
        let outcome: HttpResponse | AttemptFailure;
        try {
          outcome = await Promise.race([attempt(url, request.accept, kind, stop), stopped]);
        } catch (error) {
          throw settle(error);
        }
        if (!isFailure(outcome)) {
          try {
            return await request.read(outcome);
          } catch (error) {
            if (!(error instanceof IndexError) || error.code !== "invalid-response") throw error;
            outcome = { error, retry: true, waitMs: null };
          }
        }
        last = outcome.error;
        if (!outcome.retry || n >= retries) throw finalError(outcome.error, n);
        if (request.wanted?.() === false) throw cancelled(url);
        let wait = backoffDelay(n, random, backoff);
        if (outcome.waitMs !== null) {
          const left = budgetMs - (clock.now() - started);
          const cap = Math.min(maxRetryAfterMs, left);
          if (outcome.waitMs > cap) {
            const message = `${outcome.error.message} and asked to wait ${Math.round(outcome.waitMs / 1000)} s before retrying; not waiting more than ${Math.max(0, Math.round(cap / 1000))} s for one request`;
            throw new IndexError(outcome.error.code, url, message, { status: outcome.error.status ?? undefined });
          }
          wait = outcome.waitMs;
        }
        counters.retries += 1;
        try {
          await Promise.race([clock.sleep(wait, stop), stopped]);
        } catch (error) {
          throw settle(error);
        }
      }
    } finally {
      stopBudget.abort(FINISHED);
      stop.removeEventListener("abort", onStop);
      disposeStop();
      dispose();
    }
  }

  return {
    get: (url, request = {}) => getParsed(url, { ...request, read: (response) => response }),
    getParsed,
    stats: () => ({ ...counters }),
  };
}

function cancelled(url: string): IndexError {
  return new IndexError("cancelled", url, `the request for ${url} was cancelled`);
}

function finalError(error: IndexError, retried: number): IndexError {
  if (retried === 0) return error;
  return new IndexError(error.code, error.url, `${error.message} (after ${retried} ${retried === 1 ? "retry" : "retries"})`, {
    status: error.status ?? undefined,
    cause: error,
  });
}

/** A signal that aborts when any of `signals` does; `dispose` removes the listeners it added. */
function anySignal(signals: (AbortSignal | undefined)[]): { signal: AbortSignal; dispose: () => void } {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length === 1) return { signal: present[0], dispose: () => undefined };
  const controller = new AbortController();
  const listeners: [AbortSignal, () => void][] = [];
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(abortReason(signal));
      break;
    }
    const listener = (): void => controller.abort(abortReason(signal));
    signal.addEventListener("abort", listener, { once: true });
    listeners.push([signal, listener]);
  }
  return { signal: controller.signal, dispose: () => listeners.forEach(([signal, listener]) => signal.removeEventListener("abort", listener)) };
}
