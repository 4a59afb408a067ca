// Decodes a quoted marker value the way packaging does (ast.literal_eval of a Python string literal).

/** The decoded value, or the reason Python would refuse the literal (packaging lets a SyntaxError escape there). */
export type PythonStringResult = { ok: true; value: string } | { ok: false; reason: string };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

function hexValue(text: string, start: number, count: number): number {
  if (start + count > text.length) return -1;
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = parseInt(text[i], 16);
    if (Number.isNaN(digit)) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * Decode `'...'` or `"..."` (the whole token, quotes included) with Python's escape rules:
 * `\\ \' \" \a \b \f \n \r \t \v`, octal `\ooo`, `\xhh`, `\uhhhh`, `\Uhhhhhhhh`, a backslash before a
 * line break continues the line, unknown escapes stay as written. An unescaped line break or NUL is an
 * error, as is `\N{...}` (Unicode names are not available here; Python would accept a valid name).
 */
export function decodePythonString(token: string): PythonStringResult {
  const body = token.slice(1, -1);
  if (!body.includes("\\")) {
    if (/[\r\n]/.test(body)) return { ok: false, reason: "unterminated string literal" };
    if (body.includes("\0")) return { ok: false, reason: "source code string cannot contain null bytes" };
    return { ok: true, value: body };
  }
  let out = "";
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === "\0") return { ok: false, reason: "source code string cannot contain null bytes" };
    if (c === "\n" || c === "\r") return { ok: false, reason: "unterminated string literal" };
    if (c !== "\\") {
      out += c;
      i++;
      continue;
    }
    if (i + 1 >= body.length) return { ok: false, reason: "unterminated string literal" };
    const e = body[i + 1];
    if (e === "\r") {
      i += body[i + 2] === "\n" ? 3 : 2;
      continue;
    }
    if (e === "\n") {
      i += 2;
      continue;
    }
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    if (e >= "0" && e <= "7") {
      let j = i + 1;
      let value = 0;
      while (j < body.length && j < i + 4 && body[j] >= "0" && body[j] <= "7") {
        value = value * 8 + (body.charCodeAt(j) - 48);
        j++;
      }
      out += String.fromCharCode(value);
      i = j;
      continue;
    }
    if (e === "x" || e === "u" || e === "U") {
      const count = e === "x" ? 2 : e === "u" ? 4 : 8;
      const value = hexValue(body, i + 2, count);
      if (value < 0) return { ok: false, reason: `truncated \\${e} escape` };
      if (value > 0x10ffff) return { ok: false, reason: "illegal Unicode character" };
      out += String.fromCodePoint(value);
      i += 2 + count;
      continue;
    }
    if (e === "N") return { ok: false, reason: "\\N{...} escapes are not supported" };
    out += "\\" + e;
    i += 2;
  }
  return { ok: true, value: out };
}
