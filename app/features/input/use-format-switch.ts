// Acts on a reading whose content is plainly another format: switches to it once per text, and remembers what it switched from so the user can go back.
import { useEffect, useState } from "react";
import type { InputFormat, InputReading } from "../../../workers/api";
import { useSession } from "../../stores/session";
import { formatSuggestion, type FormatSuggestion } from "./format-suggestion";

export interface FormatSwitch {
  /** "Read it as X" to offer, when the reading only suggests it. */
  offer: InputFormat | null;
  /** The format the text was switched away from automatically (for "Read it as X instead"), while the text stands. */
  switchedFrom: { from: InputFormat; to: InputFormat } | null;
}

/** `reading` must be of the text on screen (else null): a stale reading never switches anything. */
export function useFormatSwitch(reading: InputReading | null, text: string): FormatSwitch {
  const format = useSession((s) => s.format);
  const setFormat = useSession((s) => s.setFormat);
  const [switched, setSwitched] = useState<{ text: string; from: InputFormat; to: InputFormat } | null>(null);
  const suggestion: FormatSuggestion = reading ? formatSuggestion(format, reading) : null;
  // A text the user sent back to a format by hand is not switched again.
  const declined = switched !== null && switched.text === text && format === switched.from;
  const autoSwitch = suggestion?.kind === "switch" && !declined ? suggestion.to : null;

  useEffect(() => {
    if (autoSwitch === null) return;
    setSwitched({ text, from: format, to: autoSwitch });
    setFormat(autoSwitch);
  }, [autoSwitch, text, format, setFormat]);

  const offer = suggestion && (suggestion.kind === "offer" || declined) ? suggestion.to : null;
  return { offer, switchedFrom: switched && switched.text === text && format === switched.to ? { from: switched.from, to: switched.to } : null };
}
