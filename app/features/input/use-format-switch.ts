// Acts on a reading whose content is plainly another format: switches to it when the text arrives, never against a format the user chose by hand for that text.
import { useCallback, useEffect, useState } from "react";
import type { InputFormat, InputReading } from "../../../workers/api";
import { useSession } from "../../stores/session";
import { formatSuggestion } from "./format-suggestion";

export interface FormatSwitch {
  /** "Read it as X" to offer, when the reading only suggests it (or the user chose the format by hand). */
  offer: InputFormat | null;
  /** The format the text was switched away from automatically (for "Read it as X instead"), while the text stands. */
  switchedFrom: { from: InputFormat; to: InputFormat } | null;
  /** The user's own choice of format (the select, "Read it as X"): this text is never switched away from it. */
  chooseFormat: (format: InputFormat) => void;
}

/** `reading` must be of the text on screen (else null): a stale reading never switches anything. */
export function useFormatSwitch(reading: InputReading | null, text: string): FormatSwitch {
  const format = useSession((s) => s.format);
  const setFormat = useSession((s) => s.setFormat);
  const [switched, setSwitched] = useState<{ text: string; from: InputFormat; to: InputFormat } | null>(null);
  // The text whose format the user chose by hand: it is never switched.
  const [chosenFor, setChosenFor] = useState<string | null>(null);
  const chooseFormat = useCallback(
    (next: InputFormat) => {
      setChosenFor(useSession.getState().requirementsText);
      setFormat(next);
    },
    [setFormat],
  );

  const suggestion = reading ? formatSuggestion(format, reading) : null;
  const autoSwitch = suggestion?.kind === "switch" && chosenFor !== text ? suggestion.to : null;
  useEffect(() => {
    if (autoSwitch === null) return;
    setSwitched({ text, from: format, to: autoSwitch });
    setFormat(autoSwitch);
  }, [autoSwitch, text, format, setFormat]);

  const offer = suggestion && autoSwitch === null ? suggestion.to : null;
  return { offer, switchedFrom: switched && switched.text === text && format === switched.to ? { from: switched.from, to: switched.to } : null, chooseFormat };
}
