// Tests for the Python literal evaluator: what counts as a literal, and how computed values are described.
import { describe, expect, it } from "vitest";
import { type Env, evaluateExpression, type PyValue } from "./python-literal";
import { tokenizePython } from "./python-tokenizer";

function evaluate(source: string, env: Env = new Map()) {
  const tokens = tokenizePython(source).tokens.filter((t) => t.type !== "newline");
  return evaluateExpression(tokens, env);
}

function plain(value: PyValue): unknown {
  switch (value.kind) {
    case "str":
      return value.value;
    case "list":
    case "tuple":
    case "set":
      return value.items.map(plain);
    case "dict":
      return Object.fromEntries(value.entries.map((e) => [String(plain(e.key)), plain(e.value)]));
    case "computed":
      return { computed: value.reason };
    default:
      return value.value;
  }
}

describe("evaluateExpression", () => {
  it("evaluates literals, implicit string concatenation, +, subscripts and str methods", () => {
    const ok = (source: string): unknown => {
      const result = evaluate(source);
      if (!result.ok) throw new Error(result.reason);
      return plain(result.value);
    };
    expect(ok("['a', \"b\" 'c', ('d',), {'k': [1, True, None]}]")).toEqual(["a", "bc", ["d"], { k: ["1", "True", "None"] }]);
    expect(ok("['a'] + ['b'] + [*('c', 'd')]")).toEqual(["a", "b", "c", "d"]);
    expect(ok("{'x': ['a'], **{'y': ['b']}}['y']")).toEqual(["b"]);
    expect(ok("('a')")).toBe("a");
    expect(ok("'  x y '.strip().split(' ')")).toEqual(["x", "y"]);
    expect(ok("'a\\nb'.splitlines()")).toEqual(["a", "b"]);
  });

  it("looks names up in the environment", () => {
    const base = evaluate("['six']");
    const env: Env = new Map([["BASE", base]]);
    const result = evaluate("BASE + ['idna']", env);
    expect(result.ok && plain(result.value)).toEqual(["six", "idna"]);
  });

  it("describes what is not a literal, at the right token", () => {
    const cases: [string, string, number][] = [
      ["read('x.txt')", "a call to read()", 0],
      ["open('r.txt').read().splitlines()", "a call to open()", 0],
      ["[l for l in x]", "a comprehension", 3],
      ["a if b else c", '"a", which is not a literal assigned in this file', 0],
      ["'x' * 2", 'an expression using "*"', 4],
      ["os.environ", '"os", which is not a literal assigned in this file', 0],
      ["f'{x}'", "an f-string", 0],
    ];
    for (const [source, reason, offset] of cases) {
      const result = evaluate(source);
      expect(result.ok, source).toBe(false);
      if (!result.ok) expect([result.reason, result.offset], source).toEqual([reason, offset]);
    }
  });

  it("keeps the literal items of a list next to a computed one", () => {
    const result = evaluate("['a', get_b(), 'c']");
    expect(result.ok && plain(result.value)).toEqual(["a", { computed: "a call to get_b()" }, "c"]);
  });
});
