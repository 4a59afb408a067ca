// The session store: what the user typed and chose (inputs, target, index, what-if edits); persisted so a reload never loses it.
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { reportingStorage } from "./saved-state";
import type { InputFormat, PrereleaseMode, ResolutionStrategy, ResolverPolicy, TargetDto, UnknownDependenciesMode } from "../../workers/api";
import { INPUT_FORMATS, detectFormat } from "../../workers/api-input-format";
import { canonicalName } from "../lib/canonical-name";

/** The text a first visit starts with: it resolves on pypi.org and on the offline 2020 snapshot alike. */
export const EXAMPLE_REQUIREMENTS = `# Paste requirements.txt lines — each is parsed as you type
requests[socks]>=2.20,<3
django>=3.0; python_version >= "3.8"
numpy (>=1.18)
`;

/** Starting texts of earlier versions (untouched by the user), replaced by today's on load: `django~=4.2` fails on the 2020 snapshot. */
const EARLIER_EXAMPLES: readonly string[] = [
  `# Paste requirements.txt lines — each is parsed as you type
requests[socks]>=2.20,<3
django~=4.2; python_version >= "3.8"
numpy (>=1.18)
`,
];

/** True when the text is a starting example the user never edited (so it may be replaced without losing anything). */
export function isUntouchedExample(text: string): boolean {
  return text === EXAMPLE_REQUIREMENTS || EARLIER_EXAMPLES.includes(text);
}

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
export const UNKNOWN_DEPENDENCIES_MODES: readonly UnknownDependenciesMode[] = ["assume-none", "exclude"];
export const POLICIES: readonly ResolverPolicy[] = ["pip", "uv"];

export interface SessionSettings {
  pythonVersion: string;
  os: TargetDto["os"];
  arch: TargetDto["arch"];
  indexUrl: string;
  resolution: ResolutionStrategy;
  prerelease: PrereleaseMode;
  /** A calendar date (YYYY-MM-DD) or "" for no limit. */
  excludeNewer: string;
  /** Releases whose dependencies the index cannot tell: assume none (with a warning) or never choose them. */
  unknownDependencies: UnknownDependenciesMode;
  /** Resolve for every platform (Linux, macOS, Windows) and every Python in `universalPython` at once, as `uv lock` does. */
  universal: boolean;
  /** The Python range of a universal resolution (PEP 440, e.g. ">=3.9"); "" for the project's requires-python, else from the chosen Python on. */
  universalPython: string;
  /** Whose rules choose among candidates: pip's or uv's (pre-releases, yanked releases, Requires-Python, indexes). */
  policy: ResolverPolicy;
}

export const DEFAULT_SETTINGS: SessionSettings = {
  pythonVersion: "3.13",
  os: "linux",
  arch: "x86_64",
  indexUrl: PYPI_SIMPLE_URL,
  resolution: "highest",
  prerelease: "if-necessary-or-explicit",
  excludeNewer: "",
  unknownDependencies: "assume-none",
  universal: false,
  universalPython: "",
  policy: "pip",
};

/** The session's data (what a permalink carries), without the actions. */
export interface SessionData {
  requirementsText: string;
  /** The file name the text came from (or the format chosen for it); a base for relative paths in the file. */
  fileName: string;
  /** How the text is read: detected from the file name when a file is opened, or chosen by the user. */
  format: InputFormat;
  /** The project's other files by relative name (a pbr requirements.txt, `-r`/`-c` includes, buildout `extends`). */
  projectFiles: Record<string, string>;
  /** Constraints and overrides, one requirement a line (the CLI's `-c FILE` and `--override FILE`). */
  constraintsText: string;
  overridesText: string;
  /** The extras and dependency groups of the file to include, as the file spells them. */
  extras: string[];
  groups: string[];
  settings: SessionSettings;
  /** What-if edits: canonical name -> specifier, and excluded canonical names. */
  pins: Record<string, string>;
  excluded: string[];
  /**
   * When set (RFC 3339), resolutions see the index as it was at that instant (files uploaded later are ignored):
   * a permalink reproducing an earlier resolution sets it; "Re-resolve against today's index" clears it.
   */
  reproduceAt: string | null;
}

export interface SessionState extends SessionData {
  setRequirementsText: (text: string) => void;
  /** A new file: its format as detected (by default, what its name says); extras and groups are cleared. */
  setFileName: (fileName: string, format?: InputFormat) => void;
  /** Overrides how the text is read; a file name that only named the old format follows the new one. */
  setFormat: (format: InputFormat) => void;
  setExtraChosen: (extra: string, chosen: boolean) => void;
  setGroupChosen: (group: string, chosen: boolean) => void;
  /**
   * Keeps only the extras and groups the text on screen defines (from the worker's reading of it): a choice made for
   * one file never carries over to another file's request, diagnostics, exports or permalink.
   */
  keepDefinedChoices: (definedExtras: readonly string[], definedGroups: readonly string[]) => void;
  setReproduceAt: (instant: string | null) => void;
  /** Adds (or replaces, by name) files of the project beside the one in the editor. */
  addProjectFiles: (files: Record<string, string>) => void;
  removeProjectFile: (name: string) => void;
  /** A new project: the editor's file and its companions, replacing the old project's files. */
  openProject: (main: { fileName: string; format: InputFormat; text: string; groups?: string[] }, companions: Record<string, string>) => void;
  setConstraintsText: (text: string) => void;
  setOverridesText: (text: string) => void;
  updateSettings: (patch: Partial<SessionSettings>) => void;
  setPin: (name: string, specifier: string) => void;
  removePin: (name: string) => void;
  exclude: (name: string) => void;
  include: (name: string) => void;
  clearWhatIf: () => void;
}

function toggled(list: string[], name: string, chosen: boolean): string[] {
  const without = list.filter((n) => n !== name);
  return chosen ? [...without, name] : without;
}

/** The data part of the session (what is persisted and what a permalink carries). */
export function sessionData(s: SessionData): SessionData {
  return {
    requirementsText: s.requirementsText,
    fileName: s.fileName,
    format: s.format,
    projectFiles: s.projectFiles,
    constraintsText: s.constraintsText,
    overridesText: s.overridesText,
    extras: s.extras,
    groups: s.groups,
    settings: s.settings,
    pins: s.pins,
    excluded: s.excluded,
    reproduceAt: s.reproduceAt,
  };
}

function isTextRecord(v: unknown): v is Record<string, string> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}

/**
 * A stored session over the defaults: what was stored wins, sessions stored before the format, extras, groups and
 * reproduction time existed get them (the format from the file name), and unusable values fall back to the defaults.
 */
export function mergePersistedSession<T extends SessionData>(persisted: unknown, current: T): T {
  const p = (persisted ?? {}) as Partial<SessionData>;
  const fileName = typeof p.fileName === "string" ? p.fileName : current.fileName;
  const requirementsText = typeof p.requirementsText === "string" ? p.requirementsText : current.requirementsText;
  const format = (INPUT_FORMATS as readonly unknown[]).includes(p.format) ? (p.format as InputFormat) : detectFormat(requirementsText, fileName);
  const names = (v: unknown): string[] => (Array.isArray(v) && v.every((x) => typeof x === "string") ? v : []);
  return {
    ...current,
    ...p,
    // An untouched starting example of an earlier version becomes today's (which resolves on the offline snapshot too).
    requirementsText: isUntouchedExample(requirementsText) ? EXAMPLE_REQUIREMENTS : requirementsText,
    fileName,
    format,
    extras: names(p.extras),
    groups: names(p.groups),
    projectFiles: isTextRecord(p.projectFiles) ? p.projectFiles : {},
    constraintsText: typeof p.constraintsText === "string" ? p.constraintsText : "",
    overridesText: typeof p.overridesText === "string" ? p.overridesText : "",
    reproduceAt: typeof p.reproduceAt === "string" ? p.reproduceAt : null,
    settings: { ...DEFAULT_SETTINGS, ...(p.settings ?? {}) },
  };
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      requirementsText: EXAMPLE_REQUIREMENTS,
      fileName: "requirements.txt",
      format: "requirements.txt",
      projectFiles: {},
      constraintsText: "",
      overridesText: "",
      extras: [],
      groups: [],
      settings: DEFAULT_SETTINGS,
      pins: {},
      excluded: [],
      reproduceAt: null,
      setRequirementsText: (requirementsText) => set({ requirementsText }),
      setFileName: (fileName, format) => set((s) => ({ fileName, format: format ?? detectFormat(s.requirementsText, fileName), extras: [], groups: [] })),
      setFormat: (format) =>
        set((s) => ({ format, fileName: (INPUT_FORMATS as readonly string[]).includes(s.fileName) ? format : s.fileName })),
      setExtraChosen: (extra, chosen) => set((s) => ({ extras: toggled(s.extras, extra, chosen) })),
      setGroupChosen: (group, chosen) => set((s) => ({ groups: toggled(s.groups, group, chosen) })),
      keepDefinedChoices: (definedExtras, definedGroups) =>
        set((s) => {
          const defined = (names: readonly string[]) => new Set(names.map(canonicalName));
          const [extrasHere, groupsHere] = [defined(definedExtras), defined(definedGroups)];
          const extras = s.extras.filter((e) => extrasHere.has(canonicalName(e)));
          const groups = s.groups.filter((g) => groupsHere.has(canonicalName(g)));
          return extras.length === s.extras.length && groups.length === s.groups.length ? s : { extras, groups };
        }),
      setReproduceAt: (reproduceAt) => set({ reproduceAt }),
      addProjectFiles: (files) => set((s) => ({ projectFiles: { ...s.projectFiles, ...files } })),
      removeProjectFile: (name) =>
        set((s) => {
          const projectFiles = { ...s.projectFiles };
          delete projectFiles[name];
          return { projectFiles };
        }),
      openProject: (main, companions) =>
        set({ fileName: main.fileName, format: main.format, requirementsText: main.text, projectFiles: { ...companions }, extras: [], groups: [...(main.groups ?? [])] }),
      setConstraintsText: (constraintsText) => set({ constraintsText }),
      setOverridesText: (overridesText) => set({ overridesText }),
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
      // A text too big for localStorage is not saved: the input panel says so at once (see saved-state.ts).
      storage: createJSONStorage(() => reportingStorage(() => localStorage)),
      // Version 1 held only the text: keep it, take defaults for the rest.
      migrate: (persisted) => {
        const old = (persisted ?? {}) as Partial<SessionState>;
        return { requirementsText: old.requirementsText ?? EXAMPLE_REQUIREMENTS } as SessionState;
      },
      merge: (persisted, current) => mergePersistedSession(persisted, current),
      partialize: (s): SessionData => sessionData(s),
    },
  ),
);
