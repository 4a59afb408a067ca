// Plain-data DTOs of the audit (vulnerabilities, licences, freshness, fixes) that cross the worker boundary.
import type { Resolution, SuggestionDto } from "./api";

/** One advisory as pypi.org's JSON API lists it for a release (withdrawn ones are left out). */
export interface VulnerabilityDto {
  id: string;
  /** CVE, GHSA, ... ids of the same vulnerability. */
  aliases: string[];
  summary: string | null;
  details: string;
  /** Versions that fix it (every `fixed` event the advisory names; some may be on other release lines). */
  fixedIn: string[];
  link: string | null;
}

/**
 * A release's licence, from the best source it states: a PEP 639 `License-Expression` (SPDX), else its
 * `License ::` classifiers, else the free-text `License` field exactly as written (never turned into an SPDX id).
 */
export type LicenceDto =
  | { kind: "expression"; expression: string; label: string; permissive: boolean }
  | { kind: "classifiers"; classifiers: string[]; label: string; permissive: boolean }
  | { kind: "text"; text: string; label: string; permissive: false }
  | { kind: "not-stated"; label: string; permissive: false };

/** What the index told about one resolved release. */
export interface PackageFactsDto {
  name: string;
  version: string;
  /** null: this index does not publish vulnerability data (no JSON API, or no `vulnerabilities` field). */
  vulnerabilities: VulnerabilityDto[] | null;
  licence: LicenceDto;
  /** A problem fetching the facts (the index failed), for the user; null when all went well. */
  error: string | null;
}

/** How far behind the chosen version is, and why each newer one was not taken (from the resolution itself). */
export interface FreshnessDto {
  name: string;
  version: string;
  /** The newest version on the index (pre-releases only when nothing else is newer), or the chosen one. */
  newest: string;
  /** Newer final releases not taken. */
  behind: number;
  /** Which part of the version the newest final release changes: "major" (first number), "minor", "patch" or null. */
  gap: "major" | "minor" | "patch" | null;
  /** Each newer version with the reason it was not taken (the resolver's own words). */
  newer: { version: string; reason: string }[];
  /** The chosen release's first upload (PEP 700), or null when the index does not say. */
  releasedAt: string | null;
}

export interface AuditProgressDto {
  done: number;
  total: number;
}

/** The audit of one resolution. */
export interface AuditReportDto {
  packages: PackageFactsDto[];
  freshness: FreshnessDto[];
  /** Packages whose release has at least one vulnerability. */
  vulnerableCount: number;
  /** Packages for which the index gave no vulnerability data ("not available", never "none"). */
  unavailableCount: number;
}

/** The change between two resolutions, package by package (PEP 440 direction). */
export interface ResolutionDiffDto {
  added: { name: string; to: string }[];
  removed: { name: string; from: string }[];
  upgraded: { name: string; from: string; to: string }[];
  downgraded: { name: string; from: string; to: string }[];
}

/** The outcome of "Fix": re-solving with `name>=fixed` added. */
export type FixOutcomeDto =
  | {
      kind: "fixed";
      name: string;
      /** The requirement that was added, e.g. `jinja2>=2.10.1`. */
      requirement: string;
      /** How it was added: one more line of a requirements.txt, or a pin (other input formats). Applying it does the same. */
      via: "requirement-line" | "pin";
      /** The version the new resolution chose; null when the new resolution no longer needs the package at all. */
      to: string | null;
      diff: ResolutionDiffDto;
      resolution: Resolution;
    }
  | {
      kind: "blocked";
      name: string;
      requirement: string;
      /** Why no resolution admits the fixed version: the conflict explanation, in numbered steps. */
      explanation: string;
      /** Edits that make it resolvable, each checked by resolving again. */
      waysOut: SuggestionDto[];
    }
  | { kind: "no-fix"; name: string; message: string }
  | { kind: "error"; name: string; message: string };
