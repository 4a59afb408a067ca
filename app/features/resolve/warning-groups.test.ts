// Tests of grouping warnings by project.
import { describe, expect, it } from "vitest";
import { groupWarnings } from "./warning-groups";

describe("groupWarnings", () => {
  it("folds warnings about one project together, in first-seen order, and keeps unnamed ones apart", () => {
    const groups = groupWarnings(["pyzmq: a", "six: b", "pyzmq: c", "the index answered slowly"]);
    expect(groups).toEqual([
      { project: "pyzmq", items: ["a", "c"] },
      { project: "six", items: ["b"] },
      { project: null, items: ["the index answered slowly"] },
    ]);
  });
});
