// Python's repr() of a str, for error messages that quote input the way packaging's do.

/**
 * `repr(text)` as Python prints it: single quotes unless the text has a `'` and no `"`; backslash,
 * the quote, \n, \r, \t and other control characters escaped. (Python also escapes non-printable
 * non-ASCII characters such as U+2028; those are kept as they are here.)
 */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}
