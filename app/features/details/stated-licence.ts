// A licence as the index states it: nothing stated, or setuptools' old "UNKNOWN" placeholder, is no licence to show.

/** The stated licence, or null when the index states none (empty, or the placeholder "UNKNOWN"). */
export function statedLicence(license: string | null | undefined): string | null {
  const trimmed = license?.trim() ?? "";
  return trimmed === "" || trimmed.toUpperCase() === "UNKNOWN" ? null : trimmed;
}
