// PEP 503 project-name normalisation and the core-metadata rule for valid project names.

const SEPARATOR_RUNS = /[-_.]+/g;
const VALID_NAME = /^(?:[a-z0-9]|[a-z0-9][a-z0-9._-]*[a-z0-9])$/i;

/** PEP 503 normal form: lower-case, every run of `-`, `_`, `.` becomes one `-` (as packaging's canonicalize_name). */
export function canonicalizeName(name: string): string {
  return name.toLowerCase().replace(SEPARATOR_RUNS, "-");
}

/** Whether `name` is a valid distribution name (ASCII letters/digits, inner `.`/`_`/`-`), as packaging's validate=True. */
export function isValidProjectName(name: string): boolean {
  return VALID_NAME.test(name);
}

