// Tests for `tangle resolve --format requirements|constraints|pylock|uv-lock|poetry-lock|buildout` (workers/cli.ts): output, exit statuses, and the header's command repeating the run.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../cli";
import { startIndex } from "../../resolve/test-support/fixture-resolve";
import type { FixtureIndex } from "../../../scripts/fixture-index/server";
import { parseInput } from "../input/parse-input";
import { readLock } from "../lock/read-lock";
import { EXPORT_FORMATS } from "./export-formats";

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function tangle(argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdin: () => "", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} };
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}

let index: FixtureIndex;
let work: string;
let reqs: string;

beforeAll(async () => {
  index = await startIndex();
  work = mkdtempSync(join(tmpdir(), "tangle-cli-exports-"));
  reqs = join(work, "requirements.in");
  writeFileSync(reqs, "requests[socks]\npandas\n");
}, 30_000);

afterAll(async () => {
  await index.close();
  rmSync(work, { recursive: true, force: true });
});

const snapshot = () => `${index.url}/snapshot-2020/simple`;
const base = () => ["resolve", reqs, "--python", "3.8", "--index-url", snapshot(), "--no-cache"];
const withoutTime = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<time>");

describe("tangle resolve --format <export>", () => {
  it("writes each export to --output, reading back to the same pins as the text report", async () => {
    const text = await tangle(base());
    expect(text.status).toBe(0);
    const pins = [...text.stdout.matchAll(/^([a-z0-9-]+)(?:\[[^\]]*\])?==(\S+)/gm)].map((m) => `${m[1]}==${m[2]}`).sort();
    expect(pins.length).toBe(11);
    for (const format of EXPORT_FORMATS) {
      const out = join(work, format.fileName);
      const run = await tangle([...base(), "--format", format.id, "--output", out]);
      expect(run, format.id).toEqual({ status: 0, stdout: "", stderr: "" });
      const written = readFileSync(out, "utf8");
      if (format.id === "requirements" || format.id === "constraints") {
        const read = parseInput(written, { format: "requirements.txt" }).requirements.map((r) => `${r.name}${r.specifier}`).sort();
        expect(read, format.id).toEqual(pins);
      } else if (format.id === "buildout") {
        expect(parseInput(written, { format: "buildout.cfg" }).constraints.length).toBe(11);
      } else if (format.id === "uv-lock" || format.id === "poetry-lock") {
        const read = readLock(written, { fileName: format.fileName });
        expect(read.ok && read.graph.packages.map((p) => `${p.name}==${p.version}`).sort(), format.id).toEqual(pins);
      } else if (format.id === "pylock") {
        expect(written).toContain('[[packages]]\nname = "pysocks"\nversion = "1.7.1"\n');
      } else {
        expect((JSON.parse(written) as { packages: unknown[] }).packages.length).toBe(11);
      }
    }
  }, 60_000);

  it("writes a header whose command line, run again, gives the same file", async () => {
    const first = await tangle([...base(), "--format", "requirements"]);
    expect(first.status).toBe(0);
    const command = /^# {4}tangle (.*)$/m.exec(first.stdout)?.[1] ?? "";
    expect(command).toBe(`resolve requirements.in --python 3.8 --platform linux --arch x86_64 --index-url ${snapshot()} --format requirements`);
    const argv = command.split(" ").map((word) => (word === "requirements.in" ? reqs : word));
    const again = await tangle([...argv, "--no-cache"]);
    expect(again.status).toBe(0);
    expect(withoutTime(again.stdout)).toBe(withoutTime(first.stdout));
  }, 60_000);

  it("with no solution: the explanation on stderr, nothing written, exit 1", async () => {
    const conflict = join(work, "conflict.txt");
    writeFileSync(conflict, "left\nright\n");
    const out = join(work, "never.toml");
    const run = await tangle(["resolve", conflict, "--python", "3.11", "--index-url", `${index.url}/scenarios/conflict-simple/simple`, "--no-cache", "--format", "pylock", "--output", out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("No solution found:");
    expect(existsSync(out)).toBe(false);
    const json = await tangle(["resolve", conflict, "--python", "3.11", "--index-url", `${index.url}/scenarios/conflict-simple/simple`, "--no-cache", "--format", "json"]);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as { status: string }).status).toBe("unsatisfiable");
  }, 60_000);

  it("with bad input: the error on stderr, exit 2; with the index unreachable: exit 3", async () => {
    const bad = join(work, "bad.txt");
    writeFileSync(bad, "requests[\n");
    const input = await tangle(["resolve", bad, "--python", "3.8", "--index-url", snapshot(), "--no-cache", "--format", "constraints"]);
    expect(input.status).toBe(2);
    expect(input.stdout).toBe("");
    expect(input.stderr).toMatch(/error: /);
    const unreachable = await tangle(["resolve", reqs, "--python", "3.8", "--index-url", "http://127.0.0.1:1/simple", "--no-cache", "--format", "buildout"]);
    expect(unreachable.status).toBe(3);
    expect(unreachable.stdout).toBe("");
    expect(unreachable.stderr).toMatch(/error: /);
  }, 60_000);

  it("refuses an unknown format, naming the ones it knows", async () => {
    const run = await tangle([...base(), "--format", "Pipfile.lock"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('tangle: --format must be one of text, requirements, constraints, pylock, uv-lock, poetry-lock, buildout, json (got "Pipfile.lock")\n');
  });
});
