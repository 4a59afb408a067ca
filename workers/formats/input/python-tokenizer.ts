// A small Python tokenizer for static reading of setup.py: names, numbers, strings (decoded, offsets kept), operators, logical lines.

export type TokenType = "name" | "number" | "string" | "op" | "newline";

export interface PyToken {
  type: TokenType;
  /** The raw text; for strings, `value` holds the decoded text. */
  raw: string;
  value: string;
  start: number;
  end: number;
  /** Strings: raw offset of every decoded UTF-16 unit, plus one for the end of the content. */
  chars?: number[];
  /** Strings: the prefix letters, lower-cased (r, b, u, f, rb...). */
  prefix?: string;
  /** Bracket depth before the token. */
  depth: number;
}

export interface TokenizeProblem {
  offset: number;
  message: string;
}

/** CPython's MAXLEVEL: brackets may nest 200 deep. */
export const MAX_NESTING = 200;

const OPERATORS = [
  "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=",
  "&=", "|=", "^=", "@=", "<<", ">>", "<>",
];
const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\", "'": "'", '"': '"', a: "\u0007", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
};

function isIdentifierStart(c: string): boolean {
  return /[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127;
}
function isIdentifierPart(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) > 127;
}

/** Tokenizes Python source; logical-line ends become "newline" tokens (not inside brackets). Never throws. */
export function tokenizePython(text: string): { tokens: PyToken[]; problems: TokenizeProblem[] } {
  const tokens: PyToken[] = [];
  const problems: TokenizeProblem[] = [];
  let depth = 0;
  let i = 0;
  const push = (token: Omit<PyToken, "depth">): void => {
    tokens.push({ ...token, depth });
  };
  const endLogicalLine = (at: number): void => {
    if (depth === 0 && tokens.length > 0 && tokens[tokens.length - 1].type !== "newline") {
      push({ type: "newline", raw: "\n", value: "\n", start: at, end: at });
    }
  };

  while (i < text.length) {
    const c = text[i];
    if (c === "\n" || c === "\r") {
      endLogicalLine(i);
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\f") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }
    if (c === "\\" && (text[i + 1] === "\n" || text[i + 1] === "\r")) {
      i += text[i + 1] === "\r" && text[i + 2] === "\n" ? 3 : 2;
      continue;
    }
    const prefixMatch = /^([rRbBuUfF]{0,2})(['"])/.exec(text.slice(i, i + 3));
    if (prefixMatch && (prefixMatch[1] === "" || isStringPrefix(prefixMatch[1]))) {
      const result = readString(text, i, prefixMatch[1].toLowerCase(), problems);
      push({ type: "string", raw: text.slice(i, result.end), value: result.value, start: i, end: result.end, chars: result.chars, prefix: prefixMatch[1].toLowerCase() });
      i = result.end;
      continue;
    }
    if (isIdentifierStart(c)) {
      const start = i;
      while (i < text.length && isIdentifierPart(text[i])) i++;
      const raw = text.slice(start, i);
      push({ type: "name", raw, value: raw, start, end: i });
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const start = i;
      while (i < text.length && /[0-9A-Za-z_.]/.test(text[i])) {
        if ((text[i] === "e" || text[i] === "E") && (text[i + 1] === "+" || text[i + 1] === "-")) i++;
        i++;
      }
      const raw = text.slice(start, i);
      push({ type: "number", raw, value: raw, start, end: i });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i)) ?? c;
    if ("([{".includes(op)) {
      if (depth >= MAX_NESTING) {
        // CPython's tokenizer stops here too (MAXLEVEL); what follows is not read, so nothing recurses deeper.
        problems.push({ offset: i, message: `too many nested parentheses (more than ${MAX_NESTING}, as CPython allows)` });
        return { tokens, problems };
      }
      push({ type: "op", raw: op, value: op, start: i, end: i + 1 });
      depth++;
    } else if (")]}".includes(op)) {
      depth = Math.max(0, depth - 1);
      push({ type: "op", raw: op, value: op, start: i, end: i + 1 });
    } else {
      push({ type: "op", raw: op, value: op, start: i, end: i + op.length });
    }
    i += op.length;
  }
  endLogicalLine(text.length);
  return { tokens, problems };
}

function isStringPrefix(prefix: string): boolean {
  const p = prefix.toLowerCase();
  return ["r", "u", "b", "f", "br", "rb", "fr", "rf"].includes(p);
}

function readString(text: string, start: number, prefix: string, problems: TokenizeProblem[]): { value: string; chars: number[]; end: number } {
  let i = start + prefix.length;
  const quote = text[i];
  const triple = text.startsWith(quote.repeat(3), i);
  const raw = prefix.includes("r");
  i += triple ? 3 : 1;
  let value = "";
  const chars: number[] = [];
  const add = (s: string, at: number): void => {
    for (let k = 0; k < s.length; k++) chars.push(at);
    value += s;
  };
  while (i < text.length) {
    const c = text[i];
    if (triple ? text.startsWith(quote.repeat(3), i) : c === quote) {
      chars.push(i);
      return { value, chars, end: i + (triple ? 3 : 1) };
    }
    if (!triple && (c === "\n" || c === "\r")) break;
    if (c === "\\") {
      const e = text[i + 1] ?? "";
      if (raw) {
        add(c + e, i);
        i += 2;
        continue;
      }
      if (e === "\n") {
        i += 2;
        continue;
      }
      if (e === "\r") {
        i += text[i + 2] === "\n" ? 3 : 2;
        continue;
      }
      if (e in SIMPLE_ESCAPES) {
        add(SIMPLE_ESCAPES[e], i);
        i += 2;
        continue;
      }
      if (e === "x" || e === "u" || e === "U") {
        const len = e === "x" ? 2 : e === "u" ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + len);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len) {
          add(String.fromCodePoint(Number.parseInt(hex, 16)), i);
          i += 2 + len;
          continue;
        }
      }
      if (/[0-7]/.test(e)) {
        const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1))?.[0] ?? e;
        add(String.fromCharCode(Number.parseInt(octal, 8)), i);
        i += 1 + octal.length;
        continue;
      }
      add(c + e, i);
      i += 2;
      continue;
    }
    add(c, i);
    i++;
  }
  problems.push({ offset: start, message: `unterminated string literal` });
  chars.push(i);
  return { value, chars, end: i };
}
