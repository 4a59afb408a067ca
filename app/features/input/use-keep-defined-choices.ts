// Keeps the extras and groups ticked to those the text on screen defines, so a choice made for one file never leaks into the next.
import { useEffect } from "react";
import type { InputReading } from "../../../workers/api";
import { useSession } from "../../stores/session";

/** `reading` must be of the text and format on screen (else null). */
export function useKeepDefinedChoices(reading: InputReading | null): void {
  const keepDefinedChoices = useSession((s) => s.keepDefinedChoices);
  useEffect(() => {
    if (reading) keepDefinedChoices(reading.set.extras, reading.set.groups);
  }, [reading, keepDefinedChoices]);
}
