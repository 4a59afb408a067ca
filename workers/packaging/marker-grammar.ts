// Recursive-descent parser for PEP 508 marker expressions, rule for rule as packaging's _parser.py.
import type { MarkerElement, MarkerItem, MarkerList, MarkerOp, MarkerVar } from "./marker-ast";
import { decodePythonString } from "./parse-python-string";
import type { Tokenizer } from "./parse-tokenizer";

/** How deep parentheses may nest in a marker: CPython's own limit for brackets (MAXLEVEL). */
export const MAX_MARKER_NESTING = 200;

/** marker = marker_atom (BOOLOP marker_atom)* */
export function parseMarkerExpression(tokenizer: Tokenizer): MarkerList {
  const expression: MarkerList = [parseMarkerAtom(tokenizer)];
  while (tokenizer.check("BOOLOP")) {
    const word = tokenizer.read() === "or" ? "or" : "and";
    const right = parseMarkerAtom(tokenizer);
    expression.push(word, right);
  }
  return expression;
}

/**
 * marker_atom = WS? LEFT_PARENTHESIS WS? marker WS? RIGHT_PARENTHESIS WS?
 *             | WS? marker_item WS?
 */
function parseMarkerAtom(tokenizer: Tokenizer): MarkerElement {
  tokenizer.consume("WS");
  let marker: MarkerElement;
  if (tokenizer.check("LEFT_PARENTHESIS", true)) {
    // packaging recurses until Python's RecursionError (about 330 levels); stop at CPython's own bracket limit instead.
    if (tokenizer.nesting >= MAX_MARKER_NESTING) {
      tokenizer.raiseSyntaxError(`Marker expression nested too deeply (more than ${MAX_MARKER_NESTING} parentheses)`);
    }
    tokenizer.nesting++;
    marker = tokenizer.enclosing("LEFT_PARENTHESIS", "RIGHT_PARENTHESIS", "marker expression", () => {
      tokenizer.consume("WS");
      const inner = parseMarkerExpression(tokenizer);
      tokenizer.consume("WS");
      return inner;
    });
    tokenizer.nesting--;
  } else {
    marker = parseMarkerItem(tokenizer);
  }
  tokenizer.consume("WS");
  return marker;
}

/** marker_item = WS? marker_var WS? marker_op WS? marker_var WS? */
function parseMarkerItem(tokenizer: Tokenizer): MarkerItem {
  tokenizer.consume("WS");
  const lhs = parseMarkerVar(tokenizer);
  tokenizer.consume("WS");
  const op = parseMarkerOp(tokenizer);
  tokenizer.consume("WS");
  const rhs = parseMarkerVar(tokenizer);
  tokenizer.consume("WS");
  return { kind: "item", lhs, op, rhs };
}

/** marker_var = VARIABLE | QUOTED_STRING */
function parseMarkerVar(tokenizer: Tokenizer): MarkerVar {
  if (tokenizer.check("VARIABLE")) {
    const name = tokenizer.read().replaceAll(".", "_");
    if (name === "python_implementation") return { kind: "variable", name: "platform_python_implementation" };
    return { kind: "variable", name };
  }
  if (tokenizer.check("QUOTED_STRING")) {
    const start = tokenizer.position;
    const decoded = decodePythonString(tokenizer.read());
    if (!decoded.ok) tokenizer.raiseSyntaxError(`Invalid string literal (${decoded.reason})`, start);
    return { kind: "value", value: decoded.value };
  }
  return tokenizer.raiseSyntaxError("Expected a marker variable or quoted string");
}

/** marker_op = IN | NOT IN | OP */
function parseMarkerOp(tokenizer: Tokenizer): MarkerOp {
  if (tokenizer.check("IN")) {
    tokenizer.read();
    return "in";
  }
  if (tokenizer.check("NOT")) {
    tokenizer.read();
    tokenizer.expect("WS", "whitespace after 'not'");
    tokenizer.expect("IN", "'in' after 'not'");
    return "not in";
  }
  if (tokenizer.check("OP")) return tokenizer.read() as MarkerOp;
  return tokenizer.raiseSyntaxError("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
}
