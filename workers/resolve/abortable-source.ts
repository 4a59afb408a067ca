// Wraps a package source so that a cancelled resolution stops waiting at once, while shared fetches finish into the cache.
import type { PackageSource } from "./package-source";
import { IndexFailure } from "./python-provider";

function race<T>(value: T | Promise<T>, signal: AbortSignal): T | Promise<T> {
  if (!(value instanceof Promise)) return value;
  if (signal.aborted) return Promise.reject(new IndexFailure("cancelled", "Resolution cancelled.", undefined));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new IndexFailure("cancelled", "Resolution cancelled.", undefined));
    signal.addEventListener("abort", onAbort, { once: true });
    value.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

export function abortableSource(source: PackageSource, signal: AbortSignal): PackageSource {
  return {
    getListing: (name) => race(source.getListing(name), signal),
    getMetadata: (listing, version) => race(source.getMetadata(listing, version), signal),
    prefetchListing: source.prefetchListing && ((name) => !signal.aborted && source.prefetchListing?.(name)),
    prefetchMetadata: source.prefetchMetadata && ((listing, version) => !signal.aborted && source.prefetchMetadata?.(listing, version)),
  };
}
