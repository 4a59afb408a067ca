// One fork of a universal resolution: which declared requirements apply in its environments, and when a dependency list makes it split further.
import type { MarkerSet, MarkerSpace } from "../packaging/marker-space";
import type { Marker } from "../packaging/markers";
import type { ParsedDependency } from "./parsed-dependency";

/**
 * Thrown by the provider when one dependency list requires the same project with different version ranges under
 * markers that split the fork (uv's fork point): the solve stops and each part is resolved on its own.
 */
export class ForkNeeded extends Error {
  constructor(
    readonly project: string,
    readonly parts: MarkerSet[],
  ) {
    super(`the requirements on ${project} differ between environments`);
    this.name = "ForkNeeded";
  }
}

/** The marker sets of requirements, read once per (requirement, extra) for every fork of one resolution. */
export class UniversalMarkers {
  private readonly cache = new Map<string, MarkerSet | null>();

  constructor(readonly space: MarkerSpace) {}

  /** Where the requirement applies with `extra` selected ("" for none); null when its marker cannot be evaluated. */
  of(dep: ParsedDependency, extra: string): MarkerSet | null {
    return dep.marker ? this.ofMarker(dep.marker, extra) : this.space.universe;
  }

  /** Where a marker holds with `extra` selected ("" for none); null when it cannot be evaluated. */
  ofMarker(marker: Marker, extra: string): MarkerSet | null {
    const key = `${marker.toString()}\u0000${extra}`;
    let set = this.cache.get(key);
    if (set === undefined) {
      try {
        set = this.space.fromMarker(marker, extra);
      } catch {
        set = null;
      }
      this.cache.set(key, set);
    }
    return set;
  }
}

/** The environments one fork covers, and how requirements are read there. */
export class ForkScope {
  constructor(
    readonly markers: UniversalMarkers,
    readonly fork: MarkerSet,
  ) {}

  get space(): MarkerSpace {
    return this.markers.space;
  }

  /** Where a requirement applies inside this fork (empty when nowhere). */
  where(dep: ParsedDependency, extra: string): MarkerSet {
    return this.markers.of(dep, extra)?.and(this.fork) ?? this.space.empty();
  }

  /**
   * The requirements of a release (extra null) that apply somewhere in the fork, or those an extra adds somewhere
   * (where selecting the extra makes the marker hold and it did not already).
   */
  select(declared: readonly ParsedDependency[], extra: string | null): ParsedDependency[] {
    if (extra === null) return declared.filter((d) => !this.where(d, "").isEmpty());
    return declared.filter((d) => d.marker !== null && !this.where(d, extra).isSubsetOf(this.where(d, "")));
  }

  /** Where a selected requirement applies: for an extra's requirement, where the extra adds it. */
  whereSelected(dep: ParsedDependency, extra: string | null): MarkerSet {
    return extra === null ? this.where(dep, "") : this.where(dep, extra).minus(this.where(dep, ""));
  }

  /**
   * Throws {@link ForkNeeded} when the selected requirements name one project with different version ranges and
   * their markers do not all cover the fork: the fork is split by those markers into the parts where each
   * combination of them holds. Requirements replaced by an override never split.
   */
  checkFork(selected: readonly ParsedDependency[], extra: string | null, overridden: ReadonlySet<string>): void {
    const byName = new Map<string, ParsedDependency[]>();
    for (const dep of selected) {
      if (overridden.has(dep.name)) continue;
      byName.set(dep.name, [...(byName.get(dep.name) ?? []), dep]);
    }
    for (const [name, list] of byName) {
      if (list.length < 2 || list.every((d) => d.range.equals(list[0].range))) continue;
      const markers = list.map((d) => this.whereSelected(d, extra));
      if (markers.every((m) => m.equals(this.fork))) continue;
      let parts = [this.fork];
      for (const m of markers) parts = parts.flatMap((p) => [p.and(m), p.minus(m)]).filter((p) => !p.isEmpty());
      throw new ForkNeeded(name, parts);
    }
  }
}
