// A fetch wrapper for index requests: per-request timeout, retries with backoff on 429/5xx/network errors, cancellation, counters.
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
}

export interface HttpStats {
  requests: number;
  bytes: number;
  retries: number;
  inFlight: number;
}

export interface HttpClient {
  /** GETs `url`. Rejects with IndexError: not-found (404/410), http-status, network, timeout, cancelled. */
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  stats(): HttpStats;
}

export interface HttpClientOptions {
  fetch: typeof fetch;
  /** Per attempt, including reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails at once. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Cancels everything this client does. */
  signal?: AbortSignal;
  clock?: Clock;
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number;
}

const STATUS_TEXT: Record<number, string> = { 404: "Not Found", 410: "Gone", 429: "Too Many Requests" };

/** Why one attempt failed, and whether another attempt may help. */
type AttemptFailure = { error: IndexError; retry: boolean; waitMs: number | null };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 3;
  const backoff = { baseMs: options.backoffBaseMs ?? 250, maxMs: options.backoffMaxMs ?? 8_000 };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const counters: HttpStats = { requests: 0, bytes: 0, retries: 0, inFlight: 0 };

  /** One attempt; resolves with the response or an AttemptFailure, rejects only when `cancel` fires. */
  async function attempt(url: string, accept: string | undefined, cancel: AbortSignal): Promise<HttpResponse | AttemptFailure> {
    const controller = new AbortController();
    const stopTimer = new AbortController();
    let timedOut = false;
    const onCancel = (): void => controller.abort(abortReason(cancel));
    cancel.addEventListener("abort", onCancel, { once: true });
    clock.sleep(timeoutMs, stopTimer.signal).then(
      () => {
        timedOut = true;
        controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError"));
      },
      () => undefined,
    );
    counters.requests += 1;
    counters.inFlight += 1;
    try {
      const init: RequestInit = { method: "GET", signal: controller.signal };
      if (accept !== undefined) init.headers = { Accept: accept };
      const response = await options.fetch(url, init);
      const body = new Uint8Array(await response.arrayBuffer());
      counters.bytes += body.byteLength;
      const finalUrl = response.url === "" ? url : response.url;
      if (response.ok) {
        return { url: finalUrl, status: response.status, contentType: response.headers.get("content-type"), text: new TextDecoder("utf-8").decode(body), body };
      }
      const status = response.status;
      const statusText = response.statusText || STATUS_TEXT[status] || "";
      const said = `${url} answered ${status}${statusText === "" ? "" : ` ${statusText}`}`;
      if (status === 404 || status === 410) return { error: new IndexError("not-found", url, said, { status }), retry: false, waitMs: null };
      const waitMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get("retry-after"), clock.now()) : null;
      return { error: new IndexError("http-status", url, said, { status }), retry: isRetryableStatus(status), waitMs };
    } catch (error) {
      if (cancel.aborted) throw cancelled(url);
      if (timedOut) return { error: new IndexError("timeout", url, `${url} did not answer within ${timeoutMs} ms`, { cause: error }), retry: true, waitMs: null };
      const detail = error instanceof Error ? error.message : String(error);
      return { error: new IndexError("network", url, `${url} could not be reached (${detail})`, { cause: error }), retry: true, waitMs: null };
    } finally {
      counters.inFlight -= 1;
      stopTimer.abort();
      cancel.removeEventListener("abort", onCancel);
    }
  }

  async function get(url: string, request: HttpRequestOptions = {}): Promise<HttpResponse> {
    const { signal: cancel, dispose } = anySignal([options.signal, request.signal]);
    // Races every await against `cancel`, so a cancel settles the call at once even if fetch ignores its signal.
    let onCancel = (): void => undefined;
    const cancelledPromise = new Promise<never>((_, reject) => {
      onCancel = () => reject(cancelled(url));
    });
    cancelledPromise.catch(() => undefined);
    cancel.addEventListener("abort", onCancel, { once: true });
    try {
      if (cancel.aborted) throw cancelled(url);
      for (let n = 0; ; n += 1) {
        const outcome = await Promise.race([attempt(url, request.accept, cancel), cancelledPromise]);
        if (!("error" in outcome)) return outcome;
        if (!outcome.retry || n >= retries) throw finalError(outcome.error, n);
        let wait = backoffDelay(n, random, backoff);
        if (outcome.waitMs !== null) {
          if (outcome.waitMs > maxRetryAfterMs) {
            const seconds = Math.round(outcome.waitMs / 1000);
            throw new IndexError("http-status", url, `${outcome.error.message} and asked to retry after ${seconds} s`, {
              status: outcome.error.status ?? undefined,
            });
          }
          wait = outcome.waitMs;
        }
        counters.retries += 1;
        try {
          await clock.sleep(wait, cancel);
        } catch {
          throw cancelled(url);
        }
      }
    } finally {
      cancel.removeEventListener("abort", onCancel);
      dispose();
    }
  }

  return { get, stats: () => ({ ...counters }) };
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
