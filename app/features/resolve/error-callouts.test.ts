// Tests of the title and advice shown for each kind of failed run.
import { describe, expect, it } from "vitest";
import { errorCallout } from "./error-callouts";

describe("errorCallout", () => {
  it("names a run that ran out of its budget for what it is, and says how to narrow the search or raise the budget", () => {
    const { title, advice } = errorCallout("too-complex");
    expect(title).toBe("Too many combinations: the resolver gave up before finding an answer");
    expect(advice).toMatch(/lower bound or a pin/);
    expect(advice).toMatch(/"Constraints and overrides"/);
    expect(advice).toMatch(/--max-decisions \d+ --max-seconds \d+/);
  });

  it("gives every other kind a title of its own, none the generic one", () => {
    const kinds = ["input", "index-broken", "internal", "cancelled", "too-complex"] as const;
    const titles = kinds.map((k) => errorCallout(k).title);
    expect(new Set(titles).size).toBe(kinds.length);
    for (const title of titles) expect(title).not.toBe("Resolution failed");
  });
});
