// The graph's focus mode (everything, the selection's neighbourhood, or the requirements and the paths to the selection); not persisted.
import { create } from "zustand";
import type { GraphFocus } from "../utils/graph-focus";

interface GraphFocusState {
  focus: GraphFocus;
  setFocus: (focus: GraphFocus) => void;
}

export const useGraphFocus = create<GraphFocusState>()((set) => ({
  focus: "all",
  setFocus: (focus) => set({ focus }),
}));
