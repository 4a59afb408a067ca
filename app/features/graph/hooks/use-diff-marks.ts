// Marks how each package moved in the comparison on show (added, removed, upgraded, downgraded) on the drawn graph, again on every new picture.
import { useEffect } from "react";
import type { Core } from "cytoscape";
import { DIFF_MARKS, useComparison, type DiffMark } from "../../../stores/comparison";

export function useDiffMarks(cy: Core | null, drawn: number): Record<string, DiffMark> | null {
  const marks = useComparison((s) => s.marks);
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      for (const mark of DIFF_MARKS) cy.nodes(`.diff-${mark}`).removeClass(`diff-${mark}`);
      for (const [name, mark] of Object.entries(marks ?? {})) cy.$id(name).addClass(`diff-${mark}`);
    });
  }, [cy, marks, drawn]);
  return marks;
}
