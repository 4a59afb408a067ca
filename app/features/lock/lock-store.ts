// The lock feature's state: the lock on show (read by the worker for the target), an upgrade waiting for the user to accept its diff, and a comparison with another lock.
import { create } from "zustand";
import { detectFormat } from "../../../workers/api-input-format";
import type { ResolveRequest, ResolvedPackageDto, Resolution } from "../../../workers/api";
import type { LockInputDto, LockViewDto, LockViewRequestDto, PackageDiffDto } from "../../../workers/api-locks";
import { resolve, resolver } from "../../resolver-client";
import { buildResolveRequest } from "../../stores/build-request";
import { useResolution } from "../../stores/resolution";
import { useSession } from "../../stores/session";
import { useComparison, type ComparedLock } from "../../stores/comparison";
import { comparisonPackages, diffMarks } from "./diff-drawing";

type ReadLock = Extract<LockViewDto, { ok: true }>;

export interface PendingUpgrade {
  /** The package asked to move, or null for "Upgrade all". */
  name: string | null;
  request: ResolveRequest;
  resolution: Extract<Resolution, { status: "resolved" }>;
  diff: PackageDiffDto;
}

/** The open lock compared with another one: the graph shows the other side with the removed packages, each marked. */
export interface LockComparison {
  oldName: string;
  newName: string;
  diff: PackageDiffDto;
}

export interface LockState {
  fileName: string | null;
  /** The project file dropped with the lock, when there was one. */
  projectFile: string | null;
  lock: ReadLock | null;
  /** The packages the lock holds now (after accepted upgrades). */
  packages: ResolvedPackageDto[];
  pending: PendingUpgrade | null;
  busy: string | null;
  error: string | null;
  /** The lock as dropped, to read it again for another target. */
  input: LockInputDto | null;
  open: (files: File[]) => Promise<void>;
  /** Reads the lock again for the session's current target (its forks and markers depend on it). */
  reread: () => Promise<void>;
  upgrade: (name: string | null) => Promise<void>;
  accept: () => void;
  discard: () => void;
  comparison: LockComparison | null;
  /** Compares the open lock with another lock file (the open one is the old side). */
  compare: (files: File[]) => Promise<void>;
  /** Opens `old` as the lock and compares it with `next` (a permalink's comparison). */
  compareTexts: (old: ComparedLock, next: ComparedLock) => Promise<void>;
  closeComparison: () => void;
}

const LOCK_NAME = /^(poetry\.lock|uv\.lock|pipfile\.lock|pylock(\.[^.]+)?\.toml)$|\.lock$|\.json$/i;
const PROJECT_NAME = /^(pyproject\.toml|pipfile)$/i;

/** The session's request for the lock's project, every group and extra included (a lock holds them all). */
function projectRequest(lock: ReadLock): ResolveRequest {
  const session = useSession.getState();
  return buildResolveRequest({ ...session, groups: lock.groups, extras: lock.extras });
}

/**
 * A run id for each lock shown: negative, so it never equals a worker run's, and new each time, so the audit (which
 * runs once per id) audits each lock, comparison and accepted upgrade on screen rather than keeping the first one's.
 */
let lastViewId = 0;
const nextViewId = (): number => --lastViewId;

function showAsResolution(packages: ResolvedPackageDto[], lock: ReadLock, request: ResolveRequest, fileName: string): void {
  const resolution: Resolution = {
    status: "resolved",
    // A lock that does not record its index (poetry.lock, Pipfile.lock, pip-compile) is audited against the index the
    // session names (pypi.org by default), as `tangle audit` and pip-audit ask one vulnerability service about every pin.
    packages: packages.map((p) => (p.index ? p : { ...p, index: request.indexUrl })),
    warnings: lock.warnings,
    diagnostics: lock.diagnostics,
    stats: { wallMs: 0, solveMs: 0, requests: 0, bytes: 0, cacheHits: 0, decisions: 0, conflicts: 0 },
    resolvedAt: new Date().toISOString(),
  };
  useResolution.setState({ current: { runId: nextViewId(), request, resolution, readFrom: fileName }, previousPackages: null, notice: null });
}

function sessionTarget(): LockViewRequestDto {
  const { settings } = useSession.getState();
  return { target: { implementation: "cpython", pythonVersion: settings.pythonVersion, os: settings.os, arch: settings.arch }, groups: null, extras: null };
}

function tooBigFile(files: File[]): string | null {
  const tooBig = files.find((f) => f.size > MAX_LOCK_BYTES);
  return tooBig ? `${tooBig.name} is ${(tooBig.size / 1e6).toFixed(1)} MB; Tangle reads lock files up to 5 MB.` : null;
}

const MAX_LOCK_BYTES = 5_000_000;

/** The session's project file, to read a lock's roots from when it is the kind of file beside that lock. */
function sessionProjectFiles(): Record<string, string> {
  const { fileName, requirementsText } = useSession.getState();
  return PROJECT_NAME.test(fileName) ? { [fileName]: requirementsText } : {};
}

export const useLock = create<LockState>()((set, get) => ({
  input: null,
  fileName: null,
  projectFile: null,
  lock: null,
  packages: [],
  pending: null,
  busy: null,
  error: null,
  comparison: null,

  open: async (files) => {
    if (files.length === 0) return;
    const tooBig = tooBigFile(files);
    if (tooBig) {
      set({ error: tooBig });
      return;
    }
    const lockFile = files.find((f) => LOCK_NAME.test(f.name)) ?? files.find((f) => !PROJECT_NAME.test(f.name)) ?? files[0];
    const others = files.filter((f) => f !== lockFile);
    const texts: Record<string, string> = {};
    for (const f of others) texts[f.name] = await f.text();
    const project = Object.keys(texts).find((n) => PROJECT_NAME.test(n)) ?? null;
    if (project) {
      // Opened as the input panel opens a project: its format and its tool's default groups (Poetry's non-optional
      // groups) from the worker's reading, so a project opened again with another lock keeps them ticked.
      const text = texts[project];
      const { format, defaultGroups } = await resolver()
        .readInput({ text, fileName: project })
        .then(
          (reading) => ({ format: reading.set.format, defaultGroups: reading.set.defaultGroups ?? [] }),
          () => ({ format: detectFormat(text, project), defaultGroups: [] }),
        );
      const companions = Object.fromEntries(Object.entries(texts).filter(([name]) => name !== project));
      useSession.getState().openProject({ fileName: project, format, text, groups: defaultGroups }, companions);
    }
    await openInput({ text: await lockFile.text(), fileName: lockFile.name, files: texts }, project);
  },

  reread: async () => {
    const { input } = get();
    if (!input) return;
    const view = await resolver().readLock(input, sessionTarget());
    if (!view.ok || get().input !== input) return;
    set({ lock: view, packages: view.packages, pending: null });
    const sides = useComparison.getState().sides;
    // A comparison on show is made again for the new target: both sides' forks and markers depend on it.
    if (sides) await compareWith(sides.old, sides.new);
    else showAsResolution(view.packages, view, projectRequest(view), input.fileName);
  },

  upgrade: async (name) => {
    const { lock, packages } = get();
    if (!lock) return;
    const request: ResolveRequest = {
      ...projectRequest(lock),
      preferences: name === null ? {} : Object.fromEntries(packages.filter((p) => p.name !== name && p.version).map((p) => [p.name, p.version])),
    };
    set({ busy: name === null ? "Upgrading every package…" : `Upgrading ${name}…`, error: null, pending: null });
    const resolution = await resolve(request).promise.catch((error: unknown) => String(error));
    if (typeof resolution === "string" || resolution.status !== "resolved") {
      const why = typeof resolution === "string" ? resolution : resolution.status === "unsatisfiable" ? resolution.explanation : resolution.error.message;
      set({ busy: null, error: `The project does not resolve: ${why}` });
      return;
    }
    const diff = await resolver().diffPackages({ packages, rootSpecifiers: lock.rootSpecifiers }, { packages: resolution.packages, rootSpecifiers: lock.rootSpecifiers }, name === null ? "all" : [name]);
    set({ busy: null, pending: { name, request, resolution, diff } });
    useComparison.getState().show(null, diffMarks(diff));
  },

  accept: () => {
    const { pending, packages, lock } = get();
    if (!pending || !lock) return;
    useResolution.setState({ current: { runId: nextViewId(), request: pending.request, resolution: pending.resolution }, previousPackages: packages, notice: null });
    set({ packages: pending.resolution.packages, pending: null });
    useComparison.getState().clear();
  },

  discard: () => {
    set({ pending: null });
    useComparison.getState().clear();
  },

  compare: async (files) => {
    const { input } = get();
    if (!input || files.length === 0) return;
    const tooBig = tooBigFile(files);
    if (tooBig) {
      set({ error: tooBig });
      return;
    }
    const file = files.find((f) => LOCK_NAME.test(f.name) && !PROJECT_NAME.test(f.name)) ?? files[0];
    await compareWith({ fileName: input.fileName, text: input.text }, { fileName: file.name, text: await file.text() });
  },

  compareTexts: async (old, next) => {
    const files = sessionProjectFiles();
    const opened = await openInput({ text: old.text, fileName: old.fileName, files }, Object.keys(files)[0] ?? null);
    if (opened) await compareWith(old, next);
  },

  closeComparison: () => {
    const { lock, packages } = get();
    set({ comparison: null });
    useComparison.getState().clear();
    if (lock) showAsResolution(packages, lock, projectRequest(lock), get().fileName ?? "the lock file");
  },
}));

/** Reads a lock for the target and shows it as the resolution; false (with the error shown) when it cannot be read. */
async function openInput(input: LockInputDto, project: string | null): Promise<boolean> {
  const set = useLock.setState;
  set({ busy: `Reading ${input.fileName}…`, error: null, pending: null, comparison: null });
  useComparison.getState().clear();
  try {
    const view = await resolver().readLock(input, sessionTarget());
    if (!view.ok) {
      set({ busy: null, error: view.diagnostics.map((d) => d.message).join("\n") });
      return false;
    }
    set({ input, fileName: input.fileName, projectFile: project, lock: view, packages: view.packages, busy: null });
    showAsResolution(view.packages, view, projectRequest(view), input.fileName);
    return true;
  } catch (error) {
    set({ busy: null, error: `The worker could not read ${input.fileName}: ${String(error)}` });
    return false;
  }
}

/** Reads `next` for the target, diffs the open lock against it and shows the comparison (the graph draws both sides' packages). */
async function compareWith(old: ComparedLock, next: ComparedLock): Promise<void> {
  const store = useLock;
  const { lock, packages, input } = store.getState();
  if (!lock || !input) return;
  store.setState({ busy: `Comparing with ${next.fileName}…`, error: null, pending: null, comparison: null });
  const other = await resolver()
    .readLock({ text: next.text, fileName: next.fileName, files: input.files }, sessionTarget())
    .catch((error: unknown) => String(error));
  if (typeof other === "string" || !other.ok) {
    store.setState({ busy: null, error: `${next.fileName} could not be read: ${typeof other === "string" ? other : other.diagnostics.map((d) => d.message).join("; ")}` });
    return;
  }
  const diff = await resolver().diffPackages({ packages, rootSpecifiers: lock.rootSpecifiers }, { packages: other.packages, rootSpecifiers: other.rootSpecifiers }, []);
  const marks = diffMarks(diff);
  store.setState({ busy: null, comparison: { oldName: old.fileName, newName: next.fileName, diff } });
  useComparison.getState().show({ old, new: next }, marks);
  showAsResolution(comparisonPackages(packages, other.packages, marks), other, projectRequest(other), next.fileName);
}

