// The only Comlink.wrap of the resolver worker: started lazily on first use, shared by every feature.
import { wrap, type Remote } from "comlink";
import type { ResolverApi } from "../workers/api";

let remote: Remote<ResolverApi> | null = null;

/** Returns the worker's API, starting the worker the first time it is needed. */
export function resolver(): Remote<ResolverApi> {
  if (!remote) {
    const worker = new Worker(new URL("../workers/resolver.worker.ts", import.meta.url), { type: "module", name: "tangle-resolver" });
    remote = wrap<ResolverApi>(worker);
  }
  return remote;
}
