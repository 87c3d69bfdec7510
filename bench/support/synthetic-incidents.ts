/**
 * Synthetic incidents for benchmarks and load tests: plausible ACLED-coded
 * events in the scenario region (24–37°N, 61–76°E), from a seeded generator
 * so that every run stores the same rows. Returned as unvalidated JSON, as
 * a client would send them.
 */
import { ACLED_EVENT_TYPES, type AcledEventType } from '../../src/core/vocabulary/acled.js';

/** mulberry32: small, fast and good enough to spread points and pick types. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PLACES = ['Besham', 'Dasu', 'Karachi', 'Quetta', 'Gwadar', 'Peshawar', 'Chilas', 'Turbat'];
const ACTORS = ['Unidentified armed group', 'Police Forces of Pakistan', 'Protesters (Pakistan)'];
const TYPES = Object.keys(ACLED_EVENT_TYPES) as AcledEventType[];

export function syntheticIncidents(count: number, seed = 42): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const incidents: Record<string, unknown>[] = [];
  const start = Date.UTC(2018, 0, 1);
  for (let index = 0; index < count; index++) {
    const eventType = pick(TYPES);
    const day = new Date(start + Math.floor(random() * 2_900) * 86_400_000);
    incidents.push({
      eventDate: day.toISOString().slice(0, 10),
      timePrecision: 1 + Math.floor(random() * 3),
      eventType,
      subEventType: pick(ACLED_EVENT_TYPES[eventType]),
      actor1: { name: pick(ACTORS), inter: 1 + Math.floor(random() * 8) },
      place: {
        name: pick(PLACES),
        country: 'PK',
        lat: 24 + random() * 13,
        lon: 61 + random() * 15,
        geoPrecision: 1 + Math.floor(random() * 3),
      },
      fatalities: { total: Math.floor(random() * 5), byNationality: [] },
      narrative: `Synthetic incident ${index}: ${eventType.toLowerCase()} reported near the road.`,
      sources: [{ name: 'Synthetic feed' }],
      marking: 'TLP:GREEN',
    });
  }
  return incidents;
}
