// The typed error of the index client: what went wrong with which URL (bad body, missing page, HTTP status, network, timeout, cancel).

/** What kind of failure an IndexError reports. */
export type IndexErrorCode =
  /** The server answered 200 but the body is not what the API promises (bad JSON, wrong shape, bad METADATA). */
  | "invalid-response"
  /** The server answered 404 (or 410): the page does not exist. */
  | "not-found"
  /** The server answered with another error status, after any retries. */
  | "http-status"
  /** The request failed before an answer arrived (DNS, refused connection, CORS, reset), after any retries. */
  | "network"
  /** No answer within the per-request timeout, after any retries. */
  | "timeout"
  /** The body grew past the limit for its kind (request-limits.ts) as it streamed in, decompressed: not retried. */
  | "too-large"
  /** A redirect loop, or more redirects than MAX_REDIRECTS: not retried. */
  | "too-many-redirects"
  /** A project name that is not a PEP 508 name: no request is made for it. */
  | "invalid-project-name"
  /** The caller's AbortSignal fired. */
  | "cancelled"
  /** An index URL given by the user is not an absolute http(s) URL. */
  | "bad-index-url";

/** An error a person can cause (bad index URL, unreachable or misbehaving index); the message names the URL. */
export class IndexError extends Error {
  readonly code: IndexErrorCode;
  /** The URL that was requested (or parsed) when the error happened. */
  readonly url: string;
  /** The HTTP status, when an answer arrived. */
  readonly status: number | null;

  constructor(code: IndexErrorCode, url: string, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "IndexError";
    this.code = code;
    this.url = url;
    this.status = options.status ?? null;
  }
}

/** The error for a body that does not have the promised shape: "<url> answered with <what>". */
export function invalidResponse(url: string, what: string): IndexError {
  return new IndexError("invalid-response", url, `${url} answered with ${what}`);
}

