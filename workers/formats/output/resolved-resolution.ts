// The input every export writes from: a resolution that succeeded, with the request that produced it.
import type { Resolution, ResolveRequest } from "../../api";
import type { AuditReportDto } from "../../api-audit";

/** A resolution whose status is "resolved" (only those can be written as pins). */
export type ResolvedResolution = Extract<Resolution, { status: "resolved" }>;

/**
 * Writes one export format; pure (no IO, no clock: the time is `resolution.resolvedAt`). `audit`, when the page has
 * one, lets a format carry licences and vulnerability ids (the JSON report does; pylock.toml has no field for them).
 */
export type ExportWriter = (resolution: ResolvedResolution, request: ResolveRequest, audit?: AuditReportDto) => string;
