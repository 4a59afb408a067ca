// Keeps the extras and groups ticked to those the text on screen defines, so a choice made for one file never leaks into the next;
// and ticks the groups its tool installs by default (Poetry's non-optional groups) when they appear, however the text arrived.
import { useEffect, useRef } from "react";
import type { InputReading } from "../../../workers/api";
import { canonicalName } from "../../lib/canonical-name";
import { useSession } from "../../stores/session";

/**
 * `reading` must be of the text and format on screen (else null). A default group is ticked when a reading defines it
 * and the reading before did not: a project opened, pasted or typed in is read the same way, and a group the person
 * unticks stays unticked while it stays defined. The first reading after the page opens only sets the baseline, so
 * the choices a stored session or a link carries stand.
 */
export function useKeepDefinedChoices(reading: InputReading | null): void {
  const keepDefinedChoices = useSession((s) => s.keepDefinedChoices);
  const definedBefore = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!reading) return;
    const before = definedBefore.current;
    definedBefore.current = new Set(reading.set.groups.map(canonicalName));
    keepDefinedChoices(reading.set.extras, reading.set.groups);
    if (before === null) return;
    const session = useSession.getState();
    const ticked = new Set(session.groups.map(canonicalName));
    for (const group of reading.set.defaultGroups ?? []) {
      if (!before.has(canonicalName(group)) && !ticked.has(canonicalName(group))) session.setGroupChosen(group, true);
    }
  }, [reading, keepDefinedChoices]);
}
