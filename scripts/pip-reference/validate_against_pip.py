"""Cross-check: real `pip install --dry-run` over a wheelhouse built from a snapshot must pick what pip_provider picks."""

# The in-memory reference (pip_provider.py) re-implements pip's provider. This
# script checks that re-implementation against pip itself: it writes one tiny
# py3-none-any wheel per snapshot release (METADATA only) into a PEP 503
# directory index, runs the real pip 23.2 on it, and compares its install
# report with the in-memory resolution. Real pip evaluates markers for the
# interpreter running it, so both sides use this interpreter's environment
# (not the cases' target environment).
#
#   python3 scripts/pip-reference/validate_against_pip.py [--case ID ...] [--workdir DIR]
#
# Exit status 0 when every selected case agrees. Needs no network.

from __future__ import annotations

import argparse
import hashlib
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from typing import Dict, List

from packaging.markers import default_environment

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from resolve_with_pip import Workspace, resolve_case  # noqa: E402
from snapshot_index import Release, Snapshot  # noqa: E402

WHEEL_FILE = "Wheel-Version: 1.0\nGenerator: tangle-pip-reference\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def _metadata(release: Release) -> str:
    lines = ["Metadata-Version: 2.1", f"Name: {release.project}", f"Version: {release.version}"]
    if release.requires_python is not None:
        lines.append(f"Requires-Python: {release.requires_python}")
    lines += [f"Provides-Extra: {extra}" for extra in sorted(release.provided_extras)]
    lines += [f"Requires-Dist: {req}" for req in release.requirements]
    return "\n".join(lines) + "\n"


def _write_wheel(directory: str, release: Release) -> str:
    stem = f"{release.project.replace('-', '_')}-{release.version}"
    filename = f"{stem}-py3-none-any.whl"
    dist_info = f"{stem}.dist-info"
    files = [(f"{dist_info}/METADATA", _metadata(release)), (f"{dist_info}/WHEEL", WHEEL_FILE)]
    with zipfile.ZipFile(os.path.join(directory, filename), "w") as archive:
        records = []
        for path, content in files:
            digest = hashlib.sha256(content.encode()).digest()
            encoded = base64.urlsafe_b64encode(digest).decode().rstrip("=")
            records.append(f"{path},sha256={encoded},{len(content)}")
            archive.writestr(path, content)
        records.append(f"{dist_info}/RECORD,,")
        archive.writestr(f"{dist_info}/RECORD", "\n".join(records) + "\n")
    return filename


def build_index(snapshot: Snapshot, root: str) -> str:
    """Write the snapshot as a PEP 503 file index under `root` (once); return its URL."""
    done = os.path.join(root, ".complete")
    if not os.path.exists(done):
        for project, releases in snapshot.projects.items():
            directory = os.path.join(root, project)
            os.makedirs(directory, exist_ok=True)
            links = [_write_wheel(directory, release) for release in releases]
            with open(os.path.join(directory, "index.html"), "w", encoding="utf-8") as f:
                f.write("<!DOCTYPE html><html><body>\n")
                f.writelines(f'<a href="{link}">{link}</a><br/>\n' for link in links)
                f.write("</body></html>\n")
        open(done, "w").close()
    return "file://" + os.path.abspath(root)


_WHEEL_IN_REPR = re.compile(r"LinkCandidate\('[^' ]*/([^/' ]+)-py3-none-any\.whl")
_EXTRAS_IN_REPR = re.compile(r"extras=(?:frozenset\()?\{([^}]*)\}")


def _pin_from_log(text: str) -> str:
    """`Reporter.pinning(...)` argument -> "name[extras]==version", as our reporter writes it."""
    if "RequiresPythonCandidate" in text:
        return "Python"
    match = _WHEEL_IN_REPR.search(text)
    if match is None:
        return text
    stem, version = match.group(1).rsplit("-", 1)
    name = stem.replace("_", "-")
    extras = _EXTRAS_IN_REPR.search(text)
    if extras:
        names = sorted(e.strip().strip("'") for e in extras.group(1).split(","))
        name = f"{name}[{','.join(names)}]"
    return f"{name}=={version}"


def run_pip(index_url: str, requirements: List[str]) -> dict:
    """Real pip 23.2, isolated from the machine's configuration, with resolver event logging.

    Returns status, pins, rounds, rejected-candidate count and the order of pins.
    """
    with tempfile.TemporaryDirectory() as tmp:
        report_path = os.path.join(tmp, "report.json")
        log_path = os.path.join(tmp, "pip.log")
        cmd = [
            sys.executable, "-m", "pip", "--isolated", "install", "--dry-run", "--ignore-installed",
            "--disable-pip-version-check", "--no-cache-dir", "--quiet", "--index-url", index_url,
            "--report", report_path, "--log", log_path, *requirements,
        ]
        # pip reads PIP_RESOLVER_DEBUG straight from os.environ (not an option, so
        # --isolated keeps it): it switches on PipDebuggingReporter.
        env = dict(os.environ, PIP_RESOLVER_DEBUG="1")
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        ms = (time.perf_counter() - start) * 1000
        with open(log_path, encoding="utf-8") as f:
            log = f.read()
        rounds = log.count("Reporter.starting_round(")
        rejected = log.count("Reporter.rejecting_candidate(")
        pinned = [_pin_from_log(line) for line in log.splitlines() if "Reporter.pinning(" in line]
        result = {"ms": ms, "rounds": rounds, "rejected": rejected, "pinSequence": pinned, "pins": {}}
        if proc.returncode != 0:
            impossible = "ResolutionImpossible" in proc.stderr or "No matching distribution" in proc.stderr
            return {**result, "status": "unsatisfiable" if impossible else "error", "stderr": proc.stderr}
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
    result["pins"] = {item["metadata"]["name"]: item["metadata"]["version"] for item in report["install"]}
    return {**result, "status": "resolved"}


def _normalise_ours(pin: str) -> str:
    return "Python" if pin.startswith("Python ") else pin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--case", action="append", metavar="ID", help="only this case (repeatable)")
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "tangle-pip-reference-wheels"))
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()

    ws = Workspace()
    environment: Dict[str, str] = default_environment()
    failures = 0
    for case in ws.select(args.case):
        snapshot = ws.snapshot(case["snapshot"])
        requirements = ws.requirements_of(case)
        url = build_index(snapshot, os.path.join(args.workdir, os.path.splitext(case["snapshot"])[0]))
        ours = resolve_case(snapshot, requirements, environment, args.timeout, trace=True)
        if ours["status"] == "timeout":
            print(f"{case['id']:<40} skipped (the in-memory run timed out; real pip would take far longer)")
            continue
        theirs = run_pip(url, requirements)
        our_sequence = [_normalise_ours(p) for p in ours["pinSequence"]]
        same_result = ours["status"] == theirs["status"] and ours["pins"] == theirs["pins"]
        same_path = (
            ours["rounds"] == theirs["rounds"]
            and ours["rejected"] == theirs["rejected"]
            and our_sequence == theirs["pinSequence"]
        )
        verdict = "agree" if same_result and same_path else "DIFFER"
        print(
            f"{case['id']:<40} {verdict:<7} {ours['status']:<14} pip={theirs['status']:<14} "
            f"rounds {ours['rounds']}/{theirs['rounds']} rejected {ours['rejected']}/{theirs['rejected']} "
            f"pins {len(our_sequence)}/{len(theirs['pinSequence'])}  pip {theirs['ms']:6.0f} ms",
            flush=True,
        )
        if verdict != "agree":
            failures += 1
            if theirs["status"] == "error":
                print(theirs["stderr"][-2000:])
            for name in sorted(set(ours["pins"]) | set(theirs["pins"])):
                a, b = ours["pins"].get(name), theirs["pins"].get(name)
                if a != b:
                    print(f"    {name}: ours={a} pip={b}")
            for i, (a, b) in enumerate(zip(our_sequence, theirs["pinSequence"])):
                if a != b:
                    print(f"    pin #{i}: ours={a} pip={b}")
                    break
    print(f"{failures} case(s) differ", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
