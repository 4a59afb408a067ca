// The order in which a resolution consults its indexes, by policy: each project comes whole from the first index that has it.
import type { ResolveRequest } from "../api";

/**
 * pip's order: `--index-url`, then each `--extra-index-url` as given. uv's `first-index` strategy puts the extra indexes
 * first (earlier ones first) and the main index last. Either way the first index that lists a project serves all of
 * its versions (pip itself would merge the versions of every index: Tangle does not, see docs/architecture.md).
 */
export function indexOrder(request: Pick<ResolveRequest, "indexUrl" | "extraIndexUrls" | "policy">): string[] {
  return request.policy === "uv" ? [...request.extraIndexUrls, request.indexUrl] : [request.indexUrl, ...request.extraIndexUrls];
}
