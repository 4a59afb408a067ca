// Marks the packages the audit found vulnerable on the drawn graph, in place, and again on every new picture.
import { useEffect } from "react";
import type { Core } from "cytoscape";
import { useAudit } from "../../../stores/audit";
import { markVulnerable } from "../utils/vulnerable-marks";

/** What the legend shows of the audit: the vulnerable packages once known, or the progress while it runs. */
export function useVulnerableMarks(cy: Core | null, drawn: number): { vulnerable: readonly string[] | undefined; checking: string | undefined } {
  const vulnerable = useAudit((s) => s.vulnerable);
  const done = useAudit((s) => s.status === "done");
  const checking = useAudit((s) => (s.status === "loading" && s.progress ? `${s.progress.done}/${s.progress.total}` : undefined));
  useEffect(() => {
    if (cy) markVulnerable(cy, vulnerable);
  }, [cy, vulnerable, drawn]);
  return { vulnerable: done ? vulnerable : undefined, checking };
}
