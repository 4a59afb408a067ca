// Names of the solver's packages: real projects, `name[extra]` virtual packages, the target Python and the root.

/** The user's requirements, as one virtual package (canonical names can never contain `<`). */
export const ROOT_KEY = "<root>";
/** The target Python interpreter, a virtual package with exactly one version. */
export const PYTHON_KEY = "<python>";

export type PackageKey =
  | { kind: "root" }
  | { kind: "python" }
  | { kind: "project"; name: string }
  | { kind: "extra"; name: string; extra: string };

/** The solver package for a project (canonical name) or one of its extras (normalized extra name). */
export function projectKey(name: string, extra?: string): string {
  return extra ? `${name}[${extra}]` : name;
}

export function parseKey(key: string): PackageKey {
  if (key === ROOT_KEY) return { kind: "root" };
  if (key === PYTHON_KEY) return { kind: "python" };
  const open = key.indexOf("[");
  if (open < 0) return { kind: "project", name: key };
  return { kind: "extra", name: key.slice(0, open), extra: key.slice(open + 1, -1) };
}
