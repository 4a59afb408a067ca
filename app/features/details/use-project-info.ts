// One release's project information (summary, licence, links, newer releases), fetched through the worker once and cached by react-query.
import { useQuery } from "@tanstack/react-query";
import { resolver } from "../../resolver-client";

export function useProjectInfo(indexUrl: string, name: string, version: string) {
  return useQuery({
    queryKey: ["project-info", indexUrl, name, version],
    queryFn: () => resolver().projectInfo([indexUrl], name, version),
    staleTime: Infinity,
  });
}
