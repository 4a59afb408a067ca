// When a failed request is retried and how long to wait: exponential backoff with injected jitter, and Retry-After.

export interface BackoffOptions {
  /** First delay before jitter (ms). */
  baseMs: number;
  /** Largest delay before jitter (ms). */
  maxMs: number;
}

/** Statuses worth retrying: 429 Too Many Requests, 408 Request Timeout and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}

/**
 * Delay before retry number `attempt` (0 for the first retry): min(max, base * 2^attempt), jittered into
 * [half, full] of it by `random()` in [0, 1) ("equal jitter": spreads clients out without ever retrying at once).
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

/**
 * A Retry-After header as a delay in ms: delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"),
 * counted from `now`; null when absent or unreadable. A date in the past gives 0.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
