// The theme store: light, dark or the system's choice; persisted, applied as the `dark` class on <html>.
import { create } from "zustand";
import { persist } from "zustand/middleware";

export type ThemePreference = "system" | "light" | "dark";

interface ThemeState {
  preference: ThemePreference;
  /** What is actually shown, after consulting the system for "system". */
  resolved: "light" | "dark";
  setPreference: (preference: ThemePreference) => void;
}

function systemTheme(): "light" | "dark" {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function apply(resolved: "light" | "dark"): void {
  if (typeof document === "undefined") return;
  document.documentElement.classList.toggle("dark", resolved === "dark");
  document.documentElement.style.colorScheme = resolved;
}

export const useTheme = create<ThemeState>()(
  persist(
    (set) => ({
      preference: "system",
      resolved: systemTheme(),
      setPreference: (preference) => {
        const resolved = preference === "system" ? systemTheme() : preference;
        apply(resolved);
        set({ preference, resolved });
      },
    }),
    {
      name: "tangle.theme",
      partialize: (s) => ({ preference: s.preference }),
      onRehydrateStorage: () => (state) => {
        if (state) state.setPreference(state.preference);
      },
    },
  ),
);

/** Applies the stored theme now and follows the system while the preference is "system". */
export function startTheme(): void {
  const { preference, setPreference } = useTheme.getState();
  setPreference(preference);
  if (typeof matchMedia !== "function") return;
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
    const current = useTheme.getState();
    if (current.preference === "system") current.setPreference("system");
  });
}
