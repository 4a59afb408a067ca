// The resolver service: the object behind the worker's API, usable in a Worker and in Node alike.
import type { ResolverApi } from "./api";
import { parseRequirementLines } from "./requirement-lines";

export function createResolverService(): ResolverApi {
  return {
    parseLines: (text) => parseRequirementLines(text),
  };
}
