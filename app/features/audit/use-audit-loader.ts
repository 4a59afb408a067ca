// Starts the audit of a resolution once its graph has been drawn (or shortly after, when no graph is on screen).
import { useEffect } from "react";
import type { ResolvedPackageDto } from "../../../workers/api";
import { runAudit } from "../../audit-run";
import { useAudit } from "../../stores/audit";

/** The performance mark the graph sets when a picture is on screen (GRAPH_MARKS.drawn in app/features/graph/graph-panel.tsx). */
const GRAPH_DRAWN_MARK = "tangle:graph-drawn";
/** Start anyway after this long (the list tab draws no graph; a huge graph should not hold the audit back for ever). */
const AT_THE_LATEST_MS = 3_000;

export function useAuditLoader(runId: number, packages: ResolvedPackageDto[]): void {
  useEffect(() => {
    if (useAudit.getState().runId === runId) return;
    const since = performance.now();
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      // Let the frame with the picture be painted first.
      requestAnimationFrame(() => setTimeout(() => runAudit(runId, packages), 0));
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(GRAPH_DRAWN_MARK).some((m) => m.startTime >= since)) start();
    });
    observer.observe({ type: "mark", buffered: true });
    const timer = setTimeout(start, AT_THE_LATEST_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [runId, packages]);
}
