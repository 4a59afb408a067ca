// The parsed form of a PEP 508 marker (packaging's MarkerList), its normalisation of extras and its string form.
import { canonicalizeName } from "./names";
import type { Specifier } from "./specifiers";

/** A marker variable (`python_version`, old dotted names already rewritten) or a quoted value. */
export type MarkerVar = { readonly kind: "variable"; readonly name: string } | { readonly kind: "value"; readonly value: string };

export type MarkerOp = "===" | "==" | "~=" | "!=" | "<=" | ">=" | "<" | ">" | "in" | "not in";

/** One comparison, packaging's `(lhs, op, rhs)` tuple. */
export interface MarkerItem {
  readonly kind: "item";
  readonly lhs: MarkerVar;
  readonly op: MarkerOp;
  readonly rhs: MarkerVar;
  /** Evaluation cache: the Specifier built from op + constant rhs (null: not a valid specifier). */
  spec?: Specifier | null;
}

export type MarkerBoolOp = "and" | "or";

/** packaging's MarkerList: items, nested (parenthesised) lists and the words "and"/"or", in source order. */
export type MarkerList = MarkerElement[];
export type MarkerElement = MarkerItem | MarkerList | MarkerBoolOp;

function serializeVar(v: MarkerVar): string {
  return v.kind === "variable" ? v.name : `"${v.value}"`;
}

/** packaging's `_format_marker`, quirks included (`((a or b)) and c` loses its parentheses). */
export function formatMarker(marker: MarkerElement, first = true): string {
  if (Array.isArray(marker)) {
    if (marker.length === 1 && typeof marker[0] !== "string") return formatMarker(marker[0]);
    const inner = marker.map((m) => formatMarker(m, false)).join(" ");
    return first ? inner : `(${inner})`;
  }
  if (typeof marker === "string") return marker;
  return `${serializeVar(marker.lhs)} ${marker.op} ${serializeVar(marker.rhs)}`;
}

function normalizeExtraItem(element: MarkerElement): MarkerElement {
  if (typeof element === "string" || Array.isArray(element)) return element;
  const { lhs, rhs } = element;
  if (lhs.kind === "variable" && lhs.name === "extra") {
    return { kind: "item", lhs, op: element.op, rhs: { kind: "value", value: canonicalizeName(rawValue(rhs)) } };
  }
  if (rhs.kind === "variable" && rhs.name === "extra") {
    return { kind: "item", lhs: { kind: "value", value: canonicalizeName(rawValue(lhs)) }, op: element.op, rhs };
  }
  return element;
}

/** The node's text as packaging's Node.value (a variable's name or a value's string). */
export function rawValue(v: MarkerVar): string {
  return v.kind === "variable" ? v.name : v.value;
}

/**
 * packaging's `_normalize_extra_values`: PEP 685-normalises the value compared with `extra`, but only in
 * top-level comparisons; comparisons inside parentheses keep the value as written (a packaging 26.2 quirk).
 */
export function normalizeExtraValues(markers: MarkerList): MarkerList {
  return markers.map(normalizeExtraItem);
}

/** Every value compared with the `extra` variable anywhere in the marker, PEP 685-normalised, sorted, unique. */
export function collectExtras(markers: MarkerList): string[] {
  const found = new Set<string>();
  const walk = (list: MarkerList): void => {
    for (const element of list) {
      if (typeof element === "string") continue;
      if (Array.isArray(element)) {
        walk(element);
        continue;
      }
      if (element.lhs.kind === "variable" && element.lhs.name === "extra" && element.rhs.kind === "value") {
        found.add(canonicalizeName(element.rhs.value));
      } else if (element.rhs.kind === "variable" && element.rhs.name === "extra" && element.lhs.kind === "value") {
        found.add(canonicalizeName(element.lhs.value));
      }
    }
  };
  walk(markers);
  return [...found].sort();
}
