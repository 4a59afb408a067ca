// PEP 508 environment markers: parse, print and evaluate exactly as packaging 26.2's Marker.
import {
  collectExtras,
  formatMarker,
  normalizeExtraValues,
  rawValue,
  type MarkerItem,
  type MarkerList,
} from "./marker-ast";
import { parseMarkerExpression } from "./marker-grammar";
import { canonicalizeName } from "./names";
import { pythonRepr } from "./parse-python-repr";
import { ParseSyntaxError } from "./parse-syntax-error";
import { Tokenizer } from "./parse-tokenizer";
import { InvalidSpecifier, parseSpecifier, type Specifier } from "./specifiers";

/**
 * The values markers are evaluated against, keyed by PEP 508 variable name (`python_version`,
 * `python_full_version`, `sys_platform`, `platform_system`, `os_name`, `platform_machine`,
 * `platform_release`, `platform_version`, `implementation_name`, `implementation_version`,
 * `platform_python_implementation`; optionally `extra`).
 */
export type MarkerEnvironment = Record<string, string>;

/** A marker string that is not valid PEP 508 (message, span and column as packaging's ParserSyntaxError). */
export class InvalidMarker extends ParseSyntaxError {
  constructor(reason: string, source: string, span: readonly [number, number]) {
    super(reason, source, span);
    this.name = "InvalidMarker";
  }
}

/** A comparison packaging cannot evaluate, e.g. `os_name ~= "3"` (no version semantics, no string fallback). */
export class UndefinedComparison extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UndefinedComparison";
  }
}

/** The marker needs a variable the environment does not define. */
export class UndefinedEnvironmentName extends Error {
  readonly variable: string;
  constructor(variable: string) {
    super(`${pythonRepr(variable)} does not exist in evaluation environment.`);
    this.name = "UndefinedEnvironmentName";
    this.variable = variable;
  }
}

/** Variables packaging compares as PEP 440 versions when the other side makes a valid specifier. */
const VERSION_VARIABLES = new Set(["implementation_version", "platform_release", "python_full_version", "python_version"]);
/** Variables holding sets of names (lock-file context); compared after name normalisation. */
const SET_VARIABLES = new Set(["extras", "dependency_groups"]);

function tryParseSpecifier(text: string): Specifier | null {
  try {
    return parseSpecifier(text);
  } catch (error) {
    if (error instanceof InvalidSpecifier) return null;
    throw error;
  }
}

/** Reads variables from the caller's environment with packaging's adjustments for `extra` and `python_full_version`. */
class EvaluationScope {
  constructor(
    private readonly env: MarkerEnvironment,
    private readonly extra: string,
  ) {}

  get(key: string): string {
    if (key === "extra") return this.extra;
    if (!Object.hasOwn(this.env, key)) throw new UndefinedEnvironmentName(key);
    const value = this.env[key];
    // packaging's _repair_python_full_version: "3.13.0+" (untagged builds) is not PEP 440.
    if (key === "python_full_version" && value.endsWith("+")) return `${value}local`;
    return value;
  }
}

function evaluateItem(item: MarkerItem, scope: EvaluationScope): boolean {
  let key: string;
  let lhs: string;
  let rhs: string;
  if (item.lhs.kind === "variable") {
    key = item.lhs.name;
    lhs = scope.get(key);
    rhs = rawValue(item.rhs);
  } else {
    lhs = item.lhs.value;
    key = rawValue(item.rhs);
    rhs = scope.get(key);
  }
  if (SET_VARIABLES.has(key)) {
    lhs = canonicalizeName(lhs);
    rhs = canonicalizeName(rhs);
  }
  const op = item.op;
  if (VERSION_VARIABLES.has(key)) {
    let spec: Specifier | null;
    if (item.lhs.kind === "variable") {
      if (item.spec === undefined) item.spec = tryParseSpecifier(op + rhs);
      spec = item.spec;
    } else {
      spec = tryParseSpecifier(op + rhs);
    }
    if (spec !== null) return spec.contains(lhs, { prereleases: true });
  }
  switch (op) {
    case "in":
      return rhs.includes(lhs);
    case "not in":
      return !rhs.includes(lhs);
    case "==":
    case "<=":
    case ">=":
      return lhs === rhs;
    case "!=":
      return lhs !== rhs;
    case "<":
    case ">":
      return false;
    default:
      throw new UndefinedComparison(`Undefined <Op(${pythonRepr(op)})> on ${pythonRepr(lhs)} and ${pythonRepr(rhs)}.`);
  }
}

/** packaging's _evaluate_markers: `and` binds tighter than `or`; every comparison is evaluated (no short-circuit). */
function evaluateList(markers: MarkerList, scope: EvaluationScope): boolean {
  let anyGroupTrue = false;
  let groupTrue = true;
  for (const element of markers) {
    if (element === "or") {
      if (groupTrue) anyGroupTrue = true;
      groupTrue = true;
    } else if (element !== "and") {
      const value = Array.isArray(element) ? evaluateList(element, scope) : evaluateItem(element, scope);
      if (!value) groupTrue = false;
    }
  }
  return anyGroupTrue || groupTrue;
}

/** A parsed marker expression. */
export class Marker {
  /** packaging's `_markers` tree (extras already normalised at top level). */
  readonly tree: MarkerList;

  constructor(tree: MarkerList) {
    this.tree = tree;
  }

  /** packaging's `str(Marker)`: single spaces, double quotes, redundant outer parentheses dropped. */
  toString(): string {
    return formatMarker(this.tree);
  }

  /** Every extra name the marker compares `extra` with, PEP 685-normalised, sorted. */
  extraNames(): string[] {
    return collectExtras(this.tree);
  }

  /** See {@link evaluateMarker}. */
  evaluate(env: MarkerEnvironment, extras?: readonly string[]): boolean {
    if (extras !== undefined && extras.length > 0) {
      return extras.some((extra) => evaluateList(this.tree, new EvaluationScope(env, extra ? canonicalizeName(extra) : "")));
    }
    const given = Object.hasOwn(env, "extra") ? env.extra : "";
    return evaluateList(this.tree, new EvaluationScope(env, given ? canonicalizeName(given) : ""));
  }

  /** `this and other`, as packaging's `Marker.__and__`. */
  and(other: Marker): Marker {
    return new Marker([this.tree, "and", other.tree]);
  }

  /** `this or other`, as packaging's `Marker.__or__`. */
  or(other: Marker): Marker {
    return new Marker([this.tree, "or", other.tree]);
  }

  /** Equal when the printed forms are equal (packaging's `__eq__`). */
  equals(other: Marker): boolean {
    return this.toString() === other.toString();
  }
}

/** Parse a marker expression; throws {@link InvalidMarker}. */
export function parseMarker(text: string): Marker {
  const tokenizer = new Tokenizer(text);
  try {
    const markers = parseMarkerExpression(tokenizer);
    tokenizer.expect("END", "end of marker expression");
    return new Marker(normalizeExtraValues(markers));
  } catch (error) {
    if (error instanceof ParseSyntaxError) throw new InvalidMarker(error.reason, error.source, error.span);
    throw error;
  }
}

/**
 * Evaluate a marker against a full environment, as packaging 26.2's `Marker.evaluate` in the default
 * ("metadata") context. `extra` is "" unless `env.extra` is set (PEP 685-normalised) or `extras` is given;
 * with `extras`, the result is true when the marker holds with `extra` set to any one of them.
 * Version variables compare as PEP 440 versions when `op + value` is a valid specifier (pre-releases
 * allowed); otherwise `==`/`!=` compare strings, `<=`/`>=` mean equality, `<`/`>` are false, `in`/`not in`
 * are substring tests, and `~=`/`===` throw {@link UndefinedComparison}. A variable missing from `env`
 * throws {@link UndefinedEnvironmentName}.
 */
export function evaluateMarker(marker: Marker | string, env: MarkerEnvironment, extras?: readonly string[]): boolean {
  const parsed = typeof marker === "string" ? parseMarker(marker) : marker;
  return parsed.evaluate(env, extras);
}
