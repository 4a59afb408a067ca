// requirements.txt in pip-compile's shape: header, index options, `name==version` with a `--hash` for every file, `# via` annotations.
import type { DistributionFileDto, ResolvedPackageDto, ResolveRequest } from "../../api";
import type { AuditReportDto } from "../../api-audit";
import { auditNotes } from "./audit-notes";
import { headerLines, inputFileName, inputFormatOf, isDefaultIndex } from "./request-description";
import type { ResolvedResolution } from "./resolved-resolution";
import { skippedComments } from "./skipped-comments";

/** The algorithms pip accepts for `--hash` (its STRONG_HASHES), most preferred first. */
const PIP_HASH_ALGORITHMS = ["sha256", "sha384", "sha512"] as const;

/** pip-compile's "unsafe" packages: listed last, under their own comment. */
const UNSAFE_PACKAGES = new Set(["setuptools", "distribute", "pip"]);

/** How ResolvedPackageDto.dependents names the user's own requirements (see workers/api.ts). */
const ROOT_DEPENDENT = "<root>";

const MESSAGE_UNSAFE_PACKAGES = "# The following packages are considered to be unsafe in a requirements file:";
const MESSAGE_UNHASHED_PACKAGE =
  "# WARNING: pip install will require the following package to be hashed.\n# The index listed no sha256, sha384 or sha512 hash for its files.";

/** `algorithm:hexdigest` for every file (sha256 when the index gave it, else the next strong one), sorted, deduplicated. */
export function pipHashes(files: readonly DistributionFileDto[]): string[] {
  const hashes = new Set<string>();
  for (const file of files) {
    for (const algorithm of PIP_HASH_ALGORITHMS) {
      const digest = file.hashes[algorithm];
      if (typeof digest === "string" && /^[0-9a-f]+$/i.test(digest)) {
        hashes.add(`${algorithm}:${digest.toLowerCase()}`);
        break;
      }
    }
  }
  return [...hashes].sort();
}

/** `name[extra1,extra2]==version`, the name canonical and the extras sorted, as pip-compile writes a pin. */
export function pinLine(pkg: ResolvedPackageDto, withExtras: boolean): string {
  const extras = withExtras && pkg.extras.length > 0 ? `[${[...pkg.extras].sort().join(",")}]` : "";
  return `${pkg.name}${extras}==${pkg.version}`;
}

/** What pip-compile writes after `# via`: `-r <file>` for the user's requirements, the dependents' names otherwise. */
function viaSources(pkg: ResolvedPackageDto, request: ResolveRequest): string[] {
  const file = inputFileName(request);
  const root = inputFormatOf(request) === "requirements.txt" ? `-r ${file}` : file;
  const sources = new Set(pkg.dependents.map((d) => (d === ROOT_DEPENDENT ? root : d)));
  return [...sources].map((s) => s.replace(/[\r\n]+/g, " ")).sort();
}

/** pip-compile's default ("split") annotation style: one source on the same line, several one per line. */
function annotation(sources: readonly string[]): string {
  if (sources.length === 0) return "";
  if (sources.length === 1) return `\n    # via ${sources[0]}`;
  return `\n    # via${sources.map((s) => `\n    #   ${s}`).join("")}`;
}

function packageEntry(pkg: ResolvedPackageDto, request: ResolveRequest, audit: AuditReportDto | undefined): string {
  // A universal resolution's package carries where it is installed, as `uv pip compile --universal` writes it.
  let entry = pinLine(pkg, true) + (pkg.marker !== undefined ? ` ; ${pkg.marker}` : "");
  for (const hash of pipHashes(pkg.files)) entry += ` \\\n    --hash=${hash}`;
  return entry + annotation(viaSources(pkg, request)) + auditNotes(pkg, audit).map((note) => `\n    # ${note}`).join("");
}

/** Index URLs as pip options (pip-compile leaves out the default index); tabs and line breaks removed and spaces escaped, as URL parsers do. */
function indexOptions(request: ResolveRequest): string[] {
  const clean = (url: string) => url.replace(/[\t\r\n]/g, "").replace(/ /g, "%20");
  const lines: string[] = [];
  if (request.indexUrl !== "" && !isDefaultIndex(request.indexUrl)) lines.push(`--index-url ${clean(request.indexUrl)}`);
  for (const url of new Set(request.extraIndexUrls)) lines.push(`--extra-index-url ${clean(url)}`);
  return lines;
}

/**
 * The whole file; every line ends with `\n`. With an audit, each pin's comment also names its licence and advisories.
 * Requirements skipped for the target (marker false) close the file as comments, so the export does not lose them.
 */
export function formatRequirementsTxt(resolution: ResolvedResolution, request: ResolveRequest, audit?: AuditReportDto): string {
  const lines = headerLines(request, resolution.resolvedAt, "requirements");
  const options = indexOptions(request);
  if (options.length > 0) lines.push(...options, "");

  const sorted = [...resolution.packages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const anyHashes = sorted.some((p) => pipHashes(p.files).length > 0);
  const emit = (pkg: ResolvedPackageDto) => {
    if (anyHashes && pipHashes(pkg.files).length === 0) lines.push(MESSAGE_UNHASHED_PACKAGE);
    lines.push(packageEntry(pkg, request, audit));
  };
  for (const pkg of sorted.filter((p) => !UNSAFE_PACKAGES.has(p.name))) emit(pkg);
  const unsafe = sorted.filter((p) => UNSAFE_PACKAGES.has(p.name));
  if (unsafe.length > 0) {
    lines.push("", MESSAGE_UNSAFE_PACKAGES);
    for (const pkg of unsafe) emit(pkg);
  }
  const skipped = skippedComments(resolution);
  if (skipped.length > 0) lines.push("", ...skipped);
  return `${lines.join("\n")}\n`;
}
