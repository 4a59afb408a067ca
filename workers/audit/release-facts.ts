// Fetches what the JSON API says about one release beyond its dependencies: vulnerabilities and licence fields, cached.
import type { VulnerabilityDto } from "../api-audit";
import { systemClock, type Clock } from "../index/clock";
import { createHttpClient, type HttpClient } from "../index/http-client";
import { IndexError } from "../index/index-error";
import { jsonApiRoot, normalizeIndexUrl, releaseJsonUrl } from "../index/index-urls";
import { JsonReader, parseJson } from "../index/json-reader";
import type { MetadataStore } from "../index/metadata-store";
import type { LicenceFields } from "./licence";

/** What one release's JSON API page says, or that the index has none. */
export interface ReleaseFacts {
  /** null: no vulnerability data from this index (no JSON API, or a JSON API without a `vulnerabilities` field). */
  vulnerabilities: VulnerabilityDto[] | null;
  /** null when the index has no JSON API for the release (the caller falls back to core metadata). */
  licence: LicenceFields | null;
  /** Where it was read, or null. */
  url: string | null;
}

export interface ReleaseFactsClient {
  /** Never rejects for IO problems of the index: they come back as IndexError results. */
  facts(indexUrl: string, name: string, version: string): Promise<ReleaseFacts | IndexError>;
}

export interface ReleaseFactsOptions {
  fetch?: typeof fetch;
  store?: MetadataStore;
  clock?: Clock;
  signal?: AbortSignal;
  /** How long cached facts are reused (advisories are added over time); default one hour. */
  ttlMs?: number;
  /** Neither read nor write the store. */
  noCache?: boolean;
}

export const DEFAULT_FACTS_TTL_MS = 60 * 60 * 1000;
const STORE_PREFIX = "release-facts/v1|";

/** pypi.org's `vulnerabilities[]` -> DTOs, dropping withdrawn advisories (as pip-audit does). */
export function readVulnerabilities(r: JsonReader, value: unknown): VulnerabilityDto[] | null {
  if (value === undefined) return null;
  const out: VulnerabilityDto[] = [];
  r.array(value, "vulnerabilities").forEach((item, i) => {
    const path = `vulnerabilities[${i}]`;
    const v = r.object(item, path);
    if (r.optionalText(v.withdrawn, `${path}.withdrawn`) !== null) return;
    out.push({
      id: r.string(v.id, `${path}.id`),
      aliases: v.aliases === undefined || v.aliases === null ? [] : r.stringArray(v.aliases, `${path}.aliases`),
      summary: r.optionalText(v.summary, `${path}.summary`),
      details: r.optionalText(v.details, `${path}.details`) ?? "",
      fixedIn: v.fixed_in === undefined || v.fixed_in === null ? [] : r.stringArray(v.fixed_in, `${path}.fixed_in`),
      link: r.optionalText(v.link, `${path}.link`),
    });
  });
  return out;
}

/** Reads `/pypi/<name>/<version>/json` for its vulnerabilities and licence fields. Throws IndexError for garbage. */
export function parseReleaseFacts(text: string, url: string): ReleaseFacts {
  const r = new JsonReader(url, "JSON API release");
  const root = r.object(parseJson(text, url), "");
  const info = r.object(root.info, "info");
  const classifiers = info.classifiers === undefined || info.classifiers === null ? [] : r.stringArray(info.classifiers, "info.classifiers");
  return {
    vulnerabilities: readVulnerabilities(r, root.vulnerabilities),
    licence: {
      expression: r.optionalText(info.license_expression, "info.license_expression"),
      classifiers,
      text: r.optionalText(info.license, "info.license"),
    },
    url,
  };
}

function isFacts(x: unknown): x is { fetchedAt: number; facts: ReleaseFacts } {
  return typeof x === "object" && x !== null && typeof (x as { fetchedAt?: unknown }).fetchedAt === "number" && typeof (x as { facts?: unknown }).facts === "object";
}

export function createReleaseFactsClient(options: ReleaseFactsOptions = {}): ReleaseFactsClient {
  const clock = options.clock ?? systemClock;
  const ttl = options.ttlMs ?? DEFAULT_FACTS_TTL_MS;
  const http: HttpClient = createHttpClient({ fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)), signal: options.signal, clock });
  const store = options.noCache ? undefined : options.store;
  const memo = new Map<string, Promise<ReleaseFacts | IndexError>>();

  async function load(indexUrl: string, name: string, version: string, key: string): Promise<ReleaseFacts | IndexError> {
    const cached = await store?.get(key).catch(() => undefined);
    if (isFacts(cached) && clock.now() - cached.fetchedAt < ttl) return cached.facts;
    const root = jsonApiRoot(indexUrl);
    if (root === null) return { vulnerabilities: null, licence: null, url: null };
    const url = releaseJsonUrl(root, name, version);
    let facts: ReleaseFacts;
    try {
      const response = await http.get(url, { accept: "application/json" });
      facts = parseReleaseFacts(response.text, response.url);
    } catch (error) {
      if (!(error instanceof IndexError)) throw error;
      if (error.code !== "not-found") return error;
      facts = { vulnerabilities: null, licence: null, url: null };
    }
    await store?.put(key, { fetchedAt: clock.now(), facts }).catch(() => undefined);
    return facts;
  }

  return {
    facts(indexUrl, name, version) {
      let root: string;
      try {
        root = normalizeIndexUrl(indexUrl);
      } catch (error) {
        if (error instanceof IndexError) return Promise.resolve(error);
        throw error;
      }
      const key = `${STORE_PREFIX}${root}|${name}|${version}`;
      let promise = memo.get(key);
      if (promise === undefined) {
        promise = load(root, name, version, key);
        memo.set(key, promise);
        // Errors are not kept: the next audit asks again.
        void promise.then((r) => {
          if (r instanceof IndexError) memo.delete(key);
        });
      }
      return promise;
    },
  };
}
