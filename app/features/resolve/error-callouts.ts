// What the status strip says for each kind of failed run (other than an unreachable index, which has its own card): a title and what to do.
import type { ErrorKind } from "../../../workers/api";

export interface ErrorCallout {
  title: string;
  /** What the person can do about it, or null when the message says it all. */
  advice: string | null;
}

const CALLOUTS: Record<Exclude<ErrorKind, "index-unreachable">, ErrorCallout> = {
  input: { title: "The requirements could not be read", advice: null },
  "index-broken": { title: "The index answered with something Tangle cannot read", advice: null },
  internal: { title: "Tangle hit a bug while resolving", advice: null },
  cancelled: { title: "Resolution cancelled", advice: null },
  "too-complex": {
    title: "Too many combinations: the resolver gave up before finding an answer",
    advice:
      `Narrow the search: give the projects named above a lower bound or a pin you know works, in the file or under "Constraints and overrides". ` +
      "Or raise the budget by resolving in the terminal: tangle resolve FILE --max-decisions 500000 --max-seconds 900.",
  },
};

export function errorCallout(kind: Exclude<ErrorKind, "index-unreachable">): ErrorCallout {
  return CALLOUTS[kind];
}
