// The export formats in one list (id, label, file name, MIME type, writer), shared by the UI's "Download" menu and the CLI's `--format`.
import type { ResolveRequest } from "../../api";
import type { AuditReportDto } from "../../api-audit";
import { formatBuildoutVersions } from "./buildout-versions";
import { formatConstraintsTxt } from "./constraints-txt";
import { formatJsonReport } from "./json-report";
import { formatPoetryLock } from "./poetry-lock";
import { formatPylockToml } from "./pylock-toml";
import { formatRequirementsTxt } from "./requirements-txt";
import type { ExportWriter, ResolvedResolution } from "./resolved-resolution";
import { formatUvLock } from "./uv-lock";

export type ExportFormatId = "requirements" | "constraints" | "pylock" | "uv-lock" | "poetry-lock" | "buildout" | "json";

export interface ExportFormat {
  id: ExportFormatId;
  /** For a menu: "requirements.txt (pip-compile style, with hashes)". */
  label: string;
  /** The file name a download is saved as. */
  fileName: string;
  mimeType: string;
  /** Whether the format can hold a universal resolution (markers per package, a name at several versions); the others are written for one target only. */
  universal: boolean;
  write: ExportWriter;
}

function writeJsonReport(resolution: ResolvedResolution, request: ResolveRequest, audit?: AuditReportDto): string {
  return `${JSON.stringify(formatJsonReport(resolution, request, audit), null, 2)}
`;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = Object.freeze([
  { id: "requirements", label: "requirements.txt (pip-compile style, with hashes)", fileName: "requirements.txt", mimeType: "text/plain", universal: true, write: formatRequirementsTxt },
  { id: "constraints", label: "constraints.txt (pins only)", fileName: "constraints.txt", mimeType: "text/plain", universal: true, write: formatConstraintsTxt },
  { id: "pylock", label: "pylock.toml (PEP 751 lock file)", fileName: "pylock.toml", mimeType: "application/toml", universal: true, write: formatPylockToml },
  { id: "uv-lock", label: "uv.lock (uv's lock file, for this target)", fileName: "uv.lock", mimeType: "application/toml", universal: false, write: formatUvLock },
  { id: "poetry-lock", label: "poetry.lock (Poetry 2 lock file, for this target)", fileName: "poetry.lock", mimeType: "application/toml", universal: false, write: formatPoetryLock },
  { id: "buildout", label: "buildout [versions] section", fileName: "versions.cfg", mimeType: "text/plain", universal: false, write: formatBuildoutVersions },
  { id: "json", label: "JSON report", fileName: "tangle-report.json", mimeType: "application/json", universal: true, write: writeJsonReport },
]);

export const EXPORT_FORMAT_IDS: readonly ExportFormatId[] = EXPORT_FORMATS.map((f) => f.id);

/** Why a one-target format cannot hold a universal resolution, with the formats that can. */
export function universalRefusal(format: ExportFormat): string {
  const can = EXPORT_FORMATS.filter((f) => f.universal).map((f) => f.fileName);
  return `${format.fileName} is written for one target and this resolution covers every platform: download ${can.join(", ")} (markers on each package), or resolve for one target`;
}

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}
