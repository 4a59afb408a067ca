// Golden explanations of failed resolutions, end to end through the fixture index: the words a person reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resolution, ResolveRequest } from "../api";
import type { FixtureIndex } from "../../scripts/fixture-index/server";
import { resolveRequest } from "./resolve";
import { createSnapshotSource } from "./snapshot-source";
import { request, resolveOn, startIndex } from "./test-support/fixture-resolve";

let index: FixtureIndex;
beforeAll(async () => {
  index = await startIndex();
});
afterAll(async () => {
  await index.close();
});

async function explain(prefix: string, requirements: string[], overrides: Partial<ResolveRequest> = {}): Promise<Extract<Resolution, { status: "unsatisfiable" }>> {
  const resolution = await resolveOn(index, prefix, request(requirements, overrides));
  if (resolution.status !== "unsatisfiable") throw new Error(`expected no solution, got ${resolution.status}`);
  return resolution;
}

const titles = (r: Extract<Resolution, { status: "unsatisfiable" }>) => r.suggestions.map((s) => s.title);

describe("explanations", () => {
  it("a direct conflict between two of your requirements", async () => {
    const r = await explain("scenarios/extras-conflict", ["aio<2", "aio>=2"]);
    expect(r.explanation).toBe("Because you require aio<2 and aio>=2, which exclude each other, your requirements cannot be satisfied.");
    expect(titles(r)).toEqual(["Loosen `aio<2` to `aio<=2.0.0`"]);
  });

  it("a transitive conflict between two of your requirements", async () => {
    const r = await explain("scenarios/conflict-simple", ["left", "right"]);
    // right has one version and left two: the solver decides right first (fewest versions first), and the
    // explanation follows the conflict as it found it.
    expect(r.explanation).toBe(
      [
        "Because every version of right depends on shared <2 and every version of middle depends on shared >=2, right is incompatible with middle.",
        "And because every version of left depends on middle >=1, right is incompatible with left.",
        "So, because you require both left and right, your requirements cannot be satisfied.",
      ].join("\n"),
    );
    expect(r.summary).toEqual(["These cannot all be met together: left (line 1) and right (line 2)."]);
    expect(titles(r)).toEqual(["Remove `left` (line 1)", "Remove `right` (line 2)"]);
    const edits = r.suggestions.map((s) => s.edit);
    expect(edits[0]).toEqual({ kind: "remove-requirement", line: 1, from: "left" });
  });

  it("Requires-Python, with the target named and another Python as a way out", async () => {
    const r = await explain("scenarios/requires-python", ["modern-lib>=2"]);
    expect(r.explanation).toBe(
      [
        "Because modern-lib >=2.0.0 requires Python >=3.12, but the target Python 3.11 (CPython 3.11 on Linux x86_64 with glibc 2.28) does not satisfy >=3.12, modern-lib >=2.0.0 is forbidden.",
        "So, because you require modern-lib>=2, your requirements cannot be satisfied.",
      ].join("\n"),
    );
    expect(r.summary).toEqual(["No matching distribution for `modern-lib>=2` (line 1): every version of modern-lib that matches >=2 requires another Python (>=3.12; the target is 3.11)."]);
    expect(titles(r)).toEqual(["Loosen `modern-lib>=2` to `modern-lib>=1.5.0`", "Target Python 3.12 instead of 3.11"]);
  });

  it("a project that does not exist names the index", async () => {
    const r = await explain("scenarios/conflict-simple", ["no-such-project>=1"]);
    expect(r.explanation).toBe(
      `Because you require no-such-project >=1, but no-such-project does not exist on ${index.url}/scenarios/conflict-simple/simple/, your requirements cannot be satisfied.`,
    );
    expect(r.summary).toEqual([`No matching distribution for \`no-such-project>=1\` (line 1): no-such-project does not exist on ${index.url}/scenarios/conflict-simple/simple/.`]);
  });

  it("only yanked versions match", async () => {
    const r = await explain("scenarios/yanked", ["pinned-lib>=2"]);
    expect(r.explanation).toBe(
      "Because you require pinned-lib >=2, but only yanked versions of pinned-lib match >=2 (2.0.0 and 2.1.0; yanked: broken build, use 1.0.0) and a yanked version is only chosen when pinned with ==, your requirements cannot be satisfied.",
    );
    expect(titles(r)).toEqual(["Loosen `pinned-lib>=2` to `pinned-lib>=1.0.0`"]);
  });

  it("only pre-releases match when pre-releases are disallowed", async () => {
    const r = await explain("scenarios/prereleases", ["beta-lib>=1.5"], { prerelease: "disallow" });
    expect(r.explanation).toBe(
      "Because you require beta-lib >=1.5, but only pre-releases of beta-lib match >=1.5 (2.0.0a1, 2.0.0b2 and 2.0.0rc1) and pre-releases are disallowed, your requirements cannot be satisfied.",
    );
  });

  it("two extras of one project that conflict", async () => {
    const r = await explain("scenarios/extras-conflict", ["tool[old,new]"]);
    expect(r.explanation).toBe(
      [
        "Because every version of tool[new] depends on backend >=2 and every version of tool[old] depends on backend <2, tool[new] is incompatible with tool[old].",
        "So, because you require both tool[new] and tool[old], your requirements cannot be satisfied.",
      ].join("\n"),
    );
  });

  it("an extra's dependency against your own requirement", async () => {
    const r = await explain("scenarios/extras-conflict", ["web[async]", "aio<2"]);
    expect(r.explanation).toBe(["Because you require web[async] which depends on aio >=2, aio >=2 is required.", "So, because you require aio<2, your requirements cannot be satisfied."].join("\n"));
  });

  it("a deep chain that fails at the bottom", async () => {
    const r = await explain("scenarios/deep-backjump", ["chain-a>=2", "chain-e<2"]);
    expect(r.explanation).toBe(
      [
        "Because chain-a >=2.0.0 depends on chain-b >=2 which depends on chain-c >=2, chain-a >=2.0.0 requires chain-c >=2.",
        "And because chain-c >=2.0.0 depends on chain-d >=2 which depends on chain-e >=2, chain-a >=2.0.0 requires chain-e >=2.",
        "So, because you require both chain-a >=2 and chain-e <2, your requirements cannot be satisfied.",
      ].join("\n"),
    );
    expect(titles(r)).toEqual(["Loosen `chain-a>=2` to `chain-a>=1.0.0`", "Loosen `chain-e<2` to `chain-e<=2.0.0`"]);
  });

  it("packse local-transitive-conflicting: local versions are named exactly, never as a range", async () => {
    const r = await explain("scenarios/local-versions", ["a", "b==2.0.0+foo"]);
    expect(r.explanation).toBe(
      ["Because you require a which depends on b 2.0.0+bar, b 2.0.0+bar is required.", "So, because you require b==2.0.0+foo, your requirements cannot be satisfied."].join("\n"),
    );
    expect(titles(r)).toEqual(["Change `b==2.0.0+foo` to `b==2.0.0+bar`", "Remove `a` (line 1)"]);
  });

  it("every misspelt or missing requirement at once, each with did-you-mean from the index's project list", async () => {
    const r = await explain("scenarios/conflict-simple", ["lefty", "rigth>=1", "right"]);
    const where = `${index.url}/scenarios/conflict-simple/simple/`;
    expect(r.summary).toEqual([
      `No matching distribution for \`lefty\` (line 1): lefty does not exist on ${where} (did you mean left?).`,
      `No matching distribution for \`rigth>=1\` (line 2): rigth does not exist on ${where} (did you mean right?).`,
    ]);
  });

  it("the offline snapshot says what it did not record, once per project, up front", async () => {
    const r = await explain("snapshot-2020", ["celery", "msgpack", "six"]);
    expect(r.summary).toEqual([
      "No matching distribution for `celery` (line 1): celery is not recorded in this offline snapshot.",
      "No matching distribution for `msgpack` (line 2): msgpack is not recorded in this offline snapshot.",
    ]);
    expect(r.explanation).not.toMatch(/no releases|does not exist/);
  });

  it("a what-if pin is named where it narrows, in the chain that asked, and taking it back comes first", async () => {
    const r = await explain("scenarios/conflict-simple", ["left"], { pins: { shared: "<2" } });
    expect(r.summary).toEqual([
      "No matching distribution for `shared>=2` with your what-if pin `shared<2`: the requirement and your what-if pin shared<2 exclude each other. You need it through `left` (line 1) → `middle>=1` → `shared>=2` with your what-if pin `shared<2` (every usable version along the way asks for the next).",
    ]);
    expect(r.explanation).toContain("(narrowed by your what-if pin shared<2)");
    expect(titles(r)[0]).toBe("Remove your what-if pin `shared<2`");
  });

  it("a what-if exclusion is named as such", async () => {
    const r = await explain("scenarios/conflict-simple", ["left"], { excluded: ["middle"] });
    expect(r.explanation).toContain("your what-if exclusion of middle leaves no version of it");
    expect(titles(r)[0]).toBe("Include `middle` again (remove your what-if exclusion)");
  });

  it("draws the same tree: user requirements, dependency chains and the final conclusion", async () => {
    const r = await explain("scenarios/conflict-simple", ["left", "right"]);
    const kinds = r.graph.nodes.map((n) => n.kind);
    expect(kinds.filter((k) => k === "dependency").length).toBeGreaterThanOrEqual(4);
    expect(r.graph.nodes.filter((n) => n.isRoot)).toHaveLength(1);
    const ids = new Set(r.graph.nodes.map((n) => n.id));
    for (const e of r.graph.edges) {
      expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    }
  });
});

describe("jumps the reader can follow", () => {
  it("a derived requirement keeps the bound someone wrote, not the next version on the index", async () => {
    const source = createSnapshotSource({ r: { "1.0": { dependencies: ["q>=2.5"] } }, q: { "2.0": {}, "3.0": {} } });
    const r = await resolveRequest(request(["r", "q<2.5"]), { source, now: () => 0 });
    if (r.status !== "unsatisfiable") throw new Error(r.status);
    expect(r.explanation).toBe(["Because you require r which depends on q >=2.5, q >=2.5 is required.", "So, because you require q<2.5, your requirements cannot be satisfied."].join("\n"));
  });
});
