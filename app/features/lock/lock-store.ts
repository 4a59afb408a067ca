// The lock feature's state: the lock on show (read by the worker for the target), and an upgrade waiting for the user to accept its diff.
import { create } from "zustand";
import type { ResolveRequest, ResolvedPackageDto, Resolution } from "../../../workers/api";
import type { LockInputDto, LockViewDto, LockViewRequestDto, PackageDiffDto } from "../../../workers/api-locks";
import { resolve, resolver } from "../../resolver-client";
import { buildResolveRequest } from "../../stores/build-request";
import { useResolution } from "../../stores/resolution";
import { useSession } from "../../stores/session";

type ReadLock = Extract<LockViewDto, { ok: true }>;

export interface PendingUpgrade {
  /** The package asked to move, or null for "Upgrade all". */
  name: string | null;
  request: ResolveRequest;
  resolution: Extract<Resolution, { status: "resolved" }>;
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
}

const LOCK_NAME = /^(poetry\.lock|uv\.lock|pipfile\.lock|pylock(\.[^.]+)?\.toml)$|\.lock$|\.json$/i;
const PROJECT_NAME = /^(pyproject\.toml|pipfile)$/i;

/** The session's request for the lock's project, every group and extra included (a lock holds them all). */
function projectRequest(lock: ReadLock): ResolveRequest {
  const session = useSession.getState();
  return buildResolveRequest({ ...session, groups: lock.groups, extras: lock.extras });
}

function showAsResolution(packages: ResolvedPackageDto[], lock: ReadLock, request: ResolveRequest, fileName: string): void {
  const resolution: Resolution = {
    status: "resolved",
    packages,
    warnings: lock.warnings,
    diagnostics: lock.diagnostics,
    stats: { wallMs: 0, solveMs: 0, requests: 0, bytes: 0, cacheHits: 0, decisions: 0, conflicts: 0 },
    resolvedAt: new Date().toISOString(),
  };
  useResolution.setState({ current: { runId: 0, request, resolution, readFrom: fileName }, previousPackages: null, notice: null });
}

function sessionTarget(): LockViewRequestDto {
  const { settings } = useSession.getState();
  return { target: { implementation: "cpython", pythonVersion: settings.pythonVersion, os: settings.os, arch: settings.arch }, groups: null, extras: null };
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

  open: async (files) => {
    if (files.length === 0) return;
    const tooBig = files.find((f) => f.size > 5_000_000);
    if (tooBig) {
      set({ error: `${tooBig.name} is ${(tooBig.size / 1e6).toFixed(1)} MB; Tangle reads lock files up to 5 MB.` });
      return;
    }
    const lockFile = files.find((f) => LOCK_NAME.test(f.name)) ?? files.find((f) => !PROJECT_NAME.test(f.name)) ?? files[0];
    const others = files.filter((f) => f !== lockFile);
    const texts: Record<string, string> = {};
    for (const f of others) texts[f.name] = await f.text();
    const text = await lockFile.text();
    set({ busy: `Reading ${lockFile.name}…`, error: null, pending: null });
    const project = Object.keys(texts).find((n) => PROJECT_NAME.test(n)) ?? null;
    const session = useSession.getState();
    if (project) {
      session.setFileName(project);
      session.setRequirementsText(texts[project]);
    }
    const input = { text, fileName: lockFile.name, files: texts };
    try {
      const view = await resolver().readLock(input, sessionTarget());
      if (!view.ok) {
        set({ busy: null, error: view.diagnostics.map((d) => d.message).join("\n") });
        return;
      }
      set({ input, fileName: lockFile.name, projectFile: project, lock: view, packages: view.packages, busy: null });
      showAsResolution(view.packages, view, projectRequest(view), lockFile.name);
    } catch (error) {
      set({ busy: null, error: `The worker could not read ${lockFile.name}: ${String(error)}` });
    }
  },

  reread: async () => {
    const { input } = get();
    if (!input) return;
    const view = await resolver().readLock(input, sessionTarget());
    if (!view.ok || get().input !== input) return;
    set({ lock: view, packages: view.packages, pending: null });
    showAsResolution(view.packages, view, projectRequest(view), input.fileName);
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
  },

  accept: () => {
    const { pending, packages, lock } = get();
    if (!pending || !lock) return;
    useResolution.setState({ current: { runId: 0, request: pending.request, resolution: pending.resolution }, previousPackages: packages, notice: null });
    set({ packages: pending.resolution.packages, pending: null });
  },

  discard: () => set({ pending: null }),
}));
