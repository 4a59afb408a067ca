// PEP 629 Simple API versioning: refuse an unknown major version, warn about a newer minor one.
import { invalidResponse } from "./index-error";

/** The newest api-version minor this client knows (1.4: PEP 740 provenance). Newer minors are read with a warning. */
export const SIMPLE_API_KNOWN_MINOR = 4;

/** Throws IndexError for an unreadable or non-1.x version; pushes a warning for 1.x with x newer than known. */
export function checkApiVersion(apiVersion: string, pageUrl: string, warnings: string[]): void {
  const match = /^\s*(\d+)\.(\d+)\s*$/.exec(apiVersion);
  if (match === null) throw invalidResponse(pageUrl, `an unreadable Simple API version ${JSON.stringify(apiVersion)} (expected "1.x")`);
  if (Number(match[1]) !== 1) {
    throw invalidResponse(pageUrl, `Simple API version ${apiVersion}, which this client cannot read (it reads 1.x)`);
  }
  if (Number(match[2]) > SIMPLE_API_KNOWN_MINOR) {
    warnings.push(`${pageUrl} uses Simple API version ${apiVersion}, newer than 1.${SIMPLE_API_KNOWN_MINOR}; reading it as 1.${SIMPLE_API_KNOWN_MINOR}`);
  }
}
