// The packages a universal result shows: all of them, or (with an environment picked) those installed there, narrowed by the worker.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ResolvedPackageDto, TargetDto, UniversalScopeDto } from "../../../workers/api";
import { resolver } from "../../resolver-client";
import { PYTHON_VERSIONS } from "../../stores/session";

export interface EnvironmentChoice {
  target: TargetDto;
  label: string;
}

/** The environments a universal result can be viewed in (each platform with each Python the page offers, in range). */
export function useEnvironmentChoices(scope: UniversalScopeDto | undefined): EnvironmentChoice[] {
  const query = useQuery({
    queryKey: ["universal-environments", scope],
    enabled: scope !== undefined,
    staleTime: Infinity,
    queryFn: async (): Promise<EnvironmentChoice[]> => (scope ? resolver().universalEnvironments(scope, [...PYTHON_VERSIONS]) : []),
  });
  return query.data ?? [];
}

/** `packages` (the result of run `runId`) when no environment is picked (or the result is for one target); else the worker's narrowing to it. */
export function useShownPackages(
  runId: number,
  packages: ResolvedPackageDto[],
  scope: UniversalScopeDto | undefined,
  environment: TargetDto | null,
): ResolvedPackageDto[] {
  const narrowing = scope !== undefined && environment !== null;
  const query = useQuery({
    // The run identifies the result: a key holding the packages themselves is hashed (serialised whole) at every
    // render, 30 ms for a 1,000-package result.
    queryKey: ["narrow-universal", runId, environment],
    enabled: narrowing,
    staleTime: Infinity,
    gcTime: 0,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<ResolvedPackageDto[]> => (environment ? resolver().narrowUniversal(packages, environment) : packages),
  });
  return narrowing ? (query.data ?? packages) : packages;
}
