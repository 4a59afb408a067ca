// The key of a resolved package in the page (graph node, list row, selection): its id when a universal result holds the name twice, else its name.
import type { ResolvedPackageDto } from "../../workers/api";

export function packageKey(pkg: Pick<ResolvedPackageDto, "id" | "name">): string {
  return pkg.id ?? pkg.name;
}
