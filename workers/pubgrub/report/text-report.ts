// Turns a derivation tree into pub's numbered explanation (doc/solver.md "Error Reporting", lib/src/solver/failure.dart).
import { isDerived, parentCounts } from "../derivation-tree";
import type { DerivationNode, DerivationTree, DerivedNode } from "../derivation-tree";
import type { VersionSet } from "../version-set";
import { DefaultReportFormatter } from "./default-report-formatter";
import type { ReportFormatter } from "./report-formatter";

/** One line of the explanation; blank lines (between chains of reasoning) have empty text and no node. */
export interface ReportLine {
  readonly text: string;
  /** Set when later lines refer back to this one as "(n)". */
  readonly number: number | null;
  /** The tree node this line concludes. */
  readonly nodeId: number | null;
}

export interface TextReport {
  /** The explanation, numbered lines prefixed "(n) " and the others indented to match. */
  readonly text: string;
  readonly lines: readonly ReportLine[];
}

/**
 * Writes one line per derived node worth stating, depth-first from the external facts to the
 * final conclusion. Nodes used by several derivations, and conclusions of a side chain, get a
 * number so later lines can cite them; a derived node with one external cause whose derived cause
 * is used once is folded into the next line ("And because A and B, C").
 */
export function reportText<V, S extends VersionSet<V, S>, R>(
  tree: DerivationTree<V, S, R>,
  formatter: ReportFormatter<V, S, R> = new DefaultReportFormatter<V, S, R>(),
): TextReport {
  const root = tree.root;
  const parents = parentCounts(root);
  const lines: ReportLine[] = [];
  const numbers = new Map<DerivationNode<V, S, R>, number>();
  let counter = 0;

  const describe = (node: DerivationNode<V, S, R>): string => formatter.describe(node, tree);
  const both = (a: DerivationNode<V, S, R>, b: DerivationNode<V, S, R>): string =>
    formatter.describeBoth({ node: a, line: numbers.get(a) ?? null }, { node: b, line: numbers.get(b) ?? null }, tree);
  const shared = (node: DerivationNode<V, S, R>): boolean => (parents.get(node) ?? 0) > 1;
  const write = (node: DerivationNode<V, S, R>, text: string, numbered: boolean): void => {
    let number: number | null = null;
    if (numbered) {
      number = ++counter;
      numbers.set(node, number);
    }
    lines.push({ text, number, nodeId: node.id });
  };
  /** Both causes of `node` are external facts: it reads as one sentence. */
  const singleLine = (node: DerivedNode<V, S, R>): boolean => !isDerived(node.cause1) && !isDerived(node.cause2);
  /** `node` has one external and one unnumbered derived cause, and is used once: fold it into its parent. */
  const collapsible = (node: DerivedNode<V, S, R>): boolean => {
    if (shared(node)) return false;
    const d1 = isDerived(node.cause1);
    const d2 = isDerived(node.cause2);
    if (d1 === d2) return false;
    return !numbers.has(d1 ? node.cause1 : node.cause2);
  };

  const visit = (node: DerivedNode<V, S, R>, conclusion = false): void => {
    const numbered = conclusion || shared(node);
    const conjunction = conclusion || node === root ? "So," : "And";
    const stated = describe(node);
    const { cause1, cause2 } = node;
    if (isDerived(cause1) && isDerived(cause2)) {
      const line1 = numbers.get(cause1);
      const line2 = numbers.get(cause2);
      if (line1 !== undefined && line2 !== undefined) {
        write(node, `Because ${both(cause1, cause2)}, ${stated}.`, numbered);
      } else if (line1 !== undefined || line2 !== undefined) {
        const [withLine, withoutLine, line] =
          line1 !== undefined ? [cause1, cause2, line1] : [cause2, cause1, line2 as number];
        visit(withoutLine);
        write(node, `${conjunction} because ${describe(withLine)} (${line}), ${stated}.`, numbered);
      } else if (singleLine(cause1) || singleLine(cause2)) {
        // The single-line cause is short enough to follow the other without a number.
        const [first, second] = singleLine(cause2) ? [cause1, cause2] : [cause2, cause1];
        visit(first);
        visit(second);
        write(node, `Thus, ${stated}.`, numbered);
      } else {
        visit(cause1, true);
        lines.push({ text: "", number: null, nodeId: null });
        visit(cause2);
        write(node, `${conjunction} because ${describe(cause1)} (${numbers.get(cause1)}), ${stated}.`, numbered);
      }
    } else if (isDerived(cause1) || isDerived(cause2)) {
      const [derived, external] = isDerived(cause1) ? [cause1, cause2] : [cause2 as DerivedNode<V, S, R>, cause1];
      const line = numbers.get(derived);
      if (line !== undefined) {
        write(node, `Because ${both(external, derived)}, ${stated}.`, numbered);
      } else if (collapsible(derived)) {
        const [priorDerived, priorExternal] = isDerived(derived.cause1)
          ? [derived.cause1, derived.cause2]
          : [derived.cause2 as DerivedNode<V, S, R>, derived.cause1];
        visit(priorDerived);
        write(node, `${conjunction} because ${both(priorExternal, external)}, ${stated}.`, numbered);
      } else {
        visit(derived);
        write(node, `${conjunction} because ${describe(external)}, ${stated}.`, numbered);
      }
    } else {
      write(node, `Because ${both(cause1, cause2)}, ${stated}.`, numbered);
    }
  };

  if (isDerived(root)) visit(root);
  else write(root, `Because ${describe(root)}, ${formatter.failure(tree)}.`, false);

  return { text: render(lines, counter), lines };
}

/** Pub's layout: "(n) " before numbered lines, the same width of spaces before the others. */
function render(lines: readonly ReportLine[], lastNumber: number): string {
  const padding = lastNumber === 0 ? 0 : `(${lastNumber}) `.length;
  const out: string[] = [];
  for (const line of lines) {
    if (line.text === "") {
      if (out.length > 0 && out[out.length - 1] !== "") out.push("");
      continue;
    }
    const prefix = line.number !== null ? `(${line.number})`.padEnd(padding) : " ".repeat(padding);
    out.push(prefix + line.text);
  }
  return out.join("\n");
}
