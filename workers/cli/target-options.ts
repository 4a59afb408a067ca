// The command line's target flags (--python, --platform, --arch), shared by every subcommand: their parseArgs options and their validation.
import type { TargetDto } from "../api";

/** A mistake in the command line: the command prints it with its usage and exits 2. */
export class UsageError extends Error {}

/** `value` when it is one of `allowed`, `fallback` when absent; otherwise a usage error naming the flag. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

/** parseArgs options for the target flags. */
export const TARGET_OPTIONS = {
  python: { type: "string" },
  platform: { type: "string" },
  arch: { type: "string" },
} as const;

/** The target the flags name (defaults: CPython 3.13 on Linux x86_64); throws UsageError for a value it cannot be. */
export function targetOf(values: { python?: unknown; platform?: unknown; arch?: unknown }): TargetDto {
  const text = (flag: string, value: unknown): string | undefined => {
    if (value === undefined || typeof value === "string") return value;
    throw new UsageError(`--${flag} needs a value`);
  };
  const python = text("python", values.python) ?? "3.13";
  if (!/^\d+\.\d+(\.\d+)?$/.test(python)) throw new UsageError(`--python must look like 3.12 or 3.12.4 (got "${python}")`);
  return {
    implementation: "cpython",
    pythonVersion: python,
    os: oneOf("platform", text("platform", values.platform), ["linux", "macos", "windows"] as const, "linux"),
    arch: oneOf("arch", text("arch", values.arch), ["x86_64", "aarch64", "arm64"] as const, "x86_64"),
  };
}
