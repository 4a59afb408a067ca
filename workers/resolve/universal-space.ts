// The environments a universal request covers: its Python range and platforms as a marker space, or what is wrong with them.
import type { ResolveRequest, UniversalPlatform, UniversalScopeDto } from "../api";
import { MarkerSpace, STANDARD_PLATFORMS, otherPlatform } from "../packaging/marker-space";
import { tryParseSpecifierSet } from "../packaging/specifiers";

const OS_SYS_PLATFORM: Record<UniversalPlatform, string> = { linux: "linux", macos: "darwin", windows: "win32" };
const ALL_PLATFORMS: UniversalPlatform[] = ["linux", "macos", "windows"];

export type UniversalSpaceOutcome = { ok: true; space: MarkerSpace; scope: Omit<UniversalScopeDto, "forks"> } | { ok: false; message: string };

/**
 * The space of a universal request: `universal.python`, else the project's `requires-python`, else ">=" the target's
 * Python minor version; the chosen operating systems (all three by default) on both CPUs, plus any further sys_platform values.
 */
export function universalSpace(request: ResolveRequest, projectRequiresPython: string | null): UniversalSpaceOutcome {
  const universal = request.universal ?? {};
  const minor = request.target.pythonVersion.split(".").slice(0, 2).join(".");
  const pythonText = universal.python ?? projectRequiresPython ?? `>=${minor}`;
  const specifier = tryParseSpecifierSet(pythonText);
  if (!specifier) return { ok: false, message: `Invalid Python range "${pythonText}" for a universal resolution: expected a PEP 440 specifier such as ">=3.9"` };
  const platforms = universal.platforms && universal.platforms.length > 0 ? [...new Set(universal.platforms)] : ALL_PLATFORMS;
  const unknown = platforms.filter((p) => !ALL_PLATFORMS.includes(p));
  if (unknown.length > 0) return { ok: false, message: `Unknown platform "${unknown[0]}" for a universal resolution: expected linux, macos or windows` };
  const others = [...new Set(universal.otherSysPlatforms ?? [])].filter((p) => !Object.values(OS_SYS_PLATFORM).includes(p));
  const badOther = others.find((p) => !/^[A-Za-z0-9_.-]+$/.test(p));
  if (badOther !== undefined) return { ok: false, message: `Invalid sys_platform value "${badOther}": expected letters, digits, ".", "_" or "-"` };
  const cells = [
    ...STANDARD_PLATFORMS.filter((c) => platforms.some((p) => OS_SYS_PLATFORM[p] === c.sys_platform)),
    ...others.map(otherPlatform),
  ];
  const space = new MarkerSpace(cells, specifier.toRange());
  if (space.universe.isEmpty()) return { ok: false, message: `The Python range "${pythonText}" holds no CPython version between 2.0 and 4.0` };
  return {
    ok: true,
    space,
    scope: { python: space.python.toString().replaceAll(" (incl. pre-releases)", ""), platforms, otherSysPlatforms: others, environments: space.environmentMarkers() },
  };
}
