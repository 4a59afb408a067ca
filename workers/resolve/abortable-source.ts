// Wraps a package source so that a cancelled resolution stops waiting at once and its requests stop: none is started, retried or left running unless another caller still waits for it.
import type { PackageSource } from "./package-source";
import { IndexFailure } from "./index-failure";

export function abortableSource(source: PackageSource, signal: AbortSignal): PackageSource {
  /** Rejecters of the answers still awaited; one abort listener settles them all. */
  const waiting = new Set<(error: IndexFailure) => void>();
  const cancelled = () => new IndexFailure("cancelled", "Resolution cancelled.", undefined);
  signal.addEventListener(
    "abort",
    () => {
      for (const reject of waiting) reject(cancelled());
      waiting.clear();
    },
    { once: true },
  );

  function race<T>(value: T | Promise<T>): T | Promise<T> {
    if (!(value instanceof Promise)) return value;
    if (signal.aborted) return Promise.reject(cancelled());
    return new Promise<T>((resolve, reject) => {
      waiting.add(reject);
      value.then(
        (v) => {
          waiting.delete(reject);
          resolve(v);
        },
        (e: unknown) => {
          waiting.delete(reject);
          reject(e);
        },
      );
    });
  }

  return {
    getListing: (name, priority) => race(source.getListing(name, priority, signal)),
    getMetadata: (listing, version, priority) => race(source.getMetadata(listing, version, priority, signal)),
    prefetchListing: source.prefetchListing && ((name) => !signal.aborted && source.prefetchListing?.(name, signal)),
    prefetchMetadata: source.prefetchMetadata && ((listing, version) => !signal.aborted && source.prefetchMetadata?.(listing, version, signal)),
    projectNames: source.projectNames && (() => Promise.resolve(race(source.projectNames?.() ?? Promise.resolve(null)))),
  };
}
