// Test support: a scripted `fetch` (per-URL answers: status, headers, body, latency, network errors, hangs) that records calls.

/** One scripted answer. */
export type FakeAnswer =
  | { status?: number; body?: string; headers?: Record<string, string>; delayMs?: number; redirectTo?: string }
  | { networkError: string; delayMs?: number }
  /** Never answers; with `ignoreAbort` it does not even honour the abort signal. */
  | { hang: true; ignoreAbort?: boolean };

/** Answers for a URL: one answer (every time), a list (in turn, the last repeating) or a function of the call. */
export type FakeRoute = FakeAnswer | FakeAnswer[] | ((call: FakeCall) => FakeAnswer);

export interface FakeCall {
  url: string;
  /** The Accept header sent, or null. */
  accept: string | null;
  /** Every header name sent (lower-case). */
  headerNames: string[];
  /** 0 for the first request of this URL. */
  n: number;
}

export interface FakeFetch {
  fetch: typeof fetch;
  calls: FakeCall[];
  /** Requests currently unanswered. */
  pending(): number;
  /** Adds or replaces a route. */
  route(url: string, answer: FakeRoute): void;
}

function abortError(signal: AbortSignal | null | undefined): unknown {
  return signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** Unknown URLs answer 404. */
export function createFakeFetch(routes: Record<string, FakeRoute> = {}): FakeFetch {
  const table = new Map(Object.entries(routes));
  const counts = new Map<string, number>();
  const calls: FakeCall[] = [];
  let pending = 0;

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    const n = counts.get(url) ?? 0;
    counts.set(url, n + 1);
    const call: FakeCall = { url, accept: headers.get("accept"), headerNames: [...headers.keys()], n };
    calls.push(call);
    const route = table.get(url);
    const answer: FakeAnswer =
      route === undefined ? { status: 404, body: "Not Found" } : typeof route === "function" ? route(call) : Array.isArray(route) ? route[Math.min(n, route.length - 1)] : route;
    const signal = init?.signal;
    pending += 1;
    try {
      if ("hang" in answer) {
        await new Promise<never>((_, reject) => {
          if (!answer.ignoreAbort) signal?.addEventListener("abort", () => reject(abortError(signal)), { once: true });
        });
      }
      const delay = "delayMs" in answer ? (answer.delayMs ?? 0) : 0;
      if (signal?.aborted) throw abortError(signal);
      if (delay > 0) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, delay);
          signal?.addEventListener(
            "abort",
            () => {
              clearTimeout(timer);
              reject(abortError(signal));
            },
            { once: true },
          );
        });
      }
      if ("networkError" in answer) throw new TypeError(answer.networkError);
      if ("hang" in answer) throw new Error("unreachable");
      const response = new Response(answer.body ?? "", { status: answer.status ?? 200, headers: answer.headers });
      Object.defineProperty(response, "url", { value: answer.redirectTo ?? url });
      return response;
    } finally {
      pending -= 1;
    }
  };
  return {
    fetch: fakeFetch,
    calls,
    pending: () => pending,
    route: (url, answer) => table.set(url, answer),
  };
}
