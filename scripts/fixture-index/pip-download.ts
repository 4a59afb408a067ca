// Runs real pip (`pip --isolated download`) against a fixture index and reads back what it picked: the reference for pip's answers.

import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { parseDistFilename } from "./dist-filename";
import { normalizeName } from "./project-name";
import { normalizeVersion } from "./version-order";

/** Runs a command without blocking the event loop (the index server lives in this process), with `input` on its standard input. */
export function run(cmd: string, args: readonly string[], input?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: "1", PIP_NO_INPUT: "1" }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", (err) => resolve({ status: -1, stdout, stderr: `${stderr}${err.message}` }));
    child.on("close", (code) => resolve({ status: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/** `{name: version}` of the distributions pip downloaded into `dir` (names canonical, versions normalised). */
export function downloadedPins(dir: string): Record<string, string> {
  const got: Record<string, string> = {};
  for (const f of readdirSync(dir)) {
    const dist = parseDistFilename(f);
    if (dist?.kind === "wheel") got[normalizeName(dist.name)] = normalizeVersion(dist.version);
    else if (dist?.kind === "sdist") {
      const cut = dist.stem.lastIndexOf("-");
      got[normalizeName(dist.stem.slice(0, cut))] = normalizeVersion(dist.stem.slice(cut + 1));
    }
  }
  return got;
}

/** pip's words for "these requirements cannot be met" (as opposed to a crash or a failed build). */
export const PIP_NO_SOLUTION = /ResolutionImpossible|conflicting dependencies|No matching distribution/;
