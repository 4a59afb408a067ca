// A failure of the index, not of the requirements (or a cancel): resolution stops with this error.
import type { IndexError } from "../index/index-error";

/** A failure of the index, not of the requirements (or a cancel): resolution stops with this error. */
export class IndexFailure extends Error {
  constructor(
    readonly kind: "index-unreachable" | "index-broken" | "cancelled" | "input",
    message: string,
    readonly url: string | undefined,
  ) {
    super(message);
    this.name = "IndexFailure";
  }
}

/** The index layer's error as the failure a resolution stops with. */
export function indexFailure(error: IndexError): IndexFailure {
  const kind =
    error.code === "cancelled"
      ? "cancelled"
      : error.code === "bad-index-url"
        ? "input"
        : error.code === "network" || error.code === "timeout"
          ? "index-unreachable"
          : "index-broken";
  return new IndexFailure(kind, error.message, error.url);
}
