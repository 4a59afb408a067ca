// A hand-written, backtracking-free tokenizer that matches exactly what packaging's regex token rules match.
import { ParseSyntaxError } from "./parse-syntax-error";

/** packaging's token rule names (used verbatim in some error messages). */
export type TokenName =
  | "LEFT_PARENTHESIS"
  | "RIGHT_PARENTHESIS"
  | "LEFT_BRACKET"
  | "RIGHT_BRACKET"
  | "SEMICOLON"
  | "COMMA"
  | "QUOTED_STRING"
  | "OP"
  | "BOOLOP"
  | "IN"
  | "NOT"
  | "VARIABLE"
  | "SPECIFIER"
  | "AT"
  | "URL"
  | "IDENTIFIER"
  | "VERSION_PREFIX_TRAIL"
  | "VERSION_LOCAL_LABEL_TRAIL"
  | "WS"
  | "END";

const TAB = 9;
const NEWLINE = 10;
const SPACE = 32;
const BANG = 33;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const STAR = 42;
const ZERO = 48;
const NINE = 57;
const SEMI = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const UNDERSCORE = 95;
const TILDE = 126;
const RPAREN = 41;

const UNICODE_WORD = /[\p{L}\p{N}_]/u;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLowerAlnum(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 97 && c <= 122);
}

/** Python's `\w` for str patterns: alphanumeric (Unicode) or underscore. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return isAsciiAlnum(cp) || cp === UNDERSCORE;
  return UNICODE_WORD.test(String.fromCodePoint(cp));
}

/** Python's `\s` for str patterns (str.isspace). */
export function isPythonSpace(c: number): boolean {
  if (c === SPACE || (c >= 9 && c <= 13)) return true;
  if (c < 0x1c) return false;
  if (c <= 0x1f) return true;
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isWordBefore(s: string, i: number): boolean {
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c < 128) return isAsciiAlnum(c) || c === UNDERSCORE;
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return isWordCodePoint((h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000);
  }
  return isWordCodePoint(c);
}

function isWordAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return isAsciiAlnum(c) || c === UNDERSCORE;
  return isWordCodePoint(s.codePointAt(i) ?? c);
}

/** Python's `\b` at index i. */
function isBoundary(s: string, i: number): boolean {
  return isWordBefore(s, i) !== isWordAt(s, i);
}

function scanDigits(s: string, p: number): number {
  while (isDigit(s.charCodeAt(p))) p++;
  return p;
}

function isSeparator(c: number): boolean {
  return c === DASH || c === UNDERSCORE || c === DOT;
}

/** Length of the first word (in alternation order) that `s` has at p, ASCII case-insensitively; 0 if none. */
function matchWordIgnoreCase(s: string, p: number, words: readonly string[]): number {
  for (const word of words) {
    let k = 0;
    while (k < word.length && (s.charCodeAt(p + k) | 0x20) === word.charCodeAt(k)) k++;
    if (k === word.length) return k;
  }
  return 0;
}

const PRE_WORDS = ["alpha", "beta", "preview", "pre", "a", "b", "c", "rc"] as const;
const POST_WORDS = ["post", "rev", "r"] as const;
const DEV_WORDS = ["dev"] as const;

/** `[-_\.]?(words)[-_\.]?[0-9]*` (optional); returns the new position (p when absent). */
function matchLabelled(s: string, p: number, words: readonly string[]): number {
  let q = p;
  if (isSeparator(s.charCodeAt(q))) q++;
  const n = matchWordIgnoreCase(s, q, words);
  if (n === 0) return p;
  q += n;
  if (isSeparator(s.charCodeAt(q))) q++;
  return scanDigits(s, q);
}

type SpecifierKind = "equality" | "compatible" | "ordered";

/** The part of packaging's specifier regex after the operator. Returns the end, or -1. */
function matchVersionTail(s: string, p: number, kind: SpecifierKind): number {
  while (p < s.length && isPythonSpace(s.charCodeAt(p))) p++;
  if ((s.charCodeAt(p) | 0x20) === 118) p++; // v?
  let d = scanDigits(s, p);
  if (d === p) return -1;
  if (s.charCodeAt(d) === BANG && isDigit(s.charCodeAt(d + 1))) d = scanDigits(s, d + 1); // epoch
  p = d;
  let groups = 0;
  while (s.charCodeAt(p) === DOT && isDigit(s.charCodeAt(p + 1))) {
    p = scanDigits(s, p + 1);
    groups++;
  }
  if (kind === "compatible" && groups === 0) return -1;
  if (kind === "equality" && s.charCodeAt(p) === DOT && s.charCodeAt(p + 1) === STAR) return p + 2;
  p = matchLabelled(s, p, PRE_WORDS);
  if (s.charCodeAt(p) === DASH && isDigit(s.charCodeAt(p + 1))) p = scanDigits(s, p + 1);
  else p = matchLabelled(s, p, POST_WORDS);
  p = matchLabelled(s, p, DEV_WORDS);
  if (kind === "equality" && s.charCodeAt(p) === PLUS && isAsciiAlnum(s.charCodeAt(p + 1))) {
    p += 1;
    for (;;) {
      while (isAsciiAlnum(s.charCodeAt(p))) p++;
      if (isSeparator(s.charCodeAt(p)) && isAsciiAlnum(s.charCodeAt(p + 1))) p++;
      else break;
    }
  }
  return p;
}

/** packaging's `Specifier._specifier_regex_str` (VERBOSE | IGNORECASE), matched at p. */
function matchSpecifier(s: string, p: number): number {
  const c0 = s.charCodeAt(p);
  const c1 = s.charCodeAt(p + 1);
  if (c0 === EQ && c1 === EQ && s.charCodeAt(p + 2) === EQ) {
    let q = p + 3;
    while (q < s.length && isPythonSpace(s.charCodeAt(q))) q++;
    while (q < s.length) {
      const c = s.charCodeAt(q);
      if (c === SEMI || c === RPAREN || isPythonSpace(c)) break;
      q++;
    }
    return q;
  }
  if ((c0 === EQ || c0 === BANG) && c1 === EQ) return matchVersionTail(s, p + 2, "equality");
  if (c0 === TILDE && c1 === EQ) return matchVersionTail(s, p + 2, "compatible");
  if (c0 === LT || c0 === GT) {
    if (c1 === EQ) {
      const end = matchVersionTail(s, p + 2, "ordered");
      if (end >= 0) return end;
    }
    return matchVersionTail(s, p + 1, "ordered");
  }
  return -1;
}

const VARIABLE_NAMES = [
  "python_version",
  "python_full_version",
  "os.name",
  "os_name",
  "sys.platform",
  "sys_platform",
  "platform_release",
  "platform_system",
  "platform.version",
  "platform_version",
  "platform.machine",
  "platform_machine",
  "platform.python_implementation",
  "platform_python_implementation",
  "python_implementation",
  "implementation_name",
  "implementation_version",
  "extras",
  "extra",
  "dependency_groups",
] as const;

function matchKeyword(s: string, p: number, word: string): number {
  if (!s.startsWith(word, p) || isWordBefore(s, p) || isWordAt(s, p + word.length)) return -1;
  return p + word.length;
}

function matchVariable(s: string, p: number): number {
  const c = s.charCodeAt(p);
  // Every variable starts with one of d, e, i, o, p, s.
  if (c !== 112 && c !== 111 && c !== 115 && c !== 105 && c !== 101 && c !== 100) return -1;
  if (isWordBefore(s, p)) return -1;
  for (const name of VARIABLE_NAMES) {
    if (s.startsWith(name, p) && !isWordAt(s, p + name.length)) return p + name.length;
  }
  return -1;
}

function matchIdentifier(s: string, p: number): number {
  if (!isAsciiAlnum(s.charCodeAt(p)) || isWordBefore(s, p)) return -1;
  let end = p + 1;
  for (;;) {
    const c = s.charCodeAt(end);
    if (isAsciiAlnum(c) || c === DOT || c === UNDERSCORE || c === DASH) end++;
    else break;
  }
  for (let e = end; e > p; e--) if (isBoundary(s, e)) return e;
  return -1;
}

function matchQuotedString(s: string, p: number): number {
  const quote = s[p];
  if (quote !== "'" && quote !== '"') return -1;
  const close = s.indexOf(quote, p + 1);
  return close < 0 ? -1 : close + 1;
}

function matchOp(s: string, p: number): number {
  const c0 = s.charCodeAt(p);
  const c1 = s.charCodeAt(p + 1);
  if (c0 === EQ && c1 === EQ) return s.charCodeAt(p + 2) === EQ ? p + 3 : p + 2;
  if ((c0 === TILDE || c0 === BANG) && c1 === EQ) return p + 2;
  if (c0 === LT || c0 === GT) return c1 === EQ ? p + 2 : p + 1;
  return -1;
}

function matchChar(s: string, p: number, c: number): number {
  return s.charCodeAt(p) === c ? p + 1 : -1;
}

/** End index of the token `name` at position p of s, or -1 when it does not match there. */
export function matchToken(name: TokenName, s: string, p: number): number {
  switch (name) {
    case "LEFT_PARENTHESIS":
      return matchChar(s, p, 40);
    case "RIGHT_PARENTHESIS":
      return matchChar(s, p, RPAREN);
    case "LEFT_BRACKET":
      return matchChar(s, p, 91);
    case "RIGHT_BRACKET":
      return matchChar(s, p, 93);
    case "SEMICOLON":
      return matchChar(s, p, SEMI);
    case "COMMA":
      return matchChar(s, p, 44);
    case "AT":
      return matchChar(s, p, 64);
    case "QUOTED_STRING":
      return matchQuotedString(s, p);
    case "OP":
      return matchOp(s, p);
    case "BOOLOP": {
      const c = s.charCodeAt(p);
      if (c === 111) return matchKeyword(s, p, "or");
      if (c === 97) return matchKeyword(s, p, "and");
      return -1;
    }
    case "IN":
      return matchKeyword(s, p, "in");
    case "NOT":
      return matchKeyword(s, p, "not");
    case "VARIABLE":
      return matchVariable(s, p);
    case "SPECIFIER":
      return matchSpecifier(s, p);
    case "URL": {
      let q = p;
      while (q < s.length) {
        const c = s.charCodeAt(q);
        if (c === SPACE || c === TAB) break;
        q++;
      }
      return q > p ? q : -1;
    }
    case "IDENTIFIER":
      return matchIdentifier(s, p);
    case "VERSION_PREFIX_TRAIL":
      return s.charCodeAt(p) === DOT && s.charCodeAt(p + 1) === STAR ? p + 2 : -1;
    case "VERSION_LOCAL_LABEL_TRAIL":
      // Only ever peeked at: a '+' and one lower-case alphanumeric decide the match.
      return s.charCodeAt(p) === PLUS && isLowerAlnum(s.charCodeAt(p + 1)) ? p + 2 : -1;
    case "WS": {
      let q = p;
      while (q < s.length && (s.charCodeAt(q) === SPACE || s.charCodeAt(q) === TAB)) q++;
      return q > p ? q : -1;
    }
    case "END":
      // Python's `$`: the end, or just before a final newline.
      return p === s.length || (p === s.length - 1 && s.charCodeAt(p) === NEWLINE) ? p : -1;
  }
}

/** Context-sensitive tokenizer with packaging's check / read / expect protocol. */
export class Tokenizer {
  readonly source: string;
  position = 0;
  /** How many marker parentheses are open (the marker grammar bounds its recursion with it). */
  nesting = 0;
  private pendingEnd = -1;

  constructor(source: string) {
    this.source = source;
  }

  /** Whether the next token is `name`; unless peeking, it must then be read before the next check. */
  check(name: TokenName, peek = false): boolean {
    const end = matchToken(name, this.source, this.position);
    if (end < 0) return false;
    if (!peek) this.pendingEnd = end;
    return true;
  }

  /** Consume the token found by the last check and return its text. */
  read(): string {
    const start = this.position;
    this.position = this.pendingEnd;
    this.pendingEnd = -1;
    return this.source.slice(start, this.position);
  }

  /** Read `name` if it is next. */
  consume(name: TokenName): void {
    if (this.check(name)) this.read();
  }

  /** Read `name`, or fail with "Expected <expected>". */
  expect(name: TokenName, expected: string): string {
    if (!this.check(name)) this.raiseSyntaxError(`Expected ${expected}`);
    return this.read();
  }

  raiseSyntaxError(reason: string, spanStart?: number, spanEnd?: number): never {
    throw new ParseSyntaxError(reason, this.source, [spanStart ?? this.position, spanEnd ?? this.position]);
  }

  /** Parse `body`, optionally wrapped in the open/close token pair (packaging's enclosing_tokens). */
  enclosing<T>(open: TokenName, close: TokenName, around: string, body: () => T): T {
    let openPosition = -1;
    if (this.check(open)) {
      openPosition = this.position;
      this.read();
    }
    const result = body();
    if (openPosition < 0) return result;
    if (!this.check(close)) {
      this.raiseSyntaxError(`Expected matching ${close} for ${open}, after ${around}`, openPosition);
    }
    this.read();
    return result;
  }
}
