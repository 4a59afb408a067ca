// Summary, licence, links and Requires-Python of one release, fetched through the worker and cached by react-query.
import { useQuery } from "@tanstack/react-query";
import { resolver } from "../../resolver-client";

function linkHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function ProjectFacts({ indexUrl, name, version, fallbackRequiresPython }: { indexUrl: string; name: string; version: string; fallbackRequiresPython: string | null }) {
  const info = useQuery({
    queryKey: ["project-info", indexUrl, name, version],
    queryFn: () => resolver().projectInfo([indexUrl], name, version),
    staleTime: Infinity,
  });
  const data = info.data;
  const links = data ? Object.entries({ ...(data.homePage ? { Homepage: data.homePage } : {}), ...data.projectUrls }) : [];
  const requiresPython = data?.requiresPython ?? fallbackRequiresPython;
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
        <p className="text-sm text-slate-700 dark:text-slate-200">{data?.summary || <span className="text-slate-500 italic">No summary.</span>}</p>
      )}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500 dark:text-slate-400">Licence</dt>
        <dd className="text-slate-800 dark:text-slate-100">{info.isPending ? "…" : data?.license || "not stated"}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Requires-Python</dt>
        <dd className="font-mono text-slate-800 dark:text-slate-100">{info.isPending && !requiresPython ? "…" : requiresPython || "any"}</dd>
        {links.length > 0 && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Links</dt>
            <dd className="flex flex-wrap gap-x-3 gap-y-0.5">
              {links.slice(0, 8).map(([label, url]) => (
                <a key={label + url} href={url} target="_blank" rel="noreferrer noopener" className="text-teal-700 hover:underline dark:text-teal-300" title={url}>
                  {label} <span className="text-slate-400">({linkHost(url)})</span>
                </a>
              ))}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
