// The `tangle resolve` command as scripts and CI use it: output formats, exit statuses, clear messages for bad input.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, CLI_BUNDLE } from "../scripts/build-cli";
import { startFixtureIndex, type FixtureIndex } from "../scripts/fixture-index/server";
import { runCli } from "./cli";

let index: FixtureIndex;
let garbage: FixtureIndex;
const dir = mkdtempSync(join(tmpdir(), "tangle-cli-"));

beforeAll(async () => {
  index = await startFixtureIndex({ port: 0 });
  garbage = await startFixtureIndex({ port: 0, garbageRate: 1, seed: 1 });
});
afterAll(async () => {
  await index.close();
  await garbage.close();
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(args: string[], stdin = ""): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(args, {
    stdin: () => stdin,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { XDG_CACHE_HOME: join(dir, "cache") },
  });
  return { status, stdout, stderr };
}

/** A localhost port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const snapshot = () => `${index.url}/snapshot-2020/simple`;

describe("tangle resolve", () => {
  it("prints the pinned list in text, exit 0", async () => {
    const r = await run(["resolve", file("req.txt", "pandas\n"), "--index-url", snapshot(), "--python", "3.8"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^pandas==1\.1\.4 {4}# via your requirements$/m);
    expect(r.stdout).toMatch(/^numpy==1\.19\.4 {4}# via pandas$/m);
  });

  it("reads standard input when no file or '-' is given", async () => {
    const r = await run(["resolve", "-", "--index-url", snapshot(), "--python", "3.8"], "six==1.14.0\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("six==1.14.0");
  });

  it("prints one JSON object with packages and stats", async () => {
    const r = await run(["resolve", file("req.txt", "requests[socks]\n"), "--index-url", snapshot(), "--python", "3.8", "--format", "json", "--no-cache"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { packages: Record<string, unknown>[]; stats: Record<string, number> };
    expect(json.status).toBe("resolved");
    const requests = json.packages.find((p) => p.name === "requests");
    expect(requests).toMatchObject({ extras: ["socks"], direct: true, dependents: ["<root>"] });
    expect(Object.keys(json.packages[0]).sort()).toEqual(["dependencies", "dependents", "direct", "extras", "file", "name", "requested", "version", "warnings"]);
    expect(Object.keys(json.stats).sort()).toEqual(["bytes", "cacheHits", "conflicts", "decisions", "requests", "solveMs", "wallMs"]);
    expect(json.stats.requests).toBeGreaterThan(0);
  });

  it("explains an impossible set and exits 1", async () => {
    const r = await run(["resolve", file("req.txt", "six<1.10\nsix>=1.12\n"), "--index-url", snapshot(), "--format", "json"]);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as { status: string; explanation: string };
    expect(json.status).toBe("unsatisfiable");
    expect(json.explanation).toBe("Because you require six<1.10 and six>=1.12, which exclude each other, your requirements cannot be satisfied.");
  });

  it("in text, writes the explanation and ways out to standard error and nothing to standard output", async () => {
    const r = await run(["resolve", file("req.txt", "six<1.10\ncheroot>=8\n"), "--index-url", `${index.url}/cheroot/simple`, "--python", "3.8", "--no-cache"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    // The verdict comes first; the ways out are searched for after it was written.
    expect(r.stderr).toMatch(/^No solution found:\n\n/);
    const verdictAt = r.stderr.indexOf("your requirements cannot be satisfied");
    const lookingAt = r.stderr.indexOf("Looking for ways out");
    expect(verdictAt).toBeGreaterThan(0);
    expect(lookingAt).toBeGreaterThan(verdictAt);
    expect(r.stderr.indexOf("Ways out (each checked by resolving again):")).toBeGreaterThan(lookingAt);
  });

  it("counts every request in stats.requests, the ways-out re-solves' too", async () => {
    const counted = await startFixtureIndex({ port: 0 });
    let reported: number;
    try {
      const r = await run(["resolve", file("req.txt", "six<1.10\ncheroot>=8\n"), "--index-url", `${counted.url}/cheroot/simple`, "--python", "3.8", "--no-cache", "--format", "json"]);
      expect(r.status).toBe(1);
      const json = JSON.parse(r.stdout) as { suggestions: string[]; stats: { requests: number } };
      expect(json.suggestions.length).toBeGreaterThan(0);
      reported = json.stats.requests;
    } finally {
      await counted.close();
    }
    // Nothing is fetched after the report (speculative fetches still pending are stopped): the server saw at most what
    // the report counts, less only the requests in flight when the run ended (at most the client's 16 at once), aborted
    // before they arrived.
    const served = counted.stats().requests;
    expect(served).toBeLessThanOrEqual(reported);
    expect(reported - served).toBeLessThanOrEqual(16);
  });

  it("gives up at --max-decisions with the projects it went back and forth on, exit 4", async () => {
    const r = await run(["resolve", file("req.txt", "cherrypy[testing]\n"), "--index-url", `${index.url}/cheroot/simple`, "--python", "3.8", "--max-decisions", "3"]);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: Gave up after \d+ decisions in [\d.]+ s: the limit of 3 decisions \(--max-decisions in the terminal\) was reached/);
    const bad = await run(["resolve", file("req.txt", "six\n"), "--max-decisions", "lots"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('tangle: --max-decisions must be a positive whole number (got "lots")\n');
  });

  it("applies constraint files and writes --output", async () => {
    const out = join(dir, "out.txt");
    const r = await run(["resolve", file("req.txt", "pandas\n"), "-c", file("c.txt", "numpy<1.19\n"), "--index-url", snapshot(), "--python", "3.8", "--output", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(out, "utf8")).toMatch(/^numpy==1\.18\.5 /m);
  });

  it("rejects bad flags and values with a clear message, exit 2", async () => {
    const unknown = await run(["resolve", "--frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--frobnicate'/);
    const platform = await run(["resolve", file("req.txt", "six\n"), "--platform", "beos"]);
    expect(platform.status).toBe(2);
    expect(platform.stderr).toBe('tangle: --platform must be one of linux, macos, windows (got "beos")\n');
    const date = await run(["resolve", file("req.txt", "six\n"), "--exclude-newer", "last tuesday"]);
    expect(date.status).toBe(2);
    expect(date.stderr).toMatch(/--exclude-newer must be an RFC 3339 timestamp/);
    const command = await run(["solve"]);
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/unknown command "solve"/);
  });

  it("--policy uv applies uv's rules: a dependency's pre-release specifier is not enough, your own is; --policy names its values", async () => {
    const prereleases = `${index.url}/scenarios/prereleases/simple`;
    const pip = await run(["resolve", file("req.txt", "app\n"), "--index-url", prereleases, "--python", "3.11"]);
    expect(pip.status).toBe(0);
    expect(pip.stdout).toMatch(/^beta-lib==2\.0\.0rc1 /m);
    const uv = await run(["resolve", file("req.txt", "app\n"), "--index-url", prereleases, "--python", "3.11", "--policy", "uv"]);
    expect(uv.status).toBe(1);
    expect(uv.stderr).toMatch(/only pre-releases of beta-lib match .*uv's rules/);
    const own = await run(["resolve", file("req.txt", "app\nbeta-lib>=2.0.0b1\n"), "--index-url", prereleases, "--python", "3.11", "--policy", "uv"]);
    expect(own.status).toBe(0);
    expect(own.stdout).toMatch(/^beta-lib==2\.0\.0rc1 /m);
    const bad = await run(["resolve", file("req.txt", "six\n"), "--policy", "poetry"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('tangle: --policy must be one of pip, uv (got "poetry")\n');
  });

  it("names a missing file, exit 2", async () => {
    const r = await run(["resolve", join(dir, "nope.txt")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`tangle: cannot read requirements file ${join(dir, "nope.txt")}: no such file\n`);
  });

  it("points at the line and column of a malformed requirement, exit 2", async () => {
    const r = await run(["resolve", file("req.txt", "six\nrequests >=2.0 foo\n"), "--index-url", snapshot()]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/line 2, column \d+: .*Expected/);
  });

  it("exits 3 when the index cannot be reached, naming the URL", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/simple`;
    const r = await run(["resolve", file("req.txt", "six\n"), "--index-url", url, "--no-cache", "--format", "json"]);
    expect(r.status).toBe(3);
    const json = JSON.parse(r.stdout) as { error: { kind: string; message: string } };
    expect(json.error.kind).toBe("index-unreachable");
    expect(json.error.message).toContain(`127.0.0.1`);
  });

  it("exits 3 when the index answers garbage", async () => {
    const r = await run(["resolve", file("req.txt", "six\n"), "--index-url", `${garbage.url}/snapshot-2020/simple`, "--no-cache", "--format", "json"]);
    expect(r.status).toBe(3);
    const json = JSON.parse(r.stdout) as { error: { kind: string; message: string } };
    expect(json.error.kind).toBe("index-broken");
    expect(json.error.message).toMatch(/answered with/);
  });

  it("runs as `npm run tangle -- resolve` from the built bundle, without TypeScript", async () => {
    await buildCli();
    const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "tangle", "--", "resolve", file("req.txt", "six==1.14.0\n"), "--index-url", snapshot(), "--no-cache"], {
      cwd: new URL("..", import.meta.url).pathname,
    });
    expect(stdout).toContain("six==1.14.0");
    // The bundle inlines every dependency: it runs from anywhere, as `npm install -g .` links it.
    const bundle = await promisify(execFile)(process.execPath, [CLI_BUNDLE, "--version"], { cwd: tmpdir() });
    expect(bundle.stdout).toMatch(/^tangle \d+\.\d+\.\d+\n$/);
  }, 60_000);
});

describe("tangle resolve follows what the input refers to, from disk", () => {
  it("an -r include beside the file is read: its requirements resolve (issue 9)", async () => {
    const project = mkdtempSync(join(tmpdir(), "tangle-cli-project-"));
    writeFileSync(join(project, "base.txt"), "six==1.14.0\n");
    writeFileSync(join(project, "requirements.txt"), "-r base.txt\n");
    const r = await run(["resolve", join(project, "requirements.txt"), "--index-url", snapshot(), "--python", "3.8"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^six==1\.14\.0 {4}# via your requirements$/m);
  });

  it("an include that cannot be read stops with exit 2 and says which file, where", async () => {
    const project = mkdtempSync(join(tmpdir(), "tangle-cli-project-"));
    writeFileSync(join(project, "requirements.txt"), "six\n-r requirements/missing.txt\n");
    const r = await run(["resolve", join(project, "requirements.txt"), "--index-url", snapshot(), "--python", "3.8"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("line 2, column 4: -r requirements/missing.txt: cannot read the requirements file requirements/missing.txt (no such file)");
  });
});
