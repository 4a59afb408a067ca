// The resolution as a `uv tree`-style text tree, drawn by the worker (workers/formats/output/text-tree.ts, the CLI's too).
import { useQuery } from "@tanstack/react-query";
import type { ResolvedPackageDto } from "../../../../workers/api";
import type { TextTreeView } from "../../../../workers/api-tree";
import { resolver } from "../../../resolver-client";

export interface TextTreeRequest {
  invert: string | null;
  depth: number | null;
  rootSpecifiers: ReadonlyMap<string, string>;
}

export function useTextTree(packages: ResolvedPackageDto[], { invert, depth, rootSpecifiers }: TextTreeRequest): { tree: TextTreeView | null; failure: string | null } {
  const query = useQuery<TextTreeView>({
    // The packages array is replaced with each resolution, so it identifies the result.
    queryKey: ["text-tree", packages, invert, depth, rootSpecifiers],
    staleTime: Infinity,
    gcTime: 0,
    queryFn: async (): Promise<TextTreeView> => resolver().textTree(packages, { invert, depth, rootSpecifiers: new Map(rootSpecifiers) }),
  });
  return { tree: query.data ?? null, failure: query.error ? String(query.error) : null };
}
