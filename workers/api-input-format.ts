// The dependency-file formats Tangle reads, and which one a text is (by file name, else by content): a pure function of
// the boundary, so the page (format menu, permalinks, opened files) and the worker decide alike.

/** The dependency-file formats Tangle reads, in menu order. */
export const INPUT_FORMATS = ["requirements.txt", "pyproject.toml", "setup.cfg", "setup.py", "Pipfile", "buildout.cfg"] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

function basename(fileName: string): string {
  const normalized = fileName.replace(/\\/g, "/");
  return normalized.slice(normalized.lastIndexOf("/") + 1).toLowerCase();
}

const BUILDOUT = /^\s*\[buildout\]/m;
const SETUP_CFG = /^\s*\[(options|options\.extras_require|metadata|pbr|files)\]/m;
const PYPROJECT = /^\s*\[\[?(project|tool\.[A-Za-z0-9_.-]+|build-system|dependency-groups)(\.[^\]]*)?\]\]?/m;
const PIPFILE = /^\s*(\[(packages|dev-packages|requires|pipenv)\]|\[\[source\]\])/m;
const SETUP_PY = /(^|\n)\s*(from\s+(setuptools|distutils)[\w.]*\s+import|import\s+(setuptools|distutils))|\bsetup\s*\(/;

/** By content alone. */
function sniff(text: string): InputFormat {
  if (BUILDOUT.test(text)) return "buildout.cfg";
  if (PIPFILE.test(text) && !/^\s*\[project\]/m.test(text)) return "Pipfile";
  if (PYPROJECT.test(text)) return "pyproject.toml";
  if (SETUP_CFG.test(text)) return "setup.cfg";
  if (SETUP_PY.test(text)) return "setup.py";
  return "requirements.txt";
}

/** The format of `text`: the file name decides when it is a known name or extension, else the content does. */
export function detectFormat(text: string, fileName?: string): InputFormat {
  if (fileName === undefined || fileName.trim() === "") return sniff(text);
  const name = basename(fileName);
  if (name === "pyproject.toml") return "pyproject.toml";
  if (name === "setup.cfg") return "setup.cfg";
  if (name === "setup.py") return "setup.py";
  if (name === "pipfile") return "Pipfile";
  if (name === "buildout.cfg") return "buildout.cfg";
  if (name.endsWith(".txt") || name.endsWith(".in") || name.startsWith("requirements")) return "requirements.txt";
  if (name.endsWith(".cfg")) return BUILDOUT.test(text) || !SETUP_CFG.test(text) ? "buildout.cfg" : "setup.cfg";
  if (name.endsWith(".toml")) return PIPFILE.test(text) && !/^\s*\[project\]/m.test(text) ? "Pipfile" : "pyproject.toml";
  if (name.endsWith(".py")) return "setup.py";
  return sniff(text);
}
