// `tangle audit` as CI uses it: pip-audit's exit statuses, the JSON shape, fixes proven by re-solving, clear usage errors.
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "../../scripts/fixture-index/server";
import { runCli } from "../cli";
import type { AuditJson } from "./audit-command";

let index: FixtureIndex;
const dir = mkdtempSync(join(tmpdir(), "tangle-audit-"));
beforeAll(async () => {
  index = await startFixtureIndex({ port: 0 });
});
afterAll(() => index.close());

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function audit(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(["audit", ...args, "--python", "3.11", "--no-cache"], {
    stdin: () => "",
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
  });
  return { status, stdout, stderr };
}

describe("tangle audit", () => {
  it("exits 1 and lists each advisory with its fix versions and aliases, in pip-audit's table", async () => {
    const r = await audit([file("requirements.txt", "jinja2<2.10\n"), "--index-url", `${index.url}/snapshot-2020/simple`]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("Found 2 known vulnerabilities in 1 package:");
    expect(r.stdout).toMatch(/jinja2\s+2\.9\.6\s+PYSEC-2019-217\s+2\.10\.1\s+CVE-2019-10906, GHSA-462w-v97r-4m45/);
    // The fix is proven impossible: the user's own requirement blocks it, in the resolver's words.
    expect(r.stdout).toContain("jinja2>=2.11.3 cannot be resolved:");
    expect(r.stdout).toContain("Because you require jinja2<2.10 and jinja2>=2.11.3, which exclude each other, your requirements cannot be satisfied.");
  }, 60_000);

  it("writes the JSON report: vulnerabilities with aliases and fixed_in, and a fix the index does not have", async () => {
    const r = await audit([file("pinned.txt", "requests==2.19.1\n"), "--index-url", `${index.url}/snapshot-2020/simple`, "--format", "json"]);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as AuditJson;
    expect(json.vulnerabilities).toContainEqual(
      expect.objectContaining({ name: "requests", version: "2.19.1", id: "PYSEC-2018-28", aliases: ["CVE-2018-18074", "GHSA-x84v-xcm2-53pg"], fixed_in: ["2.20.0"] }),
    );
    const urllib3 = json.fixes.find((f) => f.name === "urllib3");
    // urllib3's last fix (1.26.18) came after this 2020 snapshot: no requirement could let it in, and the re-solve says
    // so first (requests 2.19.1's urllib3 <1.24 would block it too).
    expect(urllib3 && "blocked_by" in urllib3 ? urllib3.blocked_by : null).toContain("no versions of urllib3 match >=1.26.18 (the newest version is 1.26.2)");
    expect(json.not_audited).toEqual([]);
  }, 90_000);

  it("proves a fix by resolving again and reports the diff", async () => {
    const r = await audit([file("flask.txt", "flask<1\n"), "--index-url", `${index.url}/snapshot-2020/simple`, "--format", "json"]);
    const json = JSON.parse(r.stdout) as AuditJson;
    // flask 0.12.5 allows any jinja2>=2.4: the only release at or above the fix (2.11.3) on the 2020 index is 3.0.0a1.
    expect(json.fixes.find((f) => f.name === "jinja2")).toEqual({
      name: "jinja2",
      requirement: "jinja2>=2.11.3",
      to: "3.0.0a1",
      diff: { added: [], removed: [], upgraded: [{ name: "jinja2", from: "2.11.2", to: "3.0.0a1" }], downgraded: [] },
    });
    // No fixed flask 0.x exists: its fix is blocked by the user's own flask<1.
    const flask = json.fixes.find((f) => f.name === "flask");
    expect(flask && "blocked_by" in flask ? flask.blocked_by : "").toContain("you require flask<1 and flask>=");
  }, 90_000);

  it("exits 0 when nothing is vulnerable and says how many packages it looked at", async () => {
    const r = await audit([file("clean.txt", "pinned-lib\n"), "--index-url", `${index.url}/scenarios/yanked/simple`]);
    expect(r.stdout).toBe("No known vulnerabilities found in 1 packages.\n");
    expect(r.status).toBe(0);
  });

  it("exits 2 with the explanation when the input has no resolution, and for usage errors", async () => {
    const unsat = await audit([file("unsat.txt", "jinja2<2\njinja2>3\n"), "--index-url", `${index.url}/snapshot-2020/simple`]);
    expect(unsat.status).toBe(2);
    expect(unsat.stderr).toContain("the input has no resolution, so there is nothing to audit");
    const usage = await audit(["--format", "xml", file("x.txt", "six\n")]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--format must be one of text, json (got "xml")');
    expect((await audit([])).stderr).toContain("missing FILE to audit");
  });
});

describe("tangle audit on a lock file", () => {
  const LOCKS = fileURLToPath(new URL("../formats/lock/fixtures/", import.meta.url));
  const PROJECT = fileURLToPath(new URL("../../e2e/fixtures/lock-project/", import.meta.url));
  const ids = (json: AuditJson) => json.vulnerabilities.map((v) => `${v.name} ${v.version} ${v.id}`).sort();

  it("audits the pins of pip's real --report as they are, without resolving: the same advisories as resolving the requirements it was made from", async () => {
    // report.json is pip 23.2.1's --report for 'flask==1.1.2' 'requests[socks]<2.25' against the snapshot (manifest.json).
    const lock = await audit([join(LOCKS, "pip-report-snapshot/report.json"), "--index-url", `${index.url}/snapshot-2020/simple`, "--format", "json"]);
    expect(lock.status).toBe(1);
    const fromLock = JSON.parse(lock.stdout) as AuditJson;
    expect(fromLock.fixes).toEqual([]);
    expect(lock.stderr).toContain("fixes are not proven (there is no project to resolve again)");
    const resolved = await audit([file("report-input.txt", "flask==1.1.2\nrequests[socks]<2.25\n"), "--index-url", `${index.url}/snapshot-2020/simple`, "--format", "json", "--no-fix"]);
    expect(ids(fromLock)).toEqual(ids(JSON.parse(resolved.stdout) as AuditJson));
    expect(ids(fromLock)).toContain("jinja2 2.11.2 PYSEC-2021-66");
  });

  it("audits a poetry.lock's own (old) versions, not today's resolution, and proves fixes against the pyproject.toml beside it", async () => {
    const copy = join(dir, "lock-project");
    cpSync(PROJECT, copy, { recursive: true });
    const r = await audit([join(copy, "poetry.lock"), "--index-url", `${index.url}/snapshot-2020/simple`, "--format", "json"]);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as AuditJson;
    // The lock pins requests 2.19.1 and urllib3 1.23; resolving the project today would pick newer ones.
    expect(ids(json)).toEqual(expect.arrayContaining([expect.stringMatching(/^requests 2\.19\.1 /), expect.stringMatching(/^urllib3 1\.23 /)]));
    expect(json.fixes.length).toBeGreaterThan(0);
    expect(json.fixes.map((f) => f.name)).toContain("requests");
  });

  it("a lock that cannot be read is a usage error naming the file", async () => {
    const r = await audit([file("poetry.lock", "[[package]\n"), "--index-url", `${index.url}/snapshot-2020/simple`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tangle audit: /);
  });
});
