// The main thread's side of the graph layout worker: started on demand (or early, to warm it), one request answered at a time, the newest wins.
import type { LayoutRequest } from "./layout-input";
import type { LayoutPositions } from "../../../lib/layout/layout-types";

export interface LayoutWorkerRequest {
  id: number;
  request: LayoutRequest;
}

export type LayoutWorkerReply = { id: number; positions: LayoutPositions } | { id: number; error: string };

interface Pending {
  request: LayoutRequest;
  resolve: (positions: LayoutPositions) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let unavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The same computation on this thread: for browsers where the worker cannot start (or stopped). */
function onMainThread(request: LayoutRequest): Promise<LayoutPositions> {
  return import("./compute-layout").then(({ computeLayout }) => computeLayout(request));
}

function start(): Worker | null {
  if (worker || unavailable) return worker;
  try {
    worker = new Worker(new URL("./graph-layout.worker.ts", import.meta.url), { type: "module", name: "tangle-graph-layout" });
  } catch {
    unavailable = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<LayoutWorkerReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ("error" in reply) waiting.reject(new Error(`The graph layout failed: ${reply.error}`));
    else waiting.resolve(reply.positions);
  };
  worker.onerror = (event) => {
    // The worker could not load or crashed: lay out here from now on, starting with what was waiting.
    event.preventDefault();
    worker?.terminate();
    worker = null;
    unavailable = true;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) onMainThread(p.request).then(p.resolve, p.reject);
  };
  return worker;
}

/** Starts the worker ahead of need, so its script is loaded by the time the first layout is asked for. */
export function warmLayoutWorker(): void {
  start();
}

/**
 * Lays out in the worker. A request still being computed when a newer one arrives is abandoned (the worker is
 * restarted, so the newer one does not wait) and its promise rejects with an AbortError-named error.
 * Without Worker support (or once the worker has failed) the layout runs here, on the main thread.
 */
export function layoutInWorker(request: LayoutRequest): Promise<LayoutPositions> {
  const w = start();
  if (!w) return onMainThread(request);
  if (pending.size > 0) {
    const stale = [...pending.values()];
    pending.clear();
    w.terminate();
    worker = null;
    for (const p of stale) {
      const error = new Error("superseded by a newer layout");
      error.name = "AbortError";
      p.reject(error);
    }
    return layoutInWorker(request);
  }
  const id = nextId++;
  return new Promise<LayoutPositions>((resolve, reject) => {
    pending.set(id, { request, resolve, reject });
    const message: LayoutWorkerRequest = { id, request };
    w.postMessage(message);
  });
}
