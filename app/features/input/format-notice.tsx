// The line under the editor that says the text is read in another format than chosen ("Read as setup.cfg") or could be ("Read it as X").
import type { InputFormat } from "../../../workers/api";
import { Button } from "../../components/button";

const BOX = "flex flex-wrap items-center justify-between gap-2 rounded-lg border border-sky-200 bg-sky-50 py-1 pr-1 pl-3 text-xs text-sky-950 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100";

export function FormatNotice({
  offer,
  switchedFrom,
  onFormat,
}: {
  offer: InputFormat | null;
  switchedFrom: { from: InputFormat; to: InputFormat } | null;
  onFormat: (format: InputFormat) => void;
}) {
  if (switchedFrom) {
    return (
      <div role="status" className={BOX}>
        <span>
          Read as <strong className="font-semibold">{switchedFrom.to}</strong>: it is one, and does not read as {switchedFrom.from}
        </span>
        <Button size="sm" onClick={() => onFormat(switchedFrom.from)}>
          Read it as {switchedFrom.from} instead
        </Button>
      </div>
    );
  }
  if (!offer) return null;
  return (
    <div className={BOX}>
      <span>
        Looks like a <strong className="font-semibold">{offer}</strong>
      </span>
      <Button size="sm" onClick={() => onFormat(offer)}>
        Read it as {offer}
      </Button>
    </div>
  );
}
