// PEP 503 name normalisation: matches a dependency entry to the resolved package it names, and shows extras as PEP 685 compares them.
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
