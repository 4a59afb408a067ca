// Tests for the HTTP client against a scripted fetch: retries, Retry-After, timeouts, cancellation within 200 ms.
import { describe, expect, it, vi } from "vitest";
import { systemClock } from "./clock";
import { createFakeFetch } from "./test-support/fake-fetch";
import type { FakeRoute } from "./test-support/fake-fetch";
import { createHttpClient, SIMPLE_API_ACCEPT } from "./http-client";
import type { HttpClientOptions, HttpResponse } from "./http-client";
import { IndexError } from "./index-error";
import { createTestClock } from "./test-support/test-clock";

const URL_A = "https://pypi.org/simple/foo/";
/** Long enough never to fire in these tests unless a test wants it to (the test clock runs sleeps 1000x faster). */
const TIMEOUT = 10_000_000;
/** The request budget in these tests: longer still, so only the tests about it meet it. */
const BUDGET = 100_000_000;

function setup(route: FakeRoute, options: Partial<HttpClientOptions> = {}) {
  const fake = createFakeFetch({ [URL_A]: route });
  const clock = createTestClock();
  const http = createHttpClient({ fetch: fake.fetch, clock, random: () => 0.5, timeoutMs: TIMEOUT, requestBudgetMs: BUDGET, backoffBaseMs: 100, ...options });
  const backoffs = (): number[] => clock.sleeps.filter((ms) => ms !== (options.timeoutMs ?? TIMEOUT) && ms !== (options.requestBudgetMs ?? BUDGET));
  return { fake, clock, http, backoffs };
}

async function failure(promise: Promise<unknown>): Promise<IndexError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IndexError);
    return error as IndexError;
  }
  throw new Error("expected the request to fail");
}

describe("http client: answers", () => {
  it("returns the decoded body, Content-Type and final URL, and counts requests and bytes", async () => {
    const { http } = setup({ body: "{\"é\": 1}", headers: { "Content-Type": "application/vnd.pypi.simple.v1+json" }, redirectTo: "https://pypi.org/simple/foo/?r=1" });
    const response = await http.get(URL_A, { accept: SIMPLE_API_ACCEPT });
    expect(response).toMatchObject({ status: 200, text: "{\"é\": 1}", contentType: "application/vnd.pypi.simple.v1+json", url: "https://pypi.org/simple/foo/?r=1" });
    expect(http.stats()).toEqual({ requests: 1, bytes: 9, retries: 0, inFlight: 0 });
  });

  it("sends only a CORS-safelisted Accept header (no preflight), and no header at all without one", async () => {
    const { fake, http } = setup({ body: "x" });
    await http.get(URL_A, { accept: SIMPLE_API_ACCEPT });
    await http.get(URL_A);
    expect(fake.calls.map((c) => c.headerNames)).toEqual([["accept"], []]);
    expect(fake.calls[0].accept).toBe("application/vnd.pypi.simple.v1+json, text/html;q=0.1");
    // Fetch standard: a safelisted Accept value has at most 128 bytes and none of these bytes.
    expect(SIMPLE_API_ACCEPT.length).toBeLessThanOrEqual(128);
    const unsafe = [...SIMPLE_API_ACCEPT].filter((c) => (c.charCodeAt(0) < 0x20 && c !== "\t") || c.charCodeAt(0) === 0x7f || '"():<>?@[\\]{}'.includes(c));
    expect(unsafe).toEqual([]);
  });

  it("reports 404 and 410 as not-found without retrying", async () => {
    for (const status of [404, 410]) {
      const { fake, http } = setup({ status, body: "gone" });
      const error = await failure(http.get(URL_A));
      expect(error.code).toBe("not-found");
      expect(error.status).toBe(status);
      expect(error.message).toBe(`${URL_A} answered ${status} ${status === 404 ? "Not Found" : "Gone"}`);
      expect(fake.calls).toHaveLength(1);
    }
  });

  it("does not retry other 4xx", async () => {
    const { fake, http } = setup({ status: 403, body: "no" });
    const error = await failure(http.get(URL_A));
    expect(error.code).toBe("http-status");
    expect(error.message).toBe(`${URL_A} answered 403`);
    expect(fake.calls).toHaveLength(1);
  });
});

describe("http client: retries", () => {
  it("retries a 503 with exponential backoff and jitter from the injected random source", async () => {
    const { fake, http, backoffs } = setup([{ status: 503 }, { status: 502 }, { status: 200, body: "ok" }]);
    expect((await http.get(URL_A)).text).toBe("ok");
    expect(fake.calls).toHaveLength(3);
    // random() = 0.5: 3/4 of 100 * 2^n.
    expect(backoffs()).toEqual([75, 150]);
    expect(http.stats()).toMatchObject({ requests: 3, retries: 2 });
  });

  it("honours Retry-After in seconds on a 429", async () => {
    const { http, backoffs } = setup([{ status: 429, headers: { "Retry-After": "2" } }, { body: "ok" }]);
    expect((await http.get(URL_A)).text).toBe("ok");
    expect(backoffs()).toEqual([2000]);
  });

  it("honours Retry-After as an HTTP-date, counted from the injected clock", async () => {
    const clockNow = createTestClock().now();
    const date = new Date(clockNow + 7000).toUTCString();
    const { http, backoffs } = setup([{ status: 429, headers: { "Retry-After": date } }, { body: "ok" }]);
    expect((await http.get(URL_A)).text).toBe("ok");
    expect(backoffs()).toEqual([7000]);
  });

  it("gives up at once when Retry-After asks for more than the maximum wait", async () => {
    const { fake, http } = setup({ status: 429, headers: { "Retry-After": "3600" } });
    const error = await failure(http.get(URL_A));
    expect(error.message).toBe(`${URL_A} answered 429 Too Many Requests and asked to wait 3600 s before retrying; not waiting more than 120 s for one request`);
    expect(fake.calls).toHaveLength(1);
  });

  it("fails with the last status after the configured retries", async () => {
    const { fake, http } = setup({ status: 500 }, { retries: 2 });
    const error = await failure(http.get(URL_A));
    expect(error.code).toBe("http-status");
    expect(error.message).toBe(`${URL_A} answered 500 (after 2 retries)`);
    expect(fake.calls).toHaveLength(3);
  });

  it("retries network errors, and reports them after the last retry", async () => {
    const flaky = setup([{ networkError: "fetch failed" }, { body: "ok" }]);
    expect((await flaky.http.get(URL_A)).text).toBe("ok");
    const down = setup({ networkError: "getaddrinfo ENOTFOUND pypi.org" }, { retries: 1 });
    const error = await failure(down.http.get(URL_A));
    expect(error.code).toBe("network");
    expect(error.message).toBe(`${URL_A} could not be reached (getaddrinfo ENOTFOUND pypi.org) (after 1 retry)`);
  });

  it("times out each attempt, aborting the request, then retries", async () => {
    const { fake, http } = setup({ hang: true }, { timeoutMs: 20_000, retries: 1 });
    const error = await failure(http.get(URL_A));
    expect(error.code).toBe("timeout");
    expect(error.message).toBe(`${URL_A} did not answer within 20 s (after 1 retry)`);
    expect(fake.calls).toHaveLength(2);
    expect(fake.pending()).toBe(0);
    expect(http.stats().inFlight).toBe(0);
  });

  it("a slow answer within the timeout is not a timeout", async () => {
    const { http } = setup({ body: "late", delayMs: 30 }, { timeoutMs: 200_000 });
    expect((await http.get(URL_A)).text).toBe("late");
  });
});

describe("http client: cancellation", () => {
  it("settles at once when the signal is already aborted, without a request", async () => {
    const controller = new AbortController();
    controller.abort();
    const { fake, http } = setup({ body: "x" }, { signal: controller.signal });
    expect((await failure(http.get(URL_A))).code).toBe("cancelled");
    expect(fake.calls).toHaveLength(0);
  });

  // The fetches below never answer and the timeouts are days long: only the cancel can settle these calls.
  it("cancels a request on the wire, and counts it in flight meanwhile", async () => {
    const controller = new AbortController();
    const { fake, http } = setup({ hang: true }, { signal: controller.signal });
    const pending = http.get(URL_A);
    await vi.waitFor(() => expect(fake.pending()).toBe(1));
    expect(http.stats().inFlight).toBe(1);
    controller.abort();
    const error = await failure(pending);
    expect(error.code).toBe("cancelled");
    expect(error.message).toBe(`the request for ${URL_A} was cancelled`);
    expect(fake.pending()).toBe(0);
    expect(http.stats().inFlight).toBe(0);
  });

  it("cancels even when fetch ignores the abort signal", async () => {
    const controller = new AbortController();
    const { fake, http } = setup({ hang: true, ignoreAbort: true }, { signal: controller.signal });
    const pending = http.get(URL_A);
    await vi.waitFor(() => expect(fake.pending()).toBe(1));
    controller.abort();
    expect((await failure(pending)).code).toBe("cancelled");
  });

  it("cancels a pending backoff sleep (Retry-After: an hour, on the real clock)", async () => {
    const controller = new AbortController();
    const fake = createFakeFetch({ [URL_A]: { status: 429, headers: { "Retry-After": "3600" } } });
    const http = createHttpClient({ fetch: fake.fetch, clock: systemClock, signal: controller.signal, maxRetryAfterMs: 1e8, requestBudgetMs: 1e9 });
    const pending = http.get(URL_A);
    await vi.waitFor(() => expect(http.stats().retries).toBe(1));
    controller.abort();
    expect((await failure(pending)).code).toBe("cancelled");
    expect(fake.calls).toHaveLength(1);
  });

  it("a per-request signal cancels only that request", async () => {
    const { http } = setup({ body: "ok", delayMs: 30 });
    const controller = new AbortController();
    const first = http.get(URL_A, { signal: controller.signal });
    const second = http.get(URL_A);
    controller.abort();
    expect((await failure(first)).code).toBe("cancelled");
    expect((await second).text).toBe("ok");
  });
});

describe("http client: bounded bodies", () => {
  it("refuses a body over the limit for its kind as it streams, names the URL and the limit, and never retries it", async () => {
    const { fake, http } = setup({ body: "x".repeat(5000) }, { bodyLimits: { metadata: 4096 } });
    const error = await failure(http.get(URL_A, { kind: "metadata" }));
    expect(error.code).toBe("too-large");
    expect(error.message).toBe(`${URL_A} answered with more than 4 KiB (decompressed), the most read for a core metadata file; stopped reading it`);
    expect(fake.calls).toHaveLength(1);
    // A body at the limit is fine.
    const atLimit = setup({ body: "x".repeat(4096) }, { bodyLimits: { metadata: 4096 } });
    expect((await atLimit.http.get(URL_A, { kind: "metadata" })).text).toHaveLength(4096);
  });

  it("refuses a declared Content-Length over the limit before reading the body", async () => {
    const { fake, http } = setup({ body: "tiny", headers: { "Content-Length": String(10 * 1024 * 1024) } }, { bodyLimits: { listing: 1024 * 1024 } });
    const error = await failure(http.get(URL_A));
    expect(error.message).toBe(`${URL_A} answered with more than 1 MiB (decompressed), the most read for a project listing; stopped reading it`);
    expect(http.stats().bytes).toBe(0);
    expect(fake.calls).toHaveLength(1);
  });

  it("stops reading a body that never ends at the limit", async () => {
    let pulled = 0;
    const endless = (): Promise<Response> => {
      const chunk = new Uint8Array(64 * 1024);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    };
    const http = createHttpClient({ fetch: endless, clock: createTestClock(), bodyLimits: { listing: 1024 * 1024 } });
    const error = await failure(http.get(URL_A));
    expect(error.code).toBe("too-large");
    // It read just past the limit, and at most a few chunks more were produced.
    expect(http.stats().bytes).toBe(1024 * 1024 + 64 * 1024);
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });
});

describe("http client: redirects", () => {
  const B = "https://pypi.org/simple/bar/";
  it("follows a redirect itself and reports the final URL", async () => {
    const fake = createFakeFetch({ [URL_A]: { status: 301, headers: { Location: "/simple/bar/" } }, [B]: { body: "ok" } });
    const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock() });
    const response = await http.get(URL_A);
    expect(response).toMatchObject({ url: B, text: "ok" });
    expect(fake.calls.map((c) => c.url)).toEqual([URL_A, B]);
  });

  it("names a redirect loop at the URL that repeats, after one request per hop and no retry", async () => {
    const fake = createFakeFetch({ [URL_A]: { status: 302, headers: { Location: B } }, [B]: { status: 302, headers: { Location: URL_A } } });
    const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock() });
    const error = await failure(http.get(URL_A));
    expect(error.code).toBe("too-many-redirects");
    expect(error.message).toBe(`redirect loop at ${URL_A} (reached again after 2 redirects from ${URL_A})`);
    expect(fake.calls).toHaveLength(2);
  });

  it("stops after 10 redirects to ever new URLs", async () => {
    const fake = createFakeFetch();
    for (let i = 0; i < 20; i += 1) fake.route(i === 0 ? URL_A : `${URL_A}?hop=${i}`, { status: 302, headers: { Location: `${URL_A}?hop=${i + 1}` } });
    const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock() });
    const error = await failure(http.get(URL_A));
    expect(error.message).toBe(`more than 10 redirects from ${URL_A} (the last to ${URL_A}?hop=11)`);
    expect(fake.calls).toHaveLength(11);
  });

  it("refuses a redirect to a scheme other than http(s)", async () => {
    const fake = createFakeFetch({ [URL_A]: { status: 302, headers: { Location: "file:///etc/passwd" } } });
    const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock() });
    const error = await failure(http.get(URL_A));
    expect(error.message).toBe(`${URL_A} answered 302 with a redirect to "file:///etc/passwd"`);
    expect(fake.calls).toHaveLength(1);
  });
});

describe("http client: the request budget", () => {
  it("a server that never answers costs one budget (60 s), not every retry's timeout", async () => {
    const fake = createFakeFetch({ [URL_A]: { hang: true } });
    const clock = createTestClock({ sleepsAdvance: true, now: 0 });
    const http = createHttpClient({ fetch: fake.fetch, clock, random: () => 0.5 });
    const error = await failure(http.get(URL_A));
    expect(error.code).toBe("timeout");
    // The first attempt times out at 30 s; the second starts after a backoff, so the budget ends it before its own
    // timeout (on a loaded machine the budget's timer may even fire before the second attempt starts).
    expect(error.message).toMatch(/^https:\/\/pypi\.org\/simple\/foo\/ gave no complete answer within 60 s \([12] attempts?; the last: https:\/\/pypi\.org\/simple\/foo\/ did not answer within 30 s\)$/);
    expect(fake.calls.length).toBeLessThanOrEqual(2);
    expect(clock.now()).toBe(60_000);
    expect(fake.pending()).toBe(0);
  });

  it("a Retry-After longer than what is left of the budget fails at once and says so", async () => {
    const { fake, http } = setup({ status: 429, headers: { "Retry-After": "86400" } }, { requestBudgetMs: 60_000 });
    const error = await failure(http.get(URL_A));
    expect(error.message).toBe(`${URL_A} answered 429 Too Many Requests and asked to wait 86400 s before retrying; not waiting more than 60 s for one request`);
    expect(fake.calls).toHaveLength(1);
  });
});

describe("http client: garbage answers", () => {
  const read = (response: HttpResponse): string => {
    if (!response.text.startsWith("{")) throw new IndexError("invalid-response", response.url, `${response.url} answered with garbage`);
    return response.text;
  };

  it("retries an answer its reader finds invalid, like a 5xx", async () => {
    const { fake, http, backoffs } = setup([{ body: "<html>" }, { body: "{}" }]);
    expect(await http.getParsed(URL_A, { read })).toBe("{}");
    expect(fake.calls).toHaveLength(2);
    expect(backoffs()).toEqual([75]);
  });

  it("reports the last invalid answer after the retries", async () => {
    const { fake, http } = setup({ body: "<html>" }, { retries: 2 });
    const error = await failure(http.getParsed(URL_A, { read }));
    expect(error.message).toBe(`${URL_A} answered with garbage (after 2 retries)`);
    expect(fake.calls).toHaveLength(3);
  });

  it("a bug in the reader is not retried", async () => {
    const { fake, http } = setup({ body: "x" });
    await expect(
      http.getParsed(URL_A, {
        read: () => {
          throw new TypeError("bug");
        },
      }),
    ).rejects.toThrow("bug");
    expect(fake.calls).toHaveLength(1);
  });
});
