// One Poetry dependency (`name = "^1.2"`, a table, or an array of tables) as PEP 508 requirements (Factory.create_dependency).
import type { TomlValue } from "smol-toml";
import { diagnosticAt, type OffsetMapper } from "./location";
import { poetryConstraintToSpecifier, poetryPlatformToMarker, poetryPythonToMarker } from "./poetry-constraint";
import { formatPep508, requirementFromPep508 } from "./requirement-entry";
import type { Diagnostic, InputRequirement, RequirementKind, RequirementSource } from "../../api-input";
import { describeToml, isTable, type TomlDocument, type TomlPath } from "./toml-document";

export interface PoetryDependencyContext {
  doc: TomlDocument;
  source: RequirementSource;
  diagnostics: Diagnostic[];
}

export interface PoetryDependency {
  requirement: InputRequirement;
  /** `optional = true`: only installed through an extra that names it. */
  optional: boolean;
}

const KNOWN_KEYS = new Set([
  "version", "extras", "markers", "python", "platform", "optional", "allow-prereleases", "allows-prereleases",
  "git", "branch", "tag", "rev", "subdirectory", "path", "file", "url", "develop", "source",
]);

/** Joins marker expressions with `and`, parenthesising those that contain `or`. */
export function andMarkers(markers: string[]): string | null {
  const parts = markers.filter((m) => m.trim() !== "");
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return parts.map((m) => (/\bor\b/.test(m) ? `(${m})` : m)).join(" and ");
}

function stringField(ctx: PoetryDependencyContext, path: TomlPath, table: Record<string, TomlValue>, key: string): string | null {
  const value = table[key];
  if (value === undefined) return null;
  if (typeof value === "string") return value;
  ctx.diagnostics.push(diagnosticAt("error", ctx.doc.valuePosition([...path, key]), `"${key}" must be a string, not ${describeToml(value)}`));
  return null;
}

/** Builds the requirement for one constraint (a string or a table) at `path`. */
function oneDependency(name: string, path: TomlPath, value: TomlValue, ctx: PoetryDependencyContext): PoetryDependency | null {
  const { doc } = ctx;
  const keyAt = doc.keyPosition(path);
  const text = doc.sourceText(path) || `${name} = ${JSON.stringify(value)}`;
  const report = (position: { line: number; column: number }, what: string, severity: "error" | "warning" | "info" = "error"): void => {
    ctx.diagnostics.push(diagnosticAt(severity, position, what));
  };

  if (typeof value === "string") {
    const converted = poetryConstraintToSpecifier(value);
    const at = doc.stringMapper(path);
    if (!converted.ok) {
      report(at(converted.offset), `${name}: ${converted.message}`);
      return null;
    }
    if (converted.warning) report(at(0), `${name}: ${converted.warning}`, "info");
    const result = requirementFromPep508(`${name}${converted.specifier}`, { source: ctx.source, at: () => keyAt, text });
    if (!result.ok) {
      ctx.diagnostics.push(result.diagnostic);
      return null;
    }
    return { requirement: withAlternatives(result.requirement, converted.alternatives), optional: false };
  }

  if (!isTable(value)) {
    report(doc.valuePosition(path), `${name}: a Poetry dependency must be a version string, a table or an array of tables, not ${describeToml(value)}`);
    return null;
  }

  for (const key of Object.keys(value)) {
    if (!KNOWN_KEYS.has(key)) report(doc.keyPosition([...path, key]), `${name}: unknown key "${key}" is ignored`, "warning");
  }
  const optional = value.optional === true;
  const allowPrereleases = value["allow-prereleases"] === true || value["allows-prereleases"] === true;
  let extras: string[] = [];
  if (value.extras !== undefined) {
    if (Array.isArray(value.extras) && value.extras.every((e) => typeof e === "string")) extras = value.extras as string[];
    else report(doc.valuePosition([...path, "extras"]), `${name}: "extras" must be an array of strings`);
  }

  const markerParts: string[] = [];
  const userMarker = stringField(ctx, path, value, "markers");
  if (userMarker !== null) markerParts.push(userMarker);
  const python = stringField(ctx, path, value, "python");
  if (python !== null) {
    const converted = poetryPythonToMarker(python);
    if (!converted.ok) {
      report(doc.stringMapper([...path, "python"])(converted.offset), `${name}: ${converted.message}`);
      return null;
    }
    markerParts.push(converted.marker);
  }
  const platform = stringField(ctx, path, value, "platform");
  if (platform !== null) markerParts.push(poetryPlatformToMarker(platform));
  const marker = andMarkers(markerParts);

  if (typeof value.source === "string") {
    report(doc.valuePosition([...path, "source"]), `${name}: per-dependency source "${value.source}" is not supported; it is resolved from the configured indexes`, "info");
  }

  let url: string | null = null;
  let kind: RequirementKind = "index";
  let specifier = "";
  let alternatives: string[] | undefined;
  const git = stringField(ctx, path, value, "git");
  const localPath = stringField(ctx, path, value, "path") ?? stringField(ctx, path, value, "file");
  const directUrl = stringField(ctx, path, value, "url");
  if (git !== null) {
    const ref = stringField(ctx, path, value, "rev") ?? stringField(ctx, path, value, "tag") ?? stringField(ctx, path, value, "branch");
    const subdirectory = stringField(ctx, path, value, "subdirectory");
    url = `${/^git\+/.test(git) ? git : `git+${git}`}${ref ? `@${ref}` : ""}${subdirectory ? `#subdirectory=${subdirectory}` : ""}`;
    kind = "vcs";
  } else if (localPath !== null) {
    url = localPath;
    kind = value.develop === true ? "editable" : "path";
  } else if (directUrl !== null) {
    const subdirectory = stringField(ctx, path, value, "subdirectory");
    url = `${directUrl}${subdirectory ? `#subdirectory=${subdirectory}` : ""}`;
    kind = "url";
  } else {
    const version = stringField(ctx, path, value, "version") ?? "*";
    const converted = poetryConstraintToSpecifier(version);
    const at = value.version === undefined ? () => keyAt : doc.stringMapper([...path, "version"]);
    if (!converted.ok) {
      report(at(converted.offset), `${name}: ${converted.message}`);
      return null;
    }
    if (converted.warning) report(at(0), `${name}: ${converted.warning}`, "info");
    specifier = converted.specifier;
    alternatives = converted.alternatives;
  }

  if (kind === "path" || kind === "editable") {
    // A local path is not a URL PEP 508 accepts; check the name and marker through the parser, keep the path.
    const checkText = formatPep508({ name, extras, specifier: "", url: null, marker });
    const check = requirementFromPep508(checkText, {
      source: ctx.source,
      at: markerMapper(ctx, path, userMarker, checkText, marker, keyAt),
      text,
      textAt: keyAt,
    });
    if (!check.ok) {
      ctx.diagnostics.push(check.diagnostic);
      return null;
    }
    const requirement: InputRequirement = {
      ...check.requirement,
      url,
      kind,
      pep508: formatPep508({ name, extras: check.requirement.extras, specifier: "", url, marker: check.requirement.marker }),
      allowPrereleases,
    };
    return { requirement, optional };
  }

  const pep508 = formatPep508({ name, extras, specifier, url, marker });
  const result = requirementFromPep508(pep508, {
    source: ctx.source,
    at: markerMapper(ctx, path, userMarker, pep508, marker, keyAt),
    text,
    textAt: keyAt,
    allowPrereleases,
  });
  if (!result.ok) {
    ctx.diagnostics.push(result.diagnostic);
    return null;
  }
  return { requirement: withAlternatives({ ...result.requirement, kind: kind === "index" ? result.requirement.kind : kind }, alternatives), optional };
}

/** A requirement carrying a Poetry union's alternatives (see InputRequirement.alternatives). */
function withAlternatives(requirement: InputRequirement, alternatives: string[] | undefined): InputRequirement {
  return alternatives && alternatives.length > 1 ? { ...requirement, alternatives } : requirement;
}

/** Maps an error column in the composed PEP 508 text: inside the user's `markers` string, else the dependency's key. */
function markerMapper(
  ctx: PoetryDependencyContext,
  path: TomlPath,
  userMarker: string | null,
  pep508: string,
  marker: string | null,
  keyAt: { line: number; column: number },
): OffsetMapper {
  const markerAt = userMarker === null ? null : ctx.doc.stringMapper([...path, "markers"]);
  const markerStart = marker === null || userMarker === null ? -1 : pep508.length - marker.length + marker.indexOf(userMarker);
  return (offset: number) => {
    if (markerAt !== null && userMarker !== null && markerStart >= 0 && offset >= markerStart && offset <= markerStart + userMarker.length) {
      return markerAt(offset - markerStart);
    }
    return keyAt;
  };
}

/** All requirements of one Poetry dependency entry (several for a multiple-constraints array). */
export function poetryDependency(name: string, path: TomlPath, value: TomlValue, ctx: PoetryDependencyContext): PoetryDependency[] {
  if (Array.isArray(value)) {
    const out: PoetryDependency[] = [];
    value.forEach((item, index) => {
      const dep = oneDependency(name, [...path, index], item, ctx);
      if (dep) out.push({ ...dep, requirement: { ...dep.requirement, text: ctx.doc.sourceText(path) || dep.requirement.text } });
    });
    return out;
  }
  const dep = oneDependency(name, path, value, ctx);
  return dep ? [dep] : [];
}
