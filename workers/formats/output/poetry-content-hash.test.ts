// Poetry's content-hash: recomputed from real projects' pyproject.toml it equals the hash in their poetry.lock, and hand-written ones match Python's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { poetryContentHash, pythonJsonDumps } from "./poetry-content-hash";

const LOCK_FIXTURES = join(__dirname, "../lock/fixtures");
interface Golden {
  contentHash: {
    fixtures: { fixture: string; lockVersion: string; lockHash: string; poetry2: string }[];
    handwritten: { name: string; pyproject: string; poetry2: string }[];
  };
}
const golden = JSON.parse(readFileSync(join(__dirname, "fixtures/lock-writers-golden.json"), "utf8")) as Golden;

describe("poetryContentHash", () => {
  it.each(golden.contentHash.fixtures.filter((f) => f.lockHash === f.poetry2))("reproduces the content-hash of $fixture's poetry.lock (written by Poetry 2's algorithm)", (fixture) => {
    const pyproject = readFileSync(join(LOCK_FIXTURES, fixture.fixture, "pyproject.toml"), "utf8");
    expect(poetryContentHash(pyproject)).toBe(fixture.lockHash);
  });

  it("is Poetry 2's hash on every real project, including one whose lock Poetry 1 wrote", () => {
    expect(golden.contentHash.fixtures.length).toBeGreaterThanOrEqual(3);
    for (const fixture of golden.contentHash.fixtures) {
      expect(poetryContentHash(readFileSync(join(LOCK_FIXTURES, fixture.fixture, "pyproject.toml"), "utf8"))).toBe(fixture.poetry2);
    }
  });

  it.each(golden.contentHash.handwritten)("matches Python on the hand-written $name pyproject", ({ pyproject, poetry2 }) => {
    expect(poetryContentHash(pyproject)).toBe(poetry2);
  });

  it("changes when a dependency changes and not when the description does", () => {
    const base = '[tool.poetry]\ndescription = "a"\n[tool.poetry.dependencies]\nrequests = "^2"\n';
    expect(poetryContentHash(base.replace('"a"', '"b"'))).toBe(poetryContentHash(base));
    expect(poetryContentHash(base.replace("^2", "^3"))).not.toBe(poetryContentHash(base));
  });

  it("is null for text that is not TOML", () => {
    expect(poetryContentHash("[tool.poetry\n")).toBeNull();
  });
});

describe("pythonJsonDumps", () => {
  it("writes as json.dumps(sort_keys=True) does: sorted keys, ', ' and ': ', ASCII escapes", () => {
    expect(pythonJsonDumps({ b: [1, true, null], a: "é\u0001\"\\" })).toBe('{"a": "\\u00e9\\u0001\\"\\\\", "b": [1, true, null]}');
    expect(pythonJsonDumps({ "\u{1F600}": 1, "\uFFFF": 2 })).toBe('{"\\uffff": 2, "\\ud83d\\ude00": 1}');
  });
});
