// The worker's `diffPackages`: the diff of two package graphs as the page's plain data (the JSON, the text, directions).
import type { PackageDiffDto, PackageGraphDto } from "../api-locks";
import { diffJson, diffPackages, formatDiffText } from "./package-diff";

export function packageDiffDto(before: PackageGraphDto, after: PackageGraphDto, requested: string[] | "all"): PackageDiffDto {
  const graph = (g: PackageGraphDto) => ({ packages: g.packages, rootSpecifiers: new Map(Object.entries(g.rootSpecifiers)) });
  const diff = diffPackages(graph(before), graph(after), { requested });
  return {
    json: diffJson(diff),
    text: formatDiffText(diff),
    directions: Object.fromEntries(diff.changed.map((c) => [c.name, c.direction])),
    unchanged: diff.unchanged,
  };
}
