// Tests for the retry policy: retryable statuses, backoff with jitter, Retry-After parsing.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { backoffDelay, isRetryableStatus, parseRetryAfter } from "./retry-policy";

describe("retry policy", () => {
  it("retries 429, 408 and 5xx only", () => {
    expect([429, 408, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 418, 200, 304].some(isRetryableStatus)).toBe(false);
  });

  it("doubles the delay per attempt up to the maximum, jittered within [half, full]", () => {
    const options = { baseMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => 0, options))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => 0.999999, options))).toEqual([100, 200, 400, 800, 1000, 1000]);
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const ceiling = Math.min(1000, 100 * 2 ** attempt);
        const delay = backoffDelay(attempt, () => r, options);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it("reads Retry-After as seconds or as an HTTP-date relative to now", () => {
    const now = Date.parse("2015-10-21T07:28:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter("1.5", now)).toBeNull();
  });
});
