// The platform tags a target accepts, most preferred first, as packaging.tags computes them on that machine.
import type { ResolvedTargetEnvironment } from "./environment";

/** packaging's guess for the last minor of an older glibc major (_LAST_GLIBC_MINOR). */
const LAST_GLIBC_MINOR = 50;

const LEGACY_MANYLINUX: Readonly<Record<string, string>> = {
  "2_17": "manylinux2014",
  "2_12": "manylinux2010",
  "2_5": "manylinux1",
};

/**
 * PEP 600 `manylinux_2_N_arch` from the target's glibc down to 2.17 (2.5 on x86_64), each legacy alias
 * (manylinux2014/2010/1) right after its glibc version — packaging's `_manylinux.platform_tags`.
 */
export function manylinuxPlatforms(arch: string, glibc: readonly [number, number]): string[] {
  const tooOld: [number, number] = arch === "x86_64" || arch === "i686" ? [2, 4] : [2, 16];
  const maxima: [number, number][] = [[glibc[0], glibc[1]]];
  for (let major = glibc[0] - 1; major > 1; major--) maxima.push([major, LAST_GLIBC_MINOR]);
  const platforms: string[] = [];
  for (const [major, maxMinor] of maxima) {
    const minMinor = major === tooOld[0] ? tooOld[1] : -1;
    for (let minor = maxMinor; minor > minMinor; minor--) {
      platforms.push(`manylinux_${major}_${minor}_${arch}`);
      const legacy = LEGACY_MANYLINUX[`${major}_${minor}`];
      if (legacy) platforms.push(`${legacy}_${arch}`);
    }
  }
  return platforms;
}

/** PEP 656 `musllinux_1_N_arch` from the target's musl down to 1.0 (packaging's `_musllinux.platform_tags`). */
export function musllinuxPlatforms(arch: string, musl: readonly [number, number]): string[] {
  const platforms: string[] = [];
  for (let minor = musl[1]; minor >= 0; minor--) platforms.push(`musllinux_${musl[0]}_${minor}_${arch}`);
  return platforms;
}

/** packaging's `_mac_binary_formats` for the 64-bit architectures. */
function macBinaryFormats(version: readonly [number, number], arch: string): string[] {
  const formats = [arch];
  if (arch === "x86_64") {
    if (version[0] < 10 || (version[0] === 10 && version[1] < 4)) return [];
    formats.push("intel", "fat64", "fat32");
  }
  if (arch === "arm64" || arch === "x86_64") formats.push("universal2");
  if (arch === "x86_64") formats.push("universal");
  return formats;
}

/** packaging's `mac_platforms(version, arch)`. */
export function macPlatforms(version: readonly [number, number], arch: string): string[] {
  const platforms: string[] = [];
  const [major, minor] = version;
  if (major === 10) {
    for (let m = minor; m >= 0; m--) {
      for (const format of macBinaryFormats([10, m], arch)) platforms.push(`macosx_10_${m}_${format}`);
    }
  }
  if (major >= 11) {
    for (let m = major; m > 10; m--) {
      for (const format of macBinaryFormats([m, 0], arch)) platforms.push(`macosx_${m}_0_${format}`);
    }
    for (let m = 16; m > 3; m--) {
      if (arch === "x86_64") {
        for (const format of macBinaryFormats([10, m], arch)) platforms.push(`macosx_10_${m}_${format}`);
      } else {
        platforms.push(`macosx_10_${m}_universal2`);
      }
    }
  }
  return platforms;
}

/** Every platform tag the target accepts, most preferred first (packaging's `platform_tags()` on that machine). */
export function targetPlatforms(target: ResolvedTargetEnvironment): string[] {
  if (target.os === "windows") return [target.arch === "x86_64" ? "win_amd64" : "win_arm64"];
  if (target.os === "macos") return macPlatforms(target.macosVersion ?? [14, 0], target.arch);
  const arch = target.arch;
  const version = target.libcVersion ?? [2, 28];
  const platforms =
    target.libc === "musl" ? musllinuxPlatforms(arch, version) : manylinuxPlatforms(arch, version);
  platforms.push(`linux_${arch}`);
  return platforms;
}
