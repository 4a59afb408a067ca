// `tangle tree`, `tangle diff`, `tangle check` and `tangle resolve --locked` as a person runs them on real locks and on the fixture index.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "../../scripts/fixture-index/server";
import { runCli } from "../cli";
import { readLock } from "../formats/lock/read-lock";

const FIXTURES = fileURLToPath(new URL("../formats/lock/fixtures/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "tangle-locks-"));
let index: FixtureIndex;

beforeAll(async () => {
  index = await startFixtureIndex({ port: 0 });
});
afterAll(async () => {
  await index.close();
});

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(args, { stdin: () => "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { XDG_CACHE_HOME: join(dir, "cache") } });
  return { status, stdout, stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const snapshot = () => ["--index-url", `${index.url}/snapshot-2020/simple`, "--python", "3.8", "--no-cache"];

describe("tangle tree", () => {
  it("prints a uv.lock as read, for the target, like uv tree", async () => {
    const r = await run(["tree", join(FIXTURES, "uv-flask/uv.lock"), "--python", "3.13", "--depth", "2"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^jinja2 v3\.1\.6 \[required: >=3\.1\.2\]\n└── markupsafe v3\.0\.3 \[required: \*\]$/m);
    expect(r.stdout).toMatch(/^sphinx v8\.2\.3 \[required: <9\]$/m);
    expect(r.stdout).not.toMatch(/exceptiongroup/);
    const old = await run(["tree", join(FIXTURES, "uv-flask/uv.lock"), "--python", "3.10", "--depth", "1"]);
    expect(old.stdout).toMatch(/^sphinx v8\.1\.3 /m);
  });

  it("--invert shows who pulls a package in, ending at the project", async () => {
    const r = await run(["tree", join(FIXTURES, "poetry-poetry-lock2.1/poetry.lock"), "--invert", "urllib3", "--python", "3.12"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^urllib3 v\S+\n├── dulwich v\S+ \[requires: urllib3>=2\.2\.2\]\n│ {3}└── your requirements \[requires: dulwich<2,>=0\.25\.0\]/);
    expect(r.stdout).toMatch(/├── requests v\S+ \[requires: urllib3>=1\.26,<3\]\n│ {3}├── your requirements \[requires: requests<3\.0,>=2\.26\]\n│ {3}├── cachecontrol v\S+ \[requires: requests>=2\.16\.0\]/);
  });

  it("JSON lists every package with its version, direct flag and dependencies", async () => {
    const r = await run(["tree", join(FIXTURES, "pipcompile-flask-celery/examples/celery/requirements.txt"), "--format", "json"]);
    const json = JSON.parse(r.stdout) as { packages: { name: string; version: string; direct: boolean; dependencies: string[] }[] };
    expect(json.packages).toHaveLength(21);
    expect(json.packages.find((p) => p.name === "flask")).toEqual({ name: "flask", version: "2.3.2", direct: true, dependencies: ["blinker", "click", "itsdangerous", "jinja2", "werkzeug"] });
    expect(r.stderr).toMatch(/records who asked for each package/);
  });

  it("resolves any other input first", async () => {
    const r = await run(["tree", file("req.txt", "flask<1.0\n"), ...snapshot()]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^flask v0\.12\.5 \[required: <1\.0\]\n├── click v7\.1\.2 \[required: >=2\.0\]\n├── itsdangerous v1\.1\.0 \[required: >=0\.21\]\n├── jinja2 v2\.11\.2 \[required: >=2\.4\]\n│ {3}└── markupsafe v1\.1\.1 \[required: >=0\.23\]/m);
  });

  it("bad usage exits 2 with a message", async () => {
    expect((await run(["tree"])).stderr).toMatch(/missing FILE/);
    expect((await run(["tree", join(FIXTURES, "uv-flask/uv.lock"), "--depth", "x"])).status).toBe(2);
    expect((await run(["tree", join(FIXTURES, "uv-flask/uv.lock"), "--invert", "nope"])).stderr).toMatch(/nope is not in this resolution/);
    const badTarget = await run(["tree", join(FIXTURES, "uv-flask/uv.lock"), "--platform", "beos"]);
    expect(badTarget.status).toBe(2);
    expect(badTarget.stderr).toMatch(/--platform must be one of linux, macos, windows \(got "beos"\)/);
  });
});

describe("errors of tree and diff on inputs resolved first", () => {
  /** Every line of stderr that names the command names it once: "tangle tree: ...", never "tangle tree: tangle: ...". */
  const prefixes = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("tangle")).map((l) => /^(tangle(?: [a-z]+)?: )+/.exec(l)?.[0]);

  it("carry one prefix: an unreadable -r include, a bad option, an unreadable input", async () => {
    const include = file("with-include.txt", "-r nothere.txt\n");
    const cases: [string[], string, RegExp][] = [
      [["tree", include, ...snapshot()], "tangle tree: ", /cannot read the requirements file nothere\.txt/],
      [["tree", file("ok.txt", "flask\n"), ...snapshot(), "--resolution", "bogus"], "tangle tree: ", /--resolution must be one of highest, lowest, lowest-direct \(got "bogus"\)/],
      [["diff", include, join(FIXTURES, "uv-flask/uv.lock"), ...snapshot()], "tangle diff: ", /cannot read the requirements file nothere\.txt/],
    ];
    for (const [args, prefix, message] of cases) {
      const r = await run(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(prefixes(r.stderr)).toEqual([prefix]);
    }
  });
});

describe("tangle resolve --locked, then tangle diff", () => {
  it("keeps the lock's versions, upgrades only what is asked, explains the moves, and exports a lock that reads back", async () => {
    const lock = join(dir, "requirements.lock.txt");
    const made = await run(["resolve", file("old.in", "flask<1.0\nrequests<2.20\n"), ...snapshot(), "--format", "requirements", "--output", lock]);
    expect(made.status).toBe(0);
    const input = file("req.in", "flask\nrequests\n");

    const kept = await run(["resolve", input, ...snapshot(), "--locked", lock]);
    expect(kept.stdout).toMatch(/^flask==0\.12\.5 /m);
    expect(kept.stdout).toMatch(/Changes against .*:\nNo differences\.\n11 unchanged/);

    const upgraded = await run(["resolve", input, ...snapshot(), "--locked", lock, "--upgrade-package", "requests"]);
    expect(upgraded.stdout).toMatch(/^requests==2\.25\.0 /m);
    expect(upgraded.stdout).toMatch(/^flask==0\.12\.5 /m);
    expect(upgraded.stdout).toMatch(/Upgraded \(1\):\n {2}requests 2\.19\.1 -> 2\.25\.0\n {6}via requests\n {6}because upgraded on request\n10 unchanged/);

    const pylock = join(dir, "pylock.toml");
    expect((await run(["resolve", input, ...snapshot(), "--locked", lock, "--upgrade-package", "requests", "--format", "pylock", "--output", pylock])).status).toBe(0);
    const read = readLock(readFileSync(pylock, "utf8"), { fileName: "pylock.toml" });
    if (!read.ok) throw new Error(read.diagnostics[0].message);
    expect(read.graph.packages.find((p) => p.name === "requests")?.version).toBe("2.25.0");
    expect(read.graph.packages.find((p) => p.name === "flask")?.version).toBe("0.12.5");

    const all = await run(["resolve", input, ...snapshot(), "--locked", lock, "--upgrade"]);
    expect(all.stdout).toMatch(/^flask==1\.1\.2 /m);
    expect(all.stdout).toMatch(/flask 0\.12\.5 -> 1\.1\.2\n {6}via flask\n {6}because every package was upgraded \(--upgrade\)/);

    const diff = await run(["diff", lock, pylock, "--format", "json", "--python", "3.8"]);
    expect(diff.status).toBe(0);
    expect(JSON.parse(diff.stdout)).toEqual({ added: [], removed: [], changed: [{ name: "requests", from: "2.19.1", to: "2.25.0", via: ["requests", "no requirement forces it: the old version would still do"] }] });
  });

  it("diff of a lock and an input resolved today", async () => {
    const lock = join(dir, "old.lock.txt");
    await run(["resolve", file("older.in", "flask<1.0\n"), ...snapshot(), "--format", "requirements", "--output", lock]);
    const r = await run(["diff", lock, file("now.in", "flask\n"), ...snapshot()]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Upgraded \(2\):\n {2}flask 0\.12\.5 -> 1\.1\.2\n {6}via flask\n/);
    expect(r.stdout).toMatch(/ {2}werkzeug 0\.16\.1 -> 1\.0\.1\n {6}via flask -> flask 1\.1\.2 requires werkzeug>=0\.15\n {6}because it moved with flask \(0\.12\.5 -> 1\.1\.2\), which requires it\n/);
  });

  it("--upgrade-package without --locked, or a --locked file that is no lock, is a usage error", async () => {
    expect((await run(["resolve", file("r.in", "flask\n"), "--upgrade-package", "flask"])).status).toBe(2);
    const notLock = await run(["resolve", file("r2.in", "flask\n"), "--locked", file("plain.txt", "flask>=1\n")]);
    expect(notLock.status).toBe(2);
    expect(notLock.stderr).toMatch(/is not a lock file/);
  });
});

describe("tangle check", () => {
  it("a lock against its project: satisfied, or what is missing and out of range", async () => {
    expect((await run(["check", join(FIXTURES, "poetry-rich-lock1.1/poetry.lock")])).status).toBe(0);
    const project = mkdtempSync(join(tmpdir(), "tangle-check-"));
    cpSync(join(FIXTURES, "uv-flask"), project, { recursive: true });
    const pyproject = readFileSync(join(project, "pyproject.toml"), "utf8").replace('"click>=8.1.3"', '"click>=9"').replace('"blinker>=1.9.0",', '"blinker>=1.9.0",\n    "httpx2>=1",');
    writeFileSync(join(project, "pyproject.toml"), pyproject);
    const r = await run(["check", join(project, "uv.lock")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/missing: httpx2>=1 \(main, .*pyproject\.toml line \d+\) is not locked/);
    expect(r.stdout).toMatch(/out of range: click>=9 \(main, .*\) but the lock has 8\.3\.2/);
  });
});
