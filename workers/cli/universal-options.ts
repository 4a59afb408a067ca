// The command line's --universal flag: with it, --python is a range of Pythons and --platform a list of operating systems.
import type { TargetDto, UniversalPlatform, UniversalRequestDto } from "../api";
import { tryParseSpecifierSet } from "../packaging/specifiers";
import { UsageError, targetOf } from "./target-options";

const PLATFORMS: readonly UniversalPlatform[] = ["linux", "macos", "windows"];

/**
 * The target and the universal option the flags name. Without --universal: the target alone. With it: `--python`
 * ">=3.9" (or "3.9", read as ">=3.9"; default: the project's requires-python) and `--platform linux,macos,windows`
 * (default all three); `--arch` makes no sense (both CPUs are covered) and is a usage error.
 */
export function universalTargetOf(values: { universal?: unknown; python?: unknown; platform?: unknown; arch?: unknown }): { target: TargetDto; universal?: UniversalRequestDto } {
  if (values.universal !== true) return { target: targetOf(values) };
  if (values.arch !== undefined) throw new UsageError("--arch does not go with --universal: a universal resolution covers x86_64 and ARM64 on every platform");
  const universal: UniversalRequestDto = {};
  let targetPython: string | undefined;
  if (values.python !== undefined) {
    if (typeof values.python !== "string") throw new UsageError("--python needs a value");
    const text = values.python.trim();
    const range = /^\d+\.\d+(\.\d+)?$/.test(text) ? `>=${text}` : text;
    if (!tryParseSpecifierSet(range)) throw new UsageError(`with --universal, --python must be a Python version or a range such as ">=3.9" or ">=3.9,<3.13" (got "${values.python}")`);
    universal.python = range;
    const lower = /(?:>=|==|~=)\s*(\d+\.\d+)/.exec(range);
    if (lower) targetPython = lower[1];
  }
  if (values.platform !== undefined) {
    if (typeof values.platform !== "string") throw new UsageError("--platform needs a value");
    const list = values.platform.split(",").map((p) => p.trim()).filter((p) => p !== "");
    const bad = list.find((p) => !(PLATFORMS as readonly string[]).includes(p));
    if (bad !== undefined || list.length === 0) throw new UsageError(`with --universal, --platform must be a comma-separated list of ${PLATFORMS.join(", ")} (got "${values.platform}")`);
    universal.platforms = list as UniversalPlatform[];
  }
  return { target: targetOf({ python: targetPython }), universal };
}
