// Marks the packages the audit found vulnerable on the drawn graph (a class, so the style and the legend agree).
import type { Core } from "cytoscape";

export function markVulnerable(cy: Core, names: readonly string[]): void {
  const wanted = new Set(names);
  cy.batch(() => {
    cy.nodes(".vulnerable").forEach((n) => {
      if (!wanted.has(n.id())) n.removeClass("vulnerable");
    });
    for (const name of wanted) cy.$id(name).addClass("vulnerable");
  });
}
