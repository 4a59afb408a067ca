import { describe, expect, it } from "vitest";
import { InvalidMarker, parseMarker } from "../../packaging/markers";
import { InvalidRequirement, parseRequirement } from "../../packaging/requirement";
import { parseRequirementLines } from "../../requirement-lines";
import { INPUT_FORMATS } from "../../api-input-format";
import { fuzzCase, fuzzRequirement, fuzzSeeds, runCase } from "./test-support/input-fuzzer";

// Fixed so that CI reads the same inputs every run; set TANGLE_FUZZ_SEED to explore (scripts/fuzz-inputs.ts runs 10^5).
const SEED = Number(process.env.TANGLE_FUZZ_SEED ?? 20_261_204);
const CASES = 2_000;

describe(`fuzzed inputs (seed ${SEED}; rerun with TANGLE_FUZZ_SEED=${SEED})`, () => {
  it(`${CASES} mutated real files: every reading is typed, located and free of internal errors`, () => {
    const seeds = fuzzSeeds();
    const broken: string[] = [];
    const seen = new Map<string, { requirements: number; errors: number }>();
    for (let i = 0; i < CASES; i++) {
      const input = fuzzCase(seeds, SEED, i);
      const result = runCase(input);
      for (const problem of result.problems) broken.push(`case ${i} (${input.format}): ${problem}\n${input.text.slice(0, 400)}`);
      if (input.format === "requirements.txt") {
        // The editor's per-line view of the same text: one entry per physical line, numbered in order.
        const lines = parseRequirementLines(input.text);
        if (lines.some((l, k) => l.line !== k + 1) || lines.length !== input.text.split(/\r\n|\r|\n/).length) broken.push(`case ${i}: the per-line view is misnumbered`);
      }
      const stats = seen.get(input.format) ?? { requirements: 0, errors: 0 };
      stats.requirements += result.set?.requirements.length ?? 0;
      stats.errors += result.set?.diagnostics.filter((d) => d.severity === "error").length ?? 0;
      seen.set(input.format, stats);
    }
    expect(broken.slice(0, 5)).toEqual([]);
    // The mutations must reach every reader, and both keep requirements and break some: else the run proves nothing.
    for (const format of INPUT_FORMATS) {
      expect(seen.get(format)?.requirements, format).toBeGreaterThan(0);
      expect(seen.get(format)?.errors, format).toBeGreaterThan(0);
    }
  });

  it("500 mutated PEP 508 strings: the requirement and marker parsers throw only their typed syntax errors", () => {
    const untyped: string[] = [];
    let rejected = 0;
    for (let i = 0; i < 500; i++) {
      const text = fuzzRequirement(SEED, i);
      for (const parse of [parseRequirement, parseMarker]) {
        try {
          parse(text);
        } catch (error) {
          if (error instanceof InvalidRequirement || error instanceof InvalidMarker) rejected++;
          else untyped.push(`${JSON.stringify(text)}: ${String(error)}`);
        }
      }
    }
    expect(untyped).toEqual([]);
    expect(rejected).toBeGreaterThan(100);
  });
});
