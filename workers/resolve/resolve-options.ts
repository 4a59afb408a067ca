// The options of one resolution, already parsed: what the provider needs to choose versions as pip would.
import type { PrereleaseMode, ResolutionStrategy, ResolverPolicy, UnknownDependenciesMode } from "../api";
import type { TargetEnvironment } from "../packaging/environment";
import type { MarkerEnvironment } from "../packaging/markers";
import type { VersionRange } from "../packaging/ranges";
import type { Version } from "../packaging/version";
import type { ForkScope } from "./fork-scope";
import type { ParsedDependency } from "./parsed-dependency";

export interface ResolveOptions {
  target: TargetEnvironment;
  markerEnv: MarkerEnvironment;
  /** The target interpreter's version, the only version of the virtual Python package. */
  python: Version;
  /** "CPython 3.13 on linux x86_64", for messages. */
  targetLabel: string;
  resolution: ResolutionStrategy;
  prerelease: PrereleaseMode;
  /** Whose candidate rules apply (see ResolverPolicy). */
  policy: ResolverPolicy;
  /** ms since the epoch; files uploaded later do not exist. */
  excludeNewer: number | null;
  unknownDependencies: UnknownDependenciesMode;
  /** Canonical name -> the range every requirement on it is narrowed to (`-c` files and "what if" pins). */
  constraints: Map<string, VersionRange>;
  /** Canonical name -> the requirement that replaces every requirement on it. */
  overrides: Map<string, ParsedDependency>;
  /** Projects treated as having no usable version ("what if I exclude this"). */
  excluded: Set<string>;
  /** The "what if" pins among `constraints`: canonical name -> the specifier as the user gave it (for explanations). */
  whatIfPins?: Map<string, string>;
  /** `constraints` without the "what if" pins (to try a resolution without one). */
  fileConstraints?: Map<string, VersionRange>;
  /** Canonical name -> the version to try first when it fits (a lock's version: keep it unless something forbids it). */
  preferences?: ReadonlyMap<string, Version>;
  /**
   * A universal resolution's fork: requirements apply where their marker meets the fork's environments, wheels of
   * every platform count, and a release must accept every Python of the fork (`python` is then the fork's lowest).
   */
  fork?: ForkScope;
  /** With `fork`: every Python version the fork covers. */
  pythonRange?: VersionRange;
  /**
   * A universal resolution's constraints and overrides that carry a marker: the environments are split by their
   * markers first, and each fork applies those whose marker holds there (in `constraints` / `overrides`).
   */
  markedConstraints?: ParsedDependency[];
  markedOverrides?: ParsedDependency[];
}
