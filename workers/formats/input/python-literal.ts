// Evaluates Python literal expressions from tokens (strings, lists, tuples, dicts, names bound to literals, `+`), never running code.
import { appendAll } from "./append-all";
import type { PyToken } from "./python-tokenizer";

export type PyValue =
  | { kind: "str"; value: string; chars: number[]; start: number }
  | { kind: "list" | "tuple" | "set"; items: PyValue[]; start: number }
  | { kind: "dict"; entries: { key: PyValue; value: PyValue }[]; start: number }
  | { kind: "const"; value: string; start: number }
  /** An element of a list, tuple or dict that is not a literal; the rest of the container still is. */
  | { kind: "computed"; reason: string; start: number; tokens: PyToken[] };

/** Why an expression has no static value, where, and the tokens involved (to look for file names in them). */
export interface Computed {
  ok: false;
  reason: string;
  offset: number;
  tokens: PyToken[];
}

export type Binding = { ok: true; value: PyValue } | Computed;

export type Env = Map<string, Binding>;

const STRING_METHODS = new Set(["split", "splitlines", "strip", "rstrip", "lstrip"]);

class Stop {
  constructor(readonly computed: Computed) {}
}

/** Parses the whole token slice as one expression. */
class Evaluator {
  private i = 0;

  constructor(
    private readonly tokens: PyToken[],
    private readonly env: Env,
  ) {}

  private peek(offset = 0): PyToken | undefined {
    return this.tokens[this.i + offset];
  }

  private isOp(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.type === "op" && t.value === value;
  }

  private stop(reason: string, token: PyToken | undefined): never {
    throw new Stop({ ok: false, reason, offset: token?.start ?? this.tokens[0]?.start ?? 0, tokens: this.tokens });
  }

  run(): Binding {
    try {
      if (this.tokens.length === 0) return { ok: false, reason: "an empty expression", offset: 0, tokens: [] };
      const value = this.expression();
      if (this.i < this.tokens.length) this.unsupported(this.peek());
      return { ok: true, value };
    } catch (error) {
      if (error instanceof Stop) return error.computed;
      throw error;
    }
  }

  private unsupported(token: PyToken | undefined): never {
    if (token?.type === "name" && token.value === "if") this.stop("a conditional expression", token);
    if (token?.type === "name" && (token.value === "for" || token.value === "async")) this.stop("a comprehension", token);
    if (token?.type === "name" && (token.value === "and" || token.value === "or" || token.value === "not")) {
      this.stop(`a boolean expression (${token.value})`, token);
    }
    this.stop(`an expression using "${token?.raw ?? "?"}"`, token);
  }

  /** `a + b + ...`: the operands are read first and joined once, so a long chain costs its length, not its square. */
  private expression(): PyValue {
    const operands = [this.postfix()];
    const pluses: PyToken[] = [];
    while (this.isOp("+")) {
      pluses.push(this.peek() as PyToken);
      this.i++;
      operands.push(this.postfix());
    }
    if (operands.length === 1) return operands[0];
    const first = operands[0];
    for (let k = 1; k < operands.length; k++) {
      if (!sameKind(first, operands[k])) this.stop(`"+" between ${describe(operands[k - 1])} and ${describe(operands[k])}`, pluses[k - 1]);
    }
    return concatenate(operands);
  }

  private postfix(): PyValue {
    let value = this.atom();
    for (;;) {
      if (this.isOp(".")) {
        const name = this.peek(1);
        if (name?.type === "name" && this.isOp("(", 2) && value.kind === "str" && STRING_METHODS.has(name.value)) {
          this.i += 3;
          const args = this.callArguments();
          value = stringMethod(value, name.value, args) ?? this.stop(`a call to .${name.value}() with these arguments`, name);
          continue;
        }
        this.stop(name?.type === "name" && this.isOp("(", 2) ? `a call to .${name.value}()` : `an attribute (.${name?.raw ?? ""})`, name);
      }
      if (this.isOp("(")) this.stop(`a call to ${this.calleeText()}()`, this.tokens[Math.max(0, this.i - 1)]);
      if (this.isOp("[")) {
        const bracket = this.peek();
        this.i++;
        const key = this.expression();
        if (!this.isOp("]")) this.stop("a slice", bracket);
        this.i++;
        value = subscript(value, key) ?? this.stop("an index or slice", bracket);
        continue;
      }
      return value;
    }
  }

  private calleeText(): string {
    const previous = this.tokens[this.i - 1];
    return previous?.type === "name" ? previous.value : "a function";
  }

  private callArguments(): PyValue[] {
    const args: PyValue[] = [];
    while (!this.isOp(")")) {
      if (this.peek() === undefined) this.stop("an unclosed call", this.tokens[this.tokens.length - 1]);
      args.push(this.expression());
      if (this.isOp(",")) this.i++;
      else if (!this.isOp(")")) this.unsupported(this.peek());
    }
    this.i++;
    return args;
  }

  private atom(): PyValue {
    const token = this.peek();
    if (token === undefined) this.stop("an incomplete expression", this.tokens[this.tokens.length - 1]);
    if (token.type === "string") return this.strings();
    if (token.type === "number") {
      this.i++;
      return { kind: "const", value: token.value, start: token.start };
    }
    if (token.type === "name") {
      this.i++;
      if (token.value === "True" || token.value === "False" || token.value === "None") return { kind: "const", value: token.value, start: token.start };
      if (token.value === "lambda") this.stop("a lambda", token);
      if (this.isOp("(")) this.stop(`a call to ${token.value}()`, token);
      const bound = this.env.get(token.value);
      if (bound === undefined) this.stop(`"${token.value}", which is not a literal assigned in this file`, token);
      if (!bound.ok) throw new Stop({ ...bound, reason: `"${token.value}", which is ${bound.reason}` });
      return bound.value;
    }
    if (token.type === "op") {
      if (token.value === "(") return this.sequence("(", ")", "tuple");
      if (token.value === "[") return this.sequence("[", "]", "list");
      if (token.value === "{") return this.braces();
      if (token.value === "-" || token.value === "+") {
        const next = this.peek(1);
        if (next?.type === "number") {
          this.i += 2;
          return { kind: "const", value: token.value + next.value, start: token.start };
        }
      }
    }
    this.unsupported(token);
  }

  /** One element of a container: a literal, or (when it is not one) a "computed" placeholder, skipping to the next comma. */
  private element(close: string): PyValue {
    const start = this.i;
    let depth = 0;
    for (let k = this.i; k < this.tokens.length; k++) {
      const t = this.tokens[k];
      if (t.type === "op" && "([{".includes(t.value)) depth++;
      else if (t.type === "op" && ")]}".includes(t.value)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && t.type === "op" && t.value === ",") break;
      else if (depth === 0 && t.type === "name" && (t.value === "for" || t.value === "async")) this.stop("a comprehension", t);
    }
    try {
      const value = this.expression();
      if (this.isOp(",") || this.isOp(close)) return value;
      this.unsupported(this.peek());
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      depth = 0;
      this.i = start;
      while (this.i < this.tokens.length) {
        const t = this.tokens[this.i];
        if (t.type === "op" && "([{".includes(t.value)) depth++;
        else if (t.type === "op" && ")]}".includes(t.value)) {
          if (depth === 0) break;
          depth--;
        } else if (t.type === "op" && t.value === "," && depth === 0) break;
        this.i++;
      }
      const tokens = this.tokens.slice(start, this.i);
      return { kind: "computed", reason: error.computed.reason, start: error.computed.offset, tokens };
    }
  }

  private strings(): PyValue {
    const first = this.peek();
    let value = "";
    const chars: number[] = [];
    while (this.peek()?.type === "string") {
      const t = this.peek() as PyToken;
      if (t.prefix?.includes("f")) this.stop("an f-string", t);
      if (t.prefix?.includes("b")) this.stop("a bytes literal", t);
      const c = t.chars ?? [];
      value += t.value;
      appendAll(chars, c.slice(0, t.value.length));
      this.i++;
      if (this.peek()?.type !== "string") chars.push(c[c.length - 1] ?? t.end);
    }
    return { kind: "str", value, chars, start: first?.start ?? 0 };
  }

  private sequence(open: string, close: string, kind: "tuple" | "list"): PyValue {
    const start = this.peek()?.start ?? 0;
    this.i++;
    const items: PyValue[] = [];
    let sawComma = false;
    while (!this.isOp(close)) {
      if (this.peek() === undefined) this.stop(`an unclosed "${open}"`, this.tokens[this.tokens.length - 1]);
      if (this.isOp("*")) {
        const star = this.peek();
        this.i++;
        const spread = this.expression();
        if (spread.kind !== "list" && spread.kind !== "tuple") this.stop(`unpacking ${describe(spread)}`, star);
        appendAll(items, spread.items);
      } else items.push(this.element(close));
      if (this.isOp(",")) {
        sawComma = true;
        this.i++;
      } else if (!this.isOp(close)) this.unsupported(this.peek());
    }
    this.i++;
    if (kind === "tuple" && items.length === 1 && !sawComma) return items[0];
    return { kind, items, start };
  }

  private braces(): PyValue {
    const start = this.peek()?.start ?? 0;
    this.i++;
    const entries: { key: PyValue; value: PyValue }[] = [];
    const items: PyValue[] = [];
    while (!this.isOp("}")) {
      if (this.peek() === undefined) this.stop('an unclosed "{"', this.tokens[this.tokens.length - 1]);
      if (this.isOp("**")) {
        const star = this.peek();
        this.i++;
        const spread = this.expression();
        if (spread.kind !== "dict") this.stop(`unpacking ${describe(spread)} into a dict`, star);
        appendAll(entries, spread.entries);
      } else {
        const key = this.expression();
        if (this.isOp(":")) {
          this.i++;
          entries.push({ key, value: this.element("}") });
        } else items.push(key);
      }
      if (this.isOp(",")) this.i++;
      else if (!this.isOp("}")) this.unsupported(this.peek());
    }
    this.i++;
    if (items.length > 0 && entries.length === 0) return { kind: "set", items, start };
    return { kind: "dict", entries, start };
  }
}

function describe(value: PyValue): string {
  switch (value.kind) {
    case "str":
      return "a string";
    case "list":
      return "a list";
    case "tuple":
      return "a tuple";
    case "set":
      return "a set";
    case "dict":
      return "a dict";
    case "computed":
      return `a computed value (${value.reason})`;
    default:
      return value.value;
  }
}

/** `value[key]` for a literal dict with a string key or a literal sequence with an integer index. */
function subscript(value: PyValue, key: PyValue): PyValue | null {
  if (value.kind === "dict" && key.kind === "str") {
    const found = [...value.entries].reverse().find((e) => e.key.kind === "str" && e.key.value === key.value);
    return found?.value ?? null;
  }
  if ((value.kind === "list" || value.kind === "tuple") && key.kind === "const" && /^-?\d+$/.test(key.value)) {
    const index = Number(key.value);
    return value.items[index < 0 ? value.items.length + index : index] ?? null;
  }
  return null;
}

/** Whether `+` joins two values: two strings, two lists or two tuples. */
function sameKind(left: PyValue, right: PyValue): boolean {
  return (left.kind === "str" || left.kind === "list" || left.kind === "tuple") && left.kind === right.kind;
}

/** Joins operands of one kind (checked by sameKind), keeping each string character's source offset. */
export function concatenate(operands: PyValue[]): PyValue {
  const first = operands[0];
  if (first.kind === "str") {
    let value = "";
    const chars: number[] = [];
    operands.forEach((operand, k) => {
      if (operand.kind !== "str") return;
      value += operand.value;
      const own = k === operands.length - 1 ? operand.chars.length : operand.value.length;
      for (let c = 0; c < own; c++) chars.push(operand.chars[c]);
    });
    return { kind: "str", value, chars, start: first.start };
  }
  const items: PyValue[] = [];
  for (const operand of operands) if (operand.kind === "list" || operand.kind === "tuple") appendAll(items, operand.items);
  return { kind: first.kind === "tuple" ? "tuple" : "list", items, start: first.start };
}

/** A substring of a string value, keeping the offset map. */
export function slice(value: Extract<PyValue, { kind: "str" }>, from: number, to: number): Extract<PyValue, { kind: "str" }> {
  const chars = value.chars.slice(from, to);
  chars.push(value.chars[to] ?? value.chars[value.chars.length - 1] ?? value.start);
  return { kind: "str", value: value.value.slice(from, to), chars, start: value.chars[from] ?? value.start };
}

/** Python's str.split()/splitlines()/strip() family on a literal. */
function stringMethod(value: Extract<PyValue, { kind: "str" }>, method: string, args: PyValue[]): PyValue | null {
  if (args.some((a) => a.kind !== "str" && !(a.kind === "const" && a.value === "None"))) return null;
  const sep = args[0]?.kind === "str" ? args[0].value : null;
  const pieces = (pattern: RegExp | string): PyValue => {
    const items: PyValue[] = [];
    let last = 0;
    const text = value.value;
    if (typeof pattern === "string") {
      let at = text.indexOf(pattern);
      while (at >= 0) {
        items.push(slice(value, last, at));
        last = at + pattern.length;
        at = text.indexOf(pattern, last);
      }
      items.push(slice(value, last, text.length));
      return { kind: "list", items, start: value.start };
    }
    for (const match of text.matchAll(pattern)) {
      if (match.index > last) items.push(slice(value, last, match.index));
      last = match.index + match[0].length;
    }
    if (last < text.length) items.push(slice(value, last, text.length));
    return { kind: "list", items, start: value.start };
  };
  if (method === "split") return sep === null ? pieces(/\s+/g) : pieces(sep);
  if (method === "splitlines") return pieces(/\r\n|\r|\n/g);
  const text = value.value;
  const strip = sep === null ? /\s/ : null;
  const isStripped = (c: string): boolean => (strip ? strip.test(c) : (sep ?? "").includes(c));
  let from = 0;
  let to = text.length;
  if (method === "strip" || method === "lstrip") while (from < to && isStripped(text[from])) from++;
  if (method === "strip" || method === "rstrip") while (to > from && isStripped(text[to - 1])) to--;
  return slice(value, from, to);
}

/** Evaluates the tokens of one expression; anything that is not a literal (or made of literals) is Computed. */
export function evaluateExpression(tokens: PyToken[], env: Env): Binding {
  return new Evaluator(tokens, env).run();
}
