// `tangle resolve --universal` as a person runs it: pins with markers, the Python range and platform list flags, usage errors, and a failure that names the environment.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "../../scripts/fixture-index/server";
import { runCli } from "../cli";

let index: FixtureIndex;
const dir = mkdtempSync(join(tmpdir(), "tangle-universal-"));

beforeAll(async () => {
  index = await startFixtureIndex({ port: 0 });
});
afterAll(async () => {
  await index.close();
});

async function run(args: string[], text: string, scenario = "universal-forks"): Promise<{ status: number; stdout: string; stderr: string }> {
  const path = join(dir, "requirements.txt");
  writeFileSync(path, text);
  let stdout = "";
  let stderr = "";
  const status = await runCli(["resolve", path, "--index-url", `${index.url}/scenarios/${scenario}/simple`, "--no-cache", ...args], {
    stdin: () => "",
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { XDG_CACHE_HOME: join(dir, "cache") },
  });
  return { status, stdout, stderr };
}

describe("tangle resolve --universal", () => {
  it("prints each pin with the marker of where it is installed", async () => {
    const r = await run(["--universal", "--python", ">=3.9"], "app\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^numlib==1\.0\.0 ; sys_platform == 'win32' {4}# via app$/m);
    expect(r.stdout).toMatch(/^numlib==2\.0\.0 ; sys_platform != 'win32' {4}# via app$/m);
    expect(r.stdout).toMatch(/^backport==1\.0\.0 ; python_version < '3\.10' {4}# via app$/m);
    expect(r.stdout).toMatch(/^# universal: Python >=3\.9, <4\.0 on linux, macos, windows \(\d+ forks\)$/m);
  });

  it("covers only the platforms and Pythons asked for", async () => {
    const r = await run(["--universal", "--python", "3.10", "--platform", "linux,macos"], "app\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^numlib==2\.0\.0 {4}# via app$/m);
    expect(r.stdout).not.toContain("colorama");
    expect(r.stdout).not.toContain("backport");
  });

  it("names the environment when one fork has no solution", async () => {
    const r = await run(["--universal", "--python", ">=3.9"], "app\nhelper>=2\n");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("On Windows with Python 3.9 or newer:");
  });

  it("follows uv's rules with --policy uv: a pre-release only a dependency asks for is refused in every fork", async () => {
    const pip = await run(["--universal"], "app\n", "prereleases");
    expect(pip.status).toBe(0);
    expect(pip.stdout).toMatch(/^beta-lib==2\.0\.0rc1 /m);
    const uv = await run(["--universal", "--policy", "uv"], "app\n", "prereleases");
    expect(uv.status).toBe(1);
    expect(uv.stdout + uv.stderr).toContain("beta-lib");
    const asked = await run(["--universal", "--policy", "uv"], "app\nbeta-lib>=2.0.0b1\n", "prereleases");
    expect(asked.status).toBe(0);
    expect(asked.stdout).toMatch(/^beta-lib==2\.0\.0rc1 /m);
  });

  it("applies a constraint or an override with a marker only where the marker holds (the environments split by it)", async () => {
    const constraints = join(dir, "constraints.txt");
    writeFileSync(constraints, "helper<2; sys_platform == 'darwin'\n");
    const constrained = await run(["--universal", "--python", ">=3.9", "-c", constraints], "helper\n");
    expect(constrained.status).toBe(0);
    expect(constrained.stdout).toMatch(/^helper==1\.0\.0 ; sys_platform == 'darwin'/m);
    expect(constrained.stdout).toMatch(/^helper==2\.0\.0 ; sys_platform != 'darwin'/m);
    const overrides = join(dir, "overrides.txt");
    writeFileSync(overrides, "helper==1.0.0; sys_platform == 'linux'\n");
    const overridden = await run(["--universal", "--python", ">=3.9", "--override", overrides], "helper>=2\n");
    expect(overridden.status).toBe(0);
    expect(overridden.stdout).toMatch(/^helper==1\.0\.0 ; sys_platform == 'linux'/m);
    expect(overridden.stdout).toMatch(/^helper==2\.0\.0 ; sys_platform != 'linux'/m);
  });

  it("lists your requirements whose marker holds in none of the environments covered as skipped", async () => {
    const r = await run(["--universal", "--platform", "linux,macos", "--python", ">=3.9", "--format", "json"], "helper\ncolorama; sys_platform == 'win32'\nbackport; python_version < '3.9'\n");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { skipped: { requirement: string; line: number }[]; packages: { name: string }[] };
    expect(report.skipped.map((s) => [s.requirement, s.line])).toEqual([
      ['colorama; sys_platform == "win32"', 2],
      ['backport; python_version < "3.9"', 3],
    ]);
    expect(report.packages.map((p) => p.name)).toEqual(["helper"]);
    const text = await run(["--universal", "--platform", "linux,macos", "--python", ">=3.9"], "helper\ncolorama; sys_platform == 'win32'\n");
    expect(text.stderr).toMatch(/colorama \(line 2\): skipped, sys_platform == "win32" is false for every environment covered \(on Linux and macOS with Python /);
  });

  it("rejects flags that make no sense with it", async () => {
    expect((await run(["--universal", "--arch", "arm64"], "app\n")).stderr).toContain("--arch does not go with --universal");
    const badPlatform = await run(["--universal", "--platform", "linux,bsd"], "app\n");
    expect(badPlatform.status).toBe(2);
    expect(badPlatform.stderr).toContain('--platform must be a comma-separated list of linux, macos, windows (got "linux,bsd")');
    expect((await run(["--universal", "--python", "three"], "app\n")).stderr).toContain('--python must be a Python version or a range such as ">=3.9"');
    // uv.lock, poetry.lock and buildout [versions] are written for one target: refused before anything is resolved.
    for (const format of ["uv-lock", "poetry-lock", "buildout"]) {
      const oneTarget = await run(["--universal", "--format", format], "app\n");
      expect(oneTarget.status).toBe(2);
      expect(oneTarget.stderr).toMatch(new RegExp(`--format ${format}: \\S+ is written for one target .* download requirements\\.txt, constraints\\.txt, pylock\\.toml`));
      expect(oneTarget.stdout).toBe("");
    }
  });
});
