// Whether the session could be saved in this browser: localStorage refuses big texts (its quota is a few MB), and the page says so at once.
import { create } from "zustand";
import type { StateStorage } from "zustand/middleware";

export interface SavedState {
  /** null: saved (or nothing tried yet); else the size of what did not fit, in bytes of UTF-8 (as a saved file would be). */
  refusedBytes: number | null;
}

export const useSavedState = create<SavedState>()(() => ({ refusedBytes: null }));

/** localStorage that reports a refused write (quota exceeded, storage disabled) instead of throwing into the caller. */
export function reportingStorage(storage: () => Storage): StateStorage {
  return {
    getItem: (name) => storage().getItem(name),
    removeItem: (name) => storage().removeItem(name),
    setItem: (name, value) => {
      try {
        storage().setItem(name, value);
        if (useSavedState.getState().refusedBytes !== null) useSavedState.setState({ refusedBytes: null });
      } catch {
        useSavedState.setState({ refusedBytes: new Blob([value]).size });
      }
    },
  };
}
