// A distribution file recorded in a lock (URL or file name, hashes, size, upload time) as the resolver's file DTO.
import type { DistributionFileDto } from "../../api";
import { distributionKind } from "../../packaging/distribution-kind";

export interface LockedFileFields {
  url?: string | null;
  filename?: string | null;
  /** `algorithm:hexdigest` strings, or an `{algorithm: hexdigest}` table. */
  hashes?: readonly string[] | Record<string, string>;
  size?: number | null;
  uploadTime?: string | null;
  requiresPython?: string | null;
}

function lastSegment(url: string): string {
  const path = url.split(/[?#]/, 1)[0];
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  } catch {
    return path.slice(path.lastIndexOf("/") + 1);
  }
}

/** `sha256:abc` -> `{sha256: "abc"}`; pieces without a colon are ignored. */
export function hashTable(hashes: readonly string[] | Record<string, string> | undefined): Record<string, string> {
  if (hashes === undefined) return {};
  if (!Array.isArray(hashes)) return { ...(hashes as Record<string, string>) };
  const out: Record<string, string> = {};
  for (const h of hashes as readonly string[]) {
    const colon = h.indexOf(":");
    if (colon > 0) out[h.slice(0, colon)] = h.slice(colon + 1);
  }
  return out;
}

export function lockedFile(fields: LockedFileFields): DistributionFileDto {
  const url = fields.url ?? "";
  const filename = fields.filename ?? (url ? lastSegment(url) : "");
  return {
    filename,
    url,
    hashes: hashTable(fields.hashes),
    size: typeof fields.size === "number" ? fields.size : null,
    uploadTime: fields.uploadTime ?? null,
    kind: distributionKind(filename),
    requiresPython: fields.requiresPython ?? null,
  };
}
