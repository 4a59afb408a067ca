// Index warnings in plain words: no Python reprs (`Undefined <Op('===')>`), no raw exception text after what a person can read.

/** `(Invalid wheel filename (invalid version): 'x-1-py3-none-any')`: an exception's text quoted at the end of a warning. */
const TRAILING_EXCEPTION = /\s*\((?:Invalid|Undefined|Expected|Unexpected|Error|Traceback)[^]*\)\s*$/;
/** packaging's `Undefined <Op('===')> on 'cpython' and 'pypy'.` */
const UNDEFINED_OP = /Undefined <Op\('([^']+)'\)> on '([^']*)' and '([^']*)'\.?/;

/** Rewrites one warning for a person: what happened and what it means, without the exception that said so. */
export function plainWarning(text: string): string {
  const op = UNDEFINED_OP.exec(text);
  if (op) {
    const head = text.slice(0, op.index).replace(/\s*\(\s*$/, "").replace(/:?\s*its marker cannot be evaluated\s*$/, "");
    return `${head}: its marker compares ${op[2] === "" ? "a value" : `"${op[2]}"`} with "${op[3]}" using ${op[1]}, which markers do not define; the requirement is left out, as pip leaves it out`;
  }
  return text.replace(TRAILING_EXCEPTION, "");
}
