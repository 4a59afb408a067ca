// JSON text parsing for index responses: JSON.parse, and on failure an IndexError naming the byte where the text goes wrong.
import { invalidResponse } from "./index-error";

/** Parses a JSON response body; throws IndexError "<url> answered with invalid JSON at byte N (...)" on bad text. */
export function parseJsonText(text: string, url: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const at = jsonErrorOffset(body);
    const bytes = new TextEncoder().encode(body.slice(0, at)).length + (body.length === text.length ? 0 : 3);
    const found = at >= body.length ? "the text ends early" : `found ${JSON.stringify(body.slice(at, at + 12))}`;
    throw invalidResponse(url, `invalid JSON at byte ${bytes} (${found})`);
  }
}

/**
 * The character offset of the first syntax error in `text` (text.length when it ends too early).
 * Only called after JSON.parse failed, so it favours clarity over speed; nesting is walked with an explicit stack.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const skipSpace = (): void => {
    while (i < n) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i += 1;
      else break;
    }
  };
  const isHex = (c: string | undefined): boolean => c !== undefined && /[0-9a-fA-F]/.test(c);
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
  /** Scans one string starting at the quote at i; returns false at the first bad character (i points at it). */
  const scanString = (): boolean => {
    i += 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i += 1;
        return true;
      }
      if (c < 0x20) return false;
      if (c !== 0x5c) {
        i += 1;
        continue;
      }
      const e = text[i + 1];
      if (e === undefined) {
        i = n;
        return false;
      }
      if (e === "u") {
        for (let k = 0; k < 4; k += 1) {
          if (!isHex(text[i + 2 + k])) {
            i = Math.min(i + 2 + k, n);
            return false;
          }
        }
        i += 6;
      } else if ('"\\/bfnrt'.includes(e)) i += 2;
      else {
        i += 1;
        return false;
      }
    }
    return false;
  };
  /** Scans a number at i character by character; returns false with i at the first character that cannot continue it. */
  const scanNumber = (): boolean => {
    if (text[i] === "-") i += 1;
    if (text[i] === "0") i += 1;
    else if (isDigit(text[i])) while (isDigit(text[i])) i += 1;
    else return false;
    if (text[i] === ".") {
      i += 1;
      if (!isDigit(text[i])) return false;
      while (isDigit(text[i])) i += 1;
    }
    if (text[i] === "e" || text[i] === "E") {
      i += 1;
      if (text[i] === "+" || text[i] === "-") i += 1;
      if (!isDigit(text[i])) return false;
      while (isDigit(text[i])) i += 1;
    }
    return true;
  };
  /** Scans one scalar at i (not an object or array); returns false with i at the first character that cannot continue it. */
  const scanScalar = (): boolean => {
    const c = text[i];
    if (c === '"') return scanString();
    const word = c === "t" ? "true" : c === "f" ? "false" : c === "n" ? "null" : null;
    if (word !== null) {
      for (let k = 0; k < word.length; k += 1, i += 1) if (text[i] !== word[k]) return false;
      return true;
    }
    return scanNumber();
  };

  // Explicit stack of open containers: "{" or "[".
  const stack: string[] = [];
  // What the scanner expects next.
  let expect: "value" | "after-value" | "key" | "first-key" | "first-value" = "value";
  for (;;) {
    skipSpace();
    if (i >= n) return n;
    const c = text[i];
    if (expect === "value" || expect === "first-value") {
      if (expect === "first-value" && c === "]") {
        stack.pop();
        i += 1;
        expect = "after-value";
        continue;
      }
      if (c === "{") {
        stack.push("{");
        i += 1;
        expect = "first-key";
        continue;
      }
      if (c === "[") {
        stack.push("[");
        i += 1;
        expect = "first-value";
        continue;
      }
      if (!scanScalar()) return Math.min(i, n);
      expect = "after-value";
      continue;
    }
    if (expect === "key" || expect === "first-key") {
      if (expect === "first-key" && c === "}") {
        stack.pop();
        i += 1;
        expect = "after-value";
        continue;
      }
      if (c !== '"' || !scanString()) return i;
      skipSpace();
      if (text[i] !== ":") return i >= n ? n : i;
      i += 1;
      expect = "value";
      continue;
    }
    // after-value
    const top = stack[stack.length - 1];
    if (top === undefined) return i; // trailing text after the top-level value
    if (c === ",") {
      i += 1;
      expect = top === "{" ? "key" : "value";
      continue;
    }
    if ((top === "{" && c === "}") || (top === "[" && c === "]")) {
      stack.pop();
      i += 1;
      if (stack.length === 0) {
        skipSpace();
        return i >= n ? n : i;
      }
      continue;
    }
    return i;
  }
}
