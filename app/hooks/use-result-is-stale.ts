// Whether the result on screen still answers the request the page would send now (input, format, choices, settings, what-if edits).
import { useMemo } from "react";
import { useSession } from "../stores/session";
import { useResolution } from "../stores/resolution";
import { buildResolveRequest } from "../stores/build-request";

/** True when a result is shown but the session has changed since it was asked for: it is out of date until the next resolve. */
export function useResultIsStale(): boolean {
  const current = useResolution((s) => s.current);
  const requirementsText = useSession((s) => s.requirementsText);
  const fileName = useSession((s) => s.fileName);
  const format = useSession((s) => s.format);
  const extras = useSession((s) => s.extras);
  const groups = useSession((s) => s.groups);
  const settings = useSession((s) => s.settings);
  const pins = useSession((s) => s.pins);
  const excluded = useSession((s) => s.excluded);
  const reproduceAt = useSession((s) => s.reproduceAt);
  const projectFiles = useSession((s) => s.projectFiles);
  const constraintsText = useSession((s) => s.constraintsText);
  const overridesText = useSession((s) => s.overridesText);
  return useMemo(() => {
    if (!current) return false;
    // A lock read holds every extra and group of its project: ticking them does not make it out of date, editing the project does.
    const chosen = current.readFrom === undefined ? { extras, groups } : { extras: current.request.input.extras ?? [], groups: current.request.input.groups ?? [] };
    const now = buildResolveRequest({ requirementsText, fileName, format, projectFiles, constraintsText, overridesText, ...chosen, settings, pins, excluded, reproduceAt });
    return JSON.stringify(now) !== JSON.stringify(current.request);
  }, [current, requirementsText, fileName, format, projectFiles, constraintsText, overridesText, extras, groups, settings, pins, excluded, reproduceAt]);
}
