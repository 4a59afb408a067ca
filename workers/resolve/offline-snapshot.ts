// Whether an index is a recorded PyPI snapshot (Tangle's offline index), where projects seen only as dependencies were never recorded.

/** The fixture index mounts recorded snapshots as `<origin>[/index]/snapshot-YYYY/simple/`. */
const SNAPSHOT_ROOT = /\/snapshot-\d{4}\/simple\/?$/;

export function isRecordedSnapshot(indexUrl: string): boolean {
  try {
    return SNAPSHOT_ROOT.test(new URL(indexUrl).pathname);
  } catch {
    return false;
  }
}
