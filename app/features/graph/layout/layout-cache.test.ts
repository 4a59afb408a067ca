import { describe, it, expect } from "vitest";
import { cachedLayout, markDrawn, wasDrawnBefore } from "./layout-cache";
import { layoutKey, type LayoutRequest } from "./layout-input";
import { layeredLayout } from "../../../lib/layout/layered-layout";

function chain(n: number, kind: LayoutRequest["kind"] = "hierarchical"): LayoutRequest {
  return {
    kind,
    input: {
      nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: 60, height: 30 })),
      edges: Array.from({ length: n - 1 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}` })),
    },
  };
}

describe("cachedLayout", () => {
  // No Worker in Node: the layout runs in this thread, which is what a browser without workers gets too.
  it("computes the layout the request asks for", async () => {
    const request = chain(4);
    expect([...(await cachedLayout(layoutKey(request), request))]).toEqual([...layeredLayout(request.input)]);
    const force = chain(4, "force");
    expect([...(await cachedLayout(layoutKey(force), force))]).not.toEqual([...layeredLayout(force.input)]);
  });

  it("answers a key it remembers with the same result, and forgets all but the last two", async () => {
    const [a, b, c] = [chain(5), chain(6), chain(7)];
    const first = cachedLayout(layoutKey(a), a);
    expect(cachedLayout(layoutKey(a), a)).toBe(first);
    await first;
    void cachedLayout(layoutKey(b), b);
    void cachedLayout(layoutKey(c), c);
    expect(cachedLayout(layoutKey(a), a)).not.toBe(first);
  });

  it("tells a layout drawn before (and still remembered) from a new one", async () => {
    const request = chain(8);
    const key = layoutKey(request);
    expect(wasDrawnBefore(key)).toBe(false);
    await cachedLayout(key, request);
    expect(wasDrawnBefore(key)).toBe(false);
    markDrawn(key);
    expect(wasDrawnBefore(key)).toBe(true);
  });
});
