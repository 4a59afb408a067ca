// The user's own specifier for each direct requirement (from the worker's parser): the labels of the graph's edges from the root and of the tree's top lines.
import { useQuery } from "@tanstack/react-query";
import type { ResolveRequest } from "../../workers/api";
import { resolver } from "../resolver-client";

const EMPTY = new Map<string, string>();

export function useRootSpecifiers(request: ResolveRequest | null): ReadonlyMap<string, string> {
  const text = request && (request.input.format ?? "requirements.txt") === "requirements.txt" ? request.input.text : null;
  const query = useQuery({
    queryKey: ["parse-lines", text],
    enabled: text !== null,
    staleTime: Infinity,
    queryFn: async () => {
      const lines = await resolver().parseLines(text ?? "");
      const specs = new Map<string, string>();
      for (const line of lines) {
        if (line.kind !== "requirement") continue;
        const previous = specs.get(line.canonicalName);
        specs.set(line.canonicalName, previous && line.specifier ? `${previous},${line.specifier}` : line.specifier || previous || "");
      }
      return specs;
    },
  });
  return query.data ?? EMPTY;
}
