// The bar over a result that no longer matches the input or settings: says so and offers to resolve again.
import { runResolution } from "../../resolution-run";
import { Button } from "../../components/button";
import { PlayIcon } from "../../components/icons";

export function StaleNotice() {
  return (
    <div
      role="status"
      aria-label="Result out of date"
      className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-amber-300 bg-amber-50 py-1.5 pr-1.5 pl-3 text-sm text-amber-950 dark:border-amber-700/70 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <span>
        <strong className="font-semibold">Out of date:</strong> the input or settings changed since this result. Suggestions cannot be applied until you resolve again.
      </span>
      <Button size="sm" variant="primary" onClick={() => runResolution()}>
        <PlayIcon className="h-3.5 w-3.5" />
        Resolve again
      </Button>
    </div>
  );
}
