// Summary, licence, links and Requires-Python of one release, fetched through the worker and cached by react-query.
import { safeLink } from "../../lib/safe-link";
import { statedLicence } from "./stated-licence";
import { useProjectInfo } from "./use-project-info";

export function ProjectFacts({ indexUrl, name, version, fallbackRequiresPython }: { indexUrl: string; name: string; version: string; fallbackRequiresPython: string | null }) {
  const info = useProjectInfo(indexUrl, name, version);
  const data = info.data;
  const links = data
    ? Object.entries({ ...(data.homePage ? { Homepage: data.homePage } : {}), ...data.projectUrls }).flatMap(([label, url]) => {
        const safe = safeLink(url);
        return safe ? [{ label, url: safe.href, host: safe.host }] : [];
      })
    : [];
  const requiresPython = data?.requiresPython || fallbackRequiresPython;
  const licence = statedLicence(data?.license);
  // Facts the index does not state are left out (never a placeholder such as "UNKNOWN" or "any" shown as a fact).
  return (
    <div className="px-4 pb-3" aria-busy={info.isPending}>
      {info.isPending ? (
        <div className="flex flex-col gap-1.5" aria-label="Loading project information">
          <div className="h-3.5 w-11/12 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-3.5 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
        </div>
      ) : info.isError ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Project information could not be fetched: {String(info.error)}</p>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-200">{data?.summary || <span className="text-slate-500 italic">No summary recorded.</span>}</p>
      )}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {licence && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Licence</dt>
            <dd className="text-slate-800 dark:text-slate-100">{licence}</dd>
          </>
        )}
        {requiresPython && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Requires-Python</dt>
            <dd className="font-mono text-slate-800 dark:text-slate-100">{requiresPython}</dd>
          </>
        )}
        {links.length > 0 && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Links</dt>
            <dd className="flex flex-wrap gap-x-3 gap-y-0.5">
              {links.slice(0, 8).map(({ label, url, host }) => (
                <a key={label + url} href={url} target="_blank" rel="noreferrer noopener" className="text-teal-700 hover:underline dark:text-teal-300" title={url}>
                  {label} <span className="text-slate-400">({host})</span>
                </a>
              ))}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
