// The syntax error of the PEP 508 parser: what went wrong, where, and packaging's caret-underlined message.

/**
 * A syntax error in a requirement or marker string.
 *
 * `span` is packaging's `ParserSyntaxError.span`: `[start, end]` as indices into
 * `source` (UTF-16 code units; identical to packaging's for non-astral text).
 * The caret sits at `span[1]`, which is `column` (0-based) and `col` (1-based);
 * the tilde run under `span[0]..span[1]` marks the construct being parsed.
 * `message` is exactly packaging's `str(ParserSyntaxError)`:
 * `"<reason>\n    <source>\n    <spaces><tildes>^"`.
 */
export class ParseSyntaxError extends Error {
  readonly reason: string;
  readonly source: string;
  readonly span: readonly [number, number];
  readonly column: number;
  readonly col: number;

  constructor(reason: string, source: string, span: readonly [number, number]) {
    super(formatSyntaxError(reason, source, span));
    this.name = "ParseSyntaxError";
    this.reason = reason;
    this.source = source;
    this.span = span;
    this.column = span[1];
    this.col = span[1] + 1;
  }
}

/** packaging's layout: the reason, then the source and a caret line, both indented by four spaces. */
export function formatSyntaxError(reason: string, source: string, span: readonly [number, number]): string {
  const underline = " ".repeat(span[0]) + "~".repeat(Math.max(0, span[1] - span[0])) + "^";
  return `${reason}\n    ${source}\n    ${underline}`;
}
