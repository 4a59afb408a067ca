// The project's files beside the one in the editor (a pbr requirements.txt, `-r` includes, buildout `extends`): listed, removable, and "Add file".
import { useSession } from "../../stores/session";
import { Button } from "../../components/button";
import { CloseIcon, UploadIcon } from "../../components/icons";

function size(text: string): string {
  const lines = text.split("\n").filter((l) => l.trim() !== "").length;
  return `${lines} line${lines === 1 ? "" : "s"}`;
}

export function ProjectFilesPanel({ onAddFile }: { onAddFile: () => void }) {
  const files = useSession((s) => s.projectFiles);
  const fileName = useSession((s) => s.fileName);
  const remove = useSession((s) => s.removeProjectFile);
  const names = Object.keys(files).sort();
  return (
    <section aria-label="Project files" className="flex flex-col gap-1.5 rounded-lg border border-slate-200 bg-slate-50/70 px-3 py-2 dark:border-slate-800 dark:bg-slate-900/60">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">
          Project files <span className="font-normal text-slate-500 dark:text-slate-400">— read with {fileName} (includes, extends, pbr)</span>
        </span>
        <Button size="sm" onClick={onAddFile} title="Add a file the one in the editor refers to (-r, -c, extends, pbr's requirements.txt)">
          <UploadIcon className="h-3.5 w-3.5" />
          Add file
        </Button>
      </div>
      {names.length > 0 && (
        <ul className="flex flex-wrap gap-1.5">
          {names.map((name) => (
            <li key={name} className="inline-flex items-center gap-1 rounded-full bg-white py-0.5 pr-0.5 pl-2 text-xs ring-1 ring-slate-300 dark:bg-slate-800 dark:ring-slate-600">
              <code className="font-mono">{name}</code>
              <span className="text-slate-500 dark:text-slate-400">{size(files[name])}</span>
              <button
                type="button"
                onClick={() => remove(name)}
                aria-label={`Remove ${name} from the project`}
                className="rounded-full p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-700 dark:hover:text-white"
              >
                <CloseIcon className="h-3 w-3" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
