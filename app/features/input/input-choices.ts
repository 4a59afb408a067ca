// The extras and dependency groups offered as checkboxes: those the file defines, in its order, plus any chosen that it no longer defines (so they can be unticked).
import { canonicalName } from "../../lib/canonical-name";

export interface Choice {
  /** The name shown (as the file spells it, or as it was chosen when the file lacks it). */
  name: string;
  /** The chosen spelling when ticked (names match after PEP 685 normalisation), else null. */
  chosenAs: string | null;
  /** False for a chosen name the file does not define. */
  defined: boolean;
}

export function choicesOf(defined: readonly string[], chosen: readonly string[]): Choice[] {
  const chosenByName = new Map<string, string>();
  for (const name of chosen) if (!chosenByName.has(canonicalName(name))) chosenByName.set(canonicalName(name), name);
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const name of defined) {
    const key = canonicalName(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, chosenAs: chosenByName.get(key) ?? null, defined: true });
  }
  for (const [key, name] of chosenByName) {
    if (!seen.has(key)) out.push({ name, chosenAs: name, defined: false });
  }
  return out;
}
