import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { visibleNodes } from "./graph-filter";

const children = new Map<string, string[]>([
  ["<root>", ["a", "x"]],
  ["a", ["b", "c"]],
  ["b", ["d"]],
  ["c", []],
  ["d", []],
  ["x", ["d"]],
]);

describe("visibleNodes", () => {
  it("shows everything with no filter", () => {
    expect([...visibleNodes(children, [], null).visible].sort()).toEqual(["<root>", "a", "b", "c", "d", "x"]);
  });

  it("folding a node hides what only it leads to, and counts its hidden children", () => {
    const v = visibleNodes(children, ["a"], null);
    expect([...v.visible].sort()).toEqual(["<root>", "a", "d", "x"]);
    expect(v.hiddenChildren.get("a")).toBe(2);
  });

  it("keeps a package reachable through another path", () => {
    const v = visibleNodes(children, ["b"], null);
    expect(v.visible.has("d")).toBe(true);
    expect(v.hiddenChildren.has("b")).toBe(false);
  });

  it("limits depth", () => {
    const v = visibleNodes(children, [], 1);
    expect([...v.visible].sort()).toEqual(["<root>", "a", "x"]);
    expect(v.hiddenChildren.get("a")).toBe(2);
    expect(v.hiddenChildren.get("x")).toBe(1);
  });

  it("never shows more with a smaller depth limit, and always shows the root", () => {
    const graph = fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 8 })), { maxLength: 30 });
    fc.assert(
      fc.property(graph, fc.integer({ min: 0, max: 5 }), (pairs, depth) => {
        const ch = new Map<string, string[]>();
        for (const [from, to] of pairs) {
          const f = from === 0 ? "<root>" : `p${from}`;
          ch.set(f, [...(ch.get(f) ?? []), `p${to}`]);
        }
        const smaller = visibleNodes(ch, [], depth).visible;
        const larger = visibleNodes(ch, [], depth + 1).visible;
        expect(smaller.has("<root>")).toBe(true);
        for (const id of smaller) expect(larger.has(id)).toBe(true);
      }),
    );
  });
});
