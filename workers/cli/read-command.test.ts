import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseRequirement } from "../packaging/requirement";
import { canonicalizeName } from "../packaging/names";
import { type ReadReport, runRead } from "./read-command";

const REAL = fileURLToPath(new URL("../formats/input/fixtures/real/", import.meta.url));

interface Golden {
  entry: string;
  tool: string;
  requirements: { requirement: string; from: string }[];
  constraints: { requirement: string; from: string }[];
}

/** A requirement as a comparable key: canonical name, sorted extras, specifier and marker as packaging prints them. */
function key(text: string, from: string): string {
  const r = parseRequirement(text);
  const extras = [...r.extras].map(canonicalizeName).sort().join(",");
  return `${from} ${canonicalizeName(r.name)}[${extras}]${r.specifier.toString()}${r.url ? ` @ ${r.url}` : ""}${r.marker ? ` ; ${r.marker.toString()}` : ""}`;
}

function run(args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const status = runRead(args, { stdin: () => "", stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

const golden = JSON.parse(readFileSync(join(REAL, "reference.json"), "utf8")) as Record<string, Golden>;

describe("tangle read on real projects reads what their own tools read (scripts/reference/read-reference.py)", () => {
  for (const [project, expected] of Object.entries(golden)) {
    it(`${project}: the same requirements and constraints as ${expected.tool}`, () => {
      const { status, stdout } = run([join(REAL, project, expected.entry), "--format", "json"]);
      const report = JSON.parse(stdout) as ReadReport;
      expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(status).toBe(0);
      const ours = new Set(report.requirements.map((r) => key(r.requirement, r.from)));
      const theirs = new Set(expected.requirements.map((r) => key(r.requirement, r.from)));
      expect([...ours].sort()).toEqual([...theirs].sort());
      expect(new Set(report.constraints.map((r) => key(r.requirement, r.from)))).toEqual(new Set(expected.constraints.map((r) => key(r.requirement, r.from))));
    });
  }
});

describe("tangle read", () => {
  it("prints issue 9's JSON: each requirement with where it is from, in which file, at which line and column", () => {
    const entry = join(REAL, "req-warehouse-top", "requirements.txt");
    const report = JSON.parse(run([entry, "--format", "json"]).stdout) as ReadReport;
    expect(Object.keys(report)).toEqual(["format", "requiresPython", "requirements", "constraints", "diagnostics"]);
    expect(report.format).toBe("requirements.txt");
    expect(report.requirements).toHaveLength(215);
    const alembic = report.requirements.find((r) => r.requirement.startsWith("alembic=="));
    expect(alembic).toMatchObject({ from: "main", file: join(REAL, "req-warehouse-top", "requirements/main.txt") });
    expect(Object.keys(alembic ?? {})).toEqual(["requirement", "from", "file", "line", "column"]);
    const line = readFileSync(join(REAL, "req-warehouse-top", "requirements/main.txt"), "utf8").split("\n")[(alembic?.line ?? 0) - 1];
    expect(line.slice((alembic?.column ?? 1) - 1)).toMatch(/^alembic==/);
  });

  it("without --extra/--group lists every extra and group; with them, only those", () => {
    const entry = join(REAL, "poetry-rich", "pyproject.toml");
    const all = JSON.parse(run([entry, "--format", "json"]).stdout) as ReadReport;
    expect(new Set(all.requirements.map((r) => r.from))).toEqual(new Set(["main", "extra:jupyter", "group:dev"]));
    const some = JSON.parse(run([entry, "--format", "json", "--extra", "jupyter"]).stdout) as ReadReport;
    expect(new Set(some.requirements.map((r) => r.from))).toEqual(new Set(["main", "extra:jupyter"]));
    const groups = JSON.parse(run([entry, "--format", "json", "--all-groups"]).stdout) as ReadReport;
    expect(new Set(groups.requirements.map((r) => r.from))).toEqual(new Set(["main", "group:dev"]));
  });

  it("a referenced file that cannot be read is an error at the line that names it, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "tangle-read-"));
    writeFileSync(join(dir, "requirements.txt"), "requests\n-r base.txt\n");
    writeFileSync(join(dir, "base.txt"), "flask\n-c missing/constraints.txt\n");
    const { status, stdout, stderr } = run([join(dir, "requirements.txt")]);
    expect(status).toBe(2);
    expect(stdout).toContain("flask");
    expect(stderr).toBe(
      "error: base.txt, line 2, column 4: -c missing/constraints.txt: cannot read the constraints file missing/constraints.txt (no such file)\n",
    );
  });

  it("a URL include is reported, not fetched, and is no error", () => {
    const dir = mkdtempSync(join(tmpdir(), "tangle-read-"));
    writeFileSync(join(dir, "requirements.txt"), "requests\n-r https://example.com/base.txt\n");
    const { status, stderr } = run([join(dir, "requirements.txt")]);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^warning: line 2, column 4: -r https:\/\/example.com\/base.txt not followed: Tangle does not download/);
  });

  it("a missing FILE or a bad flag is a usage error", () => {
    expect(run([]).status).toBe(2);
    expect(run(["/nonexistent/requirements.txt"]).stderr).toBe("tangle: cannot read /nonexistent/requirements.txt: no such file\n");
    expect(run(["x", "--format", "yaml"]).status).toBe(2);
  });
});
