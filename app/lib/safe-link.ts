// Links taken from index data (home pages, project URLs): only http(s) URLs become links; anything else is never rendered as one.

/** The URL when it is an absolute http(s) URL, or null (javascript:, data:, file:, relative or unparsable text). */
export function safeLink(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed : null;
  } catch {
    return null;
  }
}
