// The graph layout worker: computes node positions off the main thread and transfers them back.
import { computeLayout } from "./compute-layout";
import type { LayoutWorkerReply, LayoutWorkerRequest } from "./layout-worker-client";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutWorkerRequest>) => {
  const { id, request } = event.data;
  let reply: LayoutWorkerReply;
  try {
    const positions = computeLayout(request);
    reply = { id, positions };
    scope.postMessage(reply, [positions.buffer]);
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
    scope.postMessage(reply);
  }
};
