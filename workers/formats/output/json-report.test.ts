// Tests of the JSON report's fields for results other than a plain resolution: the ways-out search cut short, the chosen file without a request.
import { describe, expect, it } from "vitest";
import type { Resolution } from "../../api";
import { formatJsonReport } from "./json-report";
import { handmadeFile, handmadeRequest, handmadeResolution } from "./test-support/handmade-resolution";
import { resolvedPackage } from "../../../test-support/resolved-package";

function unsatisfiable(waysOutIncomplete: boolean | undefined): Resolution {
  return {
    status: "unsatisfiable",
    explanation: "Because a depends on b>=2 and b<2 is required, a cannot be used.",
    graph: { nodes: [], edges: [] },
    suggestions: [{ title: "Remove b<2", edit: { kind: "remove-requirement", line: 2, from: "b<2" } }],
    warnings: [],
    diagnostics: [],
    stats: { wallMs: 1, solveMs: 1, requests: 0, bytes: 0, cacheHits: 0, decisions: 0, conflicts: 0 },
    resolvedAt: "2020-12-01T00:00:00.000Z",
    ...(waysOutIncomplete === undefined ? {} : { waysOutIncomplete }),
  };
}

describe("formatJsonReport", () => {
  it("says when the ways-out search was cut short, and says so as false when it ran to the end", () => {
    expect(formatJsonReport(unsatisfiable(true), handmadeRequest())).toMatchObject({ status: "unsatisfiable", suggestions: ["Remove b<2"], waysOutIncomplete: true });
    expect(formatJsonReport(unsatisfiable(false), handmadeRequest()).waysOutIncomplete).toBe(false);
    expect(formatJsonReport(unsatisfiable(undefined), handmadeRequest()).waysOutIncomplete).toBe(false);
    expect(formatJsonReport(handmadeResolution([]), handmadeRequest())).not.toHaveProperty("waysOutIncomplete");
  });

  it("names one file per package for the request's target, and none without a request to know the target by", () => {
    const files = [handmadeFile("lib-1.0.tar.gz", { hashes: { sha256: "ab".repeat(32) } }), handmadeFile("lib-1.0-py3-none-any.whl", { hashes: { sha256: "cd".repeat(32) } })];
    const resolution = handmadeResolution([resolvedPackage("lib", "1.0", { files })]);
    expect(formatJsonReport(resolution, handmadeRequest()).packages[0].file).toEqual({
      filename: "lib-1.0-py3-none-any.whl",
      url: "https://files.example.org/packages/lib-1.0-py3-none-any.whl",
      hashes: { sha256: "cd".repeat(32) },
    });
    expect(formatJsonReport(resolution).packages[0].file).toBeNull();
  });
});
