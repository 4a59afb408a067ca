// Checkboxes for the extras and dependency groups a file defines ("Extras", "Dependency groups"); the choice goes into the session and the request.
import { useId } from "react";
import { useSession } from "../../stores/session";
import { choicesOf, type Choice } from "./input-choices";

function ChoiceGroup({ legend, choices, onChange, hint }: { legend: string; choices: Choice[]; onChange: (name: string, chosen: boolean) => void; hint: string }) {
  const hintId = useId();
  if (choices.length === 0) return null;
  return (
    <fieldset className="flex min-w-0 flex-col gap-1" aria-describedby={hintId}>
      <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-300">{legend}</legend>
      <p id={hintId} className="sr-only">
        {hint}
      </p>
      <div className="flex flex-wrap gap-1.5">
        {choices.map((choice) => {
          const checked = choice.chosenAs !== null;
          return (
            <label
              key={choice.name}
              title={choice.defined ? undefined : "Not defined in this file any more: untick it"}
              className={`inline-flex h-6 cursor-pointer items-center gap-1.5 rounded-full px-2.5 text-[11px] font-medium ring-1 transition-colors ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-teal-600 ${
                checked
                  ? "bg-violet-50 text-violet-900 ring-violet-300 dark:bg-violet-950/60 dark:text-violet-200 dark:ring-violet-700"
                  : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-700"
              } ${choice.defined ? "" : "line-through decoration-slate-400"}`}
            >
              <input
                type="checkbox"
                checked={checked}
                onChange={(e) => onChange(choice.chosenAs ?? choice.name, e.target.checked)}
                className="h-3 w-3 accent-violet-600"
              />
              {choice.name}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** `defined`: what the file defines (null while it has not been read yet: then only the chosen ones are listed). */
export function ExtrasGroupsPicker({ definedExtras, definedGroups }: { definedExtras: readonly string[]; definedGroups: readonly string[] }) {
  const extras = useSession((s) => s.extras);
  const groups = useSession((s) => s.groups);
  const setExtraChosen = useSession((s) => s.setExtraChosen);
  const setGroupChosen = useSession((s) => s.setGroupChosen);
  const extraChoices = choicesOf(definedExtras, extras);
  const groupChoices = choicesOf(definedGroups, groups);
  if (extraChoices.length === 0 && groupChoices.length === 0) return null;
  return (
    <div role="group" aria-label="Include" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50/70 px-3 py-2 dark:border-slate-800 dark:bg-slate-900/60">
      <ChoiceGroup legend="Extras" choices={extraChoices} onChange={setExtraChosen} hint="Optional dependencies of the project to resolve as well." />
      <ChoiceGroup legend="Dependency groups" choices={groupChoices} onChange={setGroupChosen} hint="Dependency groups of the project to resolve as well." />
    </div>
  );
}
