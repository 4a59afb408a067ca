// The built `tangle` command's launcher (workers/cli-launcher.ts): it keeps V8's code cache beside the bundle, uses it,
// and runs the same whatever state the cache is in. Each test runs its own copy of the built command.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, CLI_BUNDLE, CLI_CORE } from "../scripts/build-cli";

const work = mkdtempSync(join(tmpdir(), "tangle-launcher-"));
const requirements = join(work, "requirements.txt");

beforeAll(async () => {
  await buildCli();
  writeFileSync(requirements, "six==1.14.0\nrequests[socks]>=2\n");
}, 60_000);

/** A fresh copy of the built command (launcher and program, no cache yet). */
function install(): string {
  const dir = mkdtempSync(join(work, "install-"));
  for (const file of [CLI_BUNDLE, CLI_CORE]) copyFileSync(file, join(dir, basename(file)));
  return dir;
}

async function tangle(dir: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(dir, basename(CLI_BUNDLE)), ...args], { cwd: work });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The code cache file beside the bundle, if any: its path, who wrote it (first byte: 1 = a full run) and identity. */
function codeCache(dir: string): { path: string; byFullRun: boolean; inode: number; mtimeMs: number } | undefined {
  const name = readdirSync(dir).find((n) => n.endsWith(".v8cache"));
  if (name === undefined) return undefined;
  const path = join(dir, name);
  const stat = statSync(path);
  return { path, byFullRun: readFileSync(path)[0] === 1, inode: stat.ino, mtimeMs: stat.mtimeMs };
}

const READ_OUTPUT = /^six==1\.14\.0 +# main, .*requirements\.txt:1:1$/m;

describe("the tangle launcher's code cache", () => {
  it("is written beside the bundle after a first run, then used as it is: the next run neither rejects nor rewrites it", async () => {
    const dir = install();
    expect(codeCache(dir)).toBeUndefined();
    const first = await tangle(dir, ["read", requirements]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(READ_OUTPUT);
    const written = codeCache(dir);
    expect(written?.byFullRun).toBe(true);
    expect(written?.path).toMatch(new RegExp(`tangle-core\\.[0-9a-f]{16}\\.${process.version.replace(/\./g, "\\.")}-${process.arch}\\.v8cache$`));

    const second = await tangle(dir, ["read", requirements]);
    expect(second).toEqual(first);
    // A rejected cache is replaced (a new file renamed over it): the same file means V8 took it.
    expect(codeCache(dir)).toEqual(written);
  });

  it("written by --version (which compiles little) is replaced after the first full run, and only then", async () => {
    const dir = install();
    expect((await tangle(dir, ["--version"])).stdout).toMatch(/^tangle \d+\.\d+\.\d+\n$/);
    const short = codeCache(dir);
    expect(short?.byFullRun).toBe(false);
    expect((await tangle(dir, ["--version"])).status).toBe(0);
    expect(codeCache(dir)).toEqual(short);

    expect((await tangle(dir, ["read", requirements])).stdout).toMatch(READ_OUTPUT);
    const full = codeCache(dir);
    expect(full?.byFullRun).toBe(true);
    expect(full?.inode).not.toBe(short?.inode);
    expect((await tangle(dir, ["--version"])).status).toBe(0);
    expect(codeCache(dir)).toEqual(full);
  });

  it("that is damaged is compiled around and replaced: same output, same exit status", async () => {
    const dir = install();
    const expected = await tangle(dir, ["read", requirements]);
    const cache = codeCache(dir)!;
    const damaged = Buffer.concat([Buffer.of(1), Buffer.alloc(4096, 0x5a)]);
    writeFileSync(cache.path, damaged);
    expect(await tangle(dir, ["read", requirements])).toEqual(expected);
    expect(readFileSync(cache.path).equals(damaged)).toBe(false);
    expect(codeCache(dir)?.byFullRun).toBe(true);

    // A usage error keeps its exit status and message through the launcher.
    const missing = await tangle(dir, ["resolve", join(work, "no-such-file.txt")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no-such-file.txt: no such file");
  });

  it("that cannot be written leaves the command working, with nothing left behind", async () => {
    const other = install();
    const expected = await tangle(other, ["read", requirements]);
    const name = basename(codeCache(other)!.path);
    // A directory where the cache file would go: the write fails as on a read-only install (root ignores permissions).
    const dir = install();
    mkdirSync(join(dir, name));
    expect(await tangle(dir, ["read", requirements])).toEqual(expected);
    expect(readdirSync(dir).sort()).toEqual([basename(CLI_BUNDLE), basename(CLI_CORE), name].sort());
  });

  it("missing its bundle (a broken install), says which file and how to rebuild it, with no stack trace", async () => {
    const dir = install();
    rmSync(join(dir, basename(CLI_CORE)));
    const broken = await tangle(dir, ["read", requirements]);
    expect(broken.status).toBe(70);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toBe(`tangle: cannot read ${join(dir, basename(CLI_CORE))} (ENOENT): rebuild the command with \`npm run build:cli\`\n`);
  });
});
