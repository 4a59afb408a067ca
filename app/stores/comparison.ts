// The lock comparison on show, shared by the lock card (which makes it), the graph (which marks it) and permalinks (which carry it).
import { create } from "zustand";

/** How a package moved between the two sides. */
export type DiffMark = "added" | "removed" | "upgraded" | "downgraded" | "changed";

export const DIFF_MARKS: readonly DiffMark[] = ["added", "removed", "upgraded", "downgraded", "changed"];

/** One compared lock file as it was opened (the project file beside it travels with the session). */
export interface ComparedLock {
  fileName: string;
  text: string;
}

export interface ComparisonState {
  /** The two files compared, for links; null when no comparison of two files is on show. */
  sides: { old: ComparedLock; new: ComparedLock } | null;
  /** What the graph marks: package -> how it moved (an upgrade's pending diff, or the comparison). */
  marks: Record<string, DiffMark> | null;
  /** A comparison a link asked for, waiting for the lock card to open it. */
  requested: { old: ComparedLock; new: ComparedLock } | null;
  show: (sides: ComparisonState["sides"], marks: Record<string, DiffMark> | null) => void;
  clear: () => void;
  request: (sides: { old: ComparedLock; new: ComparedLock }) => void;
  takeRequest: () => { old: ComparedLock; new: ComparedLock } | null;
}

export const useComparison = create<ComparisonState>()((set, get) => ({
  sides: null,
  marks: null,
  requested: null,
  show: (sides, marks) => set({ sides, marks }),
  clear: () => set({ sides: null, marks: null }),
  request: (sides) => set({ requested: sides }),
  takeRequest: () => {
    const requested = get().requested;
    if (requested) set({ requested: null });
    return requested;
  },
}));
