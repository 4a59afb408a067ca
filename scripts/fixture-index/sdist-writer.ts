// Builds a real source distribution: PKG-INFO, the package, and an in-tree PEP 517 backend that builds its wheel.

import { writeTarGz } from "./tar-gz-writer";
import { writeZip } from "./zip-writer";

export interface SdistInput {
  /** Top-level folder, the filename without extension (e.g. `foo-1.0`). */
  stem: string;
  extension: ".tar.gz" | ".zip";
  /** Escaped distribution name and filename version of the wheel the backend builds. */
  distName: string;
  version: string;
  importPackage: string;
  /** PKG-INFO text (old sdists may carry no dependency fields). */
  pkgInfo: string;
  /** METADATA of the built wheel: the dependencies the index may not reveal, found only by building. */
  wheelMetadata: string;
  initPy: string;
}

export const BACKEND_MODULE = "_tangle_fixture_backend";

/**
 * A self-contained PEP 517 backend (`requires = []`, `backend-path = ["."]`): pip can build the sdist offline, in
 * an isolated environment, without setuptools or wheel.
 */
function backendSource(s: SdistInput): string {
  return `"""PEP 517 backend of a synthetic sdist served by Tangle's fixture index: builds a pure-Python wheel."""
import base64
import hashlib
import os
import zipfile

NAME = ${JSON.stringify(s.distName)}
VERSION = ${JSON.stringify(s.version)}
PACKAGE = ${JSON.stringify(s.importPackage)}
METADATA = ${JSON.stringify(s.wheelMetadata)}
WHEEL = "Wheel-Version: 1.0\\nGenerator: tangle-fixture-index (1.0)\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"


def _dist_info():
    return NAME + "-" + VERSION + ".dist-info"


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    path = os.path.join(metadata_directory, _dist_info())
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "METADATA"), "w", encoding="utf-8") as f:
        f.write(METADATA)
    return _dist_info()


def _record(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return name + ",sha256=" + digest + "," + str(len(data))


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, PACKAGE, "__init__.py"), "rb") as f:
        init = f.read()
    entries = [
        (PACKAGE + "/__init__.py", init),
        (_dist_info() + "/METADATA", METADATA.encode("utf-8")),
        (_dist_info() + "/WHEEL", WHEEL.encode("utf-8")),
    ]
    record = [_record(n, d) for n, d in entries] + [_dist_info() + "/RECORD,,", ""]
    entries.append((_dist_info() + "/RECORD", "\\n".join(record).encode("utf-8")))
    filename = NAME + "-" + VERSION + "-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w") as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return filename


def build_sdist(sdist_directory, config_settings=None):
    raise NotImplementedError("a synthetic sdist does not rebuild itself")
`;
}

const PYPROJECT = `[build-system]
requires = []
build-backend = "${BACKEND_MODULE}"
backend-path = ["."]
`;

/** The sdist's bytes (tar.gz or zip); identical input gives identical bytes. */
export function writeSdist(s: SdistInput): Uint8Array {
  const utf8 = (t: string): Uint8Array => new Uint8Array(Buffer.from(t, "utf8"));
  const entries = [
    { name: `${s.stem}/PKG-INFO`, data: utf8(s.pkgInfo) },
    { name: `${s.stem}/pyproject.toml`, data: utf8(PYPROJECT) },
    { name: `${s.stem}/${BACKEND_MODULE}.py`, data: utf8(backendSource(s)) },
    { name: `${s.stem}/${s.importPackage}/__init__.py`, data: utf8(s.initPy) },
  ];
  return s.extension === ".zip" ? writeZip(entries) : writeTarGz(entries);
}
