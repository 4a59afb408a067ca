// The input every export writes from: a resolution that succeeded, with the request that produced it.
import type { Resolution, ResolveRequest } from "../../api";

/** A resolution whose status is "resolved" (only those can be written as pins). */
export type ResolvedResolution = Extract<Resolution, { status: "resolved" }>;

/** Writes one export format; pure (no IO, no clock: the time is `resolution.resolvedAt`). */
export type ExportWriter = (resolution: ResolvedResolution, request: ResolveRequest) => string;
