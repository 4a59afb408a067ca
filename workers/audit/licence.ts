// A release's licence from its metadata: PEP 639 expression first, then `License ::` classifiers, then the free text.
import type { LicenceDto } from "../api-audit";

/** The licence fields a release's metadata may carry (JSON API `info` or core metadata). */
export interface LicenceFields {
  /** PEP 639 `License-Expression` (JSON API `license_expression`). */
  expression: string | null;
  /** Every classifier (only `License ::` ones are used). */
  classifiers: readonly string[];
  /** The free-text `License` field. */
  text: string | null;
}

/** SPDX ids counted as MIT, BSD or Apache (the licence view's "not MIT/BSD/Apache" filter). */
const PERMISSIVE_SPDX = /^(MIT|MIT-0|BSD-[0-9]-Clause(-[A-Za-z]+)?|0BSD|Apache-2\.0|Apache-1\.1)$/i;
const PERMISSIVE_CLASSIFIER = /^License :: OSI Approved :: (MIT License|MIT No Attribution License \(MIT-0\)|BSD License|Apache Software License)$/;
/** setuptools writes this when a project states no licence at all. */
const PLACEHOLDERS = new Set(["UNKNOWN", ""]);
const LABEL_LIMIT = 60;

/** True when every licence the expression names is MIT, BSD or Apache (an OR only needs one such choice). */
export function isPermissiveExpression(expression: string): boolean {
  // Parenthesised groups are rare in practice; evaluate OR over AND without precedence games: strip parentheses.
  const alternatives = expression.replace(/[()]/g, " ").split(/\s+OR\s+/i);
  return alternatives.some((alt) =>
    alt
      .split(/\s+AND\s+/i)
      .map((id) => id.trim().replace(/\s+WITH\s+.*$/i, "").replace(/\+$/, ""))
      .every((id) => PERMISSIVE_SPDX.test(id)),
  );
}

/** "License :: OSI Approved :: MIT License" -> "MIT License". */
function classifierName(classifier: string): string {
  return classifier.split("::").map((s) => s.trim()).at(-1) ?? classifier;
}

function shortLabel(text: string): string {
  const firstLine = text.trim().split(/\r?\n/)[0].trim();
  return firstLine.length > LABEL_LIMIT ? `${firstLine.slice(0, LABEL_LIMIT - 1)}…` : firstLine;
}

export function licenceOf(fields: LicenceFields): LicenceDto {
  const expression = fields.expression?.trim();
  if (expression) return { kind: "expression", expression, label: expression, permissive: isPermissiveExpression(expression) };
  const classifiers = fields.classifiers.filter((c) => c.startsWith("License ::"));
  // "License :: OSI Approved" alone says nothing about which licence.
  const specific = classifiers.filter((c) => c.trim() !== "License :: OSI Approved");
  if (specific.length > 0) {
    return {
      kind: "classifiers",
      classifiers: specific,
      label: specific.map(classifierName).join(", "),
      permissive: specific.every((c) => PERMISSIVE_CLASSIFIER.test(c.trim())),
    };
  }
  const text = fields.text?.trim() ?? "";
  if (!PLACEHOLDERS.has(text)) return { kind: "text", text, label: shortLabel(text), permissive: false };
  return { kind: "not-stated", label: "not stated", permissive: false };
}
