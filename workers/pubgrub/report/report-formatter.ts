// The interface that phrases derivation-tree facts for the text report, so each domain can speak its own language.
import type { DerivationNode, DerivationTree } from "../derivation-tree";

/** A node cited in a sentence, with the number of the line that explained it, if any. */
export interface NodeRef<V, S, R> {
  readonly node: DerivationNode<V, S, R>;
  readonly line: number | null;
}

/**
 * Phrases clauses; the reporter assembles them into sentences ("Because A and B, C.",
 * "And because A, C.", "So, because A, C.", "Thus, C.").
 */
export interface ReportFormatter<V, S, R> {
  /**
   * What `node` states, as a clause: an external fact ("foo 1.0 depends on bar >=2") or a derived
   * conclusion ("foo >=1.1 is forbidden"); for the tree's final conclusion, the failure itself.
   */
  describe(node: DerivationNode<V, S, R>, tree: DerivationTree<V, S, R>): string;
  /**
   * Two causes in one clause: "A and B", or a merged phrasing such as "foo depends on both A and
   * B" or "foo depends on bar which depends on baz". A non-null `line` must be cited as "(n)".
   */
  describeBoth(a: NodeRef<V, S, R>, b: NodeRef<V, S, R>, tree: DerivationTree<V, S, R>): string;
  /** The final conclusion when the tree is a single external fact ("version solving failed"). */
  failure(tree: DerivationTree<V, S, R>): string;
}
