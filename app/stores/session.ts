// The session store: what the user typed and chose (inputs, target, index, what-if edits); persisted so a reload never loses it.
import { create } from "zustand";
import { persist } from "zustand/middleware";
import type { PrereleaseMode, ResolutionStrategy, TargetDto } from "../../workers/api";

export const EXAMPLE_REQUIREMENTS = `# Paste requirements.txt lines — each is parsed as you type
requests[socks]>=2.20,<3
django~=4.2; python_version >= "3.8"
numpy (>=1.18)
`;

export const PYPI_SIMPLE_URL = "https://pypi.org/simple";
export const SNAPSHOT_INDEX_PATH = "/index/snapshot-2020/simple";

/** The bundled offline snapshot index, served by the dev and preview servers beside the page. */
export function snapshotIndexUrl(origin: string = globalThis.location?.origin ?? "http://127.0.0.1:5173"): string {
  return `${origin}${SNAPSHOT_INDEX_PATH}`;
}

export const PYTHON_VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"] as const;
export const PLATFORMS: readonly TargetDto["os"][] = ["linux", "macos", "windows"];
export const ARCHITECTURES: readonly TargetDto["arch"][] = ["x86_64", "aarch64", "arm64"];
export const STRATEGIES: readonly ResolutionStrategy[] = ["highest", "lowest", "lowest-direct"];
export const PRERELEASE_MODES: readonly PrereleaseMode[] = ["if-necessary-or-explicit", "allow", "disallow"];

export interface SessionSettings {
  pythonVersion: string;
  os: TargetDto["os"];
  arch: TargetDto["arch"];
  indexUrl: string;
  resolution: ResolutionStrategy;
  prerelease: PrereleaseMode;
  /** A calendar date (YYYY-MM-DD) or "" for no limit. */
  excludeNewer: string;
}

export const DEFAULT_SETTINGS: SessionSettings = {
  pythonVersion: "3.13",
  os: "linux",
  arch: "x86_64",
  indexUrl: PYPI_SIMPLE_URL,
  resolution: "highest",
  prerelease: "if-necessary-or-explicit",
  excludeNewer: "",
};

export interface SessionState {
  requirementsText: string;
  /** The file name the text came from (or the format chosen for it); tells the resolver how to read it. */
  fileName: string;
  settings: SessionSettings;
  /** What-if edits: canonical name -> specifier, and excluded canonical names. */
  pins: Record<string, string>;
  excluded: string[];
  setRequirementsText: (text: string) => void;
  setFileName: (fileName: string) => void;
  updateSettings: (patch: Partial<SessionSettings>) => void;
  setPin: (name: string, specifier: string) => void;
  removePin: (name: string) => void;
  exclude: (name: string) => void;
  include: (name: string) => void;
  clearWhatIf: () => void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      requirementsText: EXAMPLE_REQUIREMENTS,
      fileName: "requirements.txt",
      settings: DEFAULT_SETTINGS,
      pins: {},
      excluded: [],
      setRequirementsText: (requirementsText) => set({ requirementsText }),
      setFileName: (fileName) => set({ fileName }),
      updateSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
      setPin: (name, specifier) =>
        set((s) => ({ pins: { ...s.pins, [name]: specifier }, excluded: s.excluded.filter((n) => n !== name) })),
      removePin: (name) =>
        set((s) => {
          const pins = { ...s.pins };
          delete pins[name];
          return { pins };
        }),
      exclude: (name) =>
        set((s) => {
          const pins = { ...s.pins };
          delete pins[name];
          return { pins, excluded: s.excluded.includes(name) ? s.excluded : [...s.excluded, name] };
        }),
      include: (name) => set((s) => ({ excluded: s.excluded.filter((n) => n !== name) })),
      clearWhatIf: () => set({ pins: {}, excluded: [] }),
    }),
    {
      name: "tangle.session",
      version: 2,
      // Version 1 held only the text: keep it, take defaults for the rest.
      migrate: (persisted) => {
        const old = (persisted ?? {}) as Partial<SessionState>;
        return { requirementsText: old.requirementsText ?? EXAMPLE_REQUIREMENTS } as SessionState;
      },
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<SessionState>;
        return { ...current, ...p, settings: { ...DEFAULT_SETTINGS, ...(p.settings ?? {}) } };
      },
      partialize: (s) => ({
        requirementsText: s.requirementsText,
        fileName: s.fileName,
        settings: s.settings,
        pins: s.pins,
        excluded: s.excluded,
      }),
    },
  ),
);
