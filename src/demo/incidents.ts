/**
 * The demo's incidents: the scenario's past attacks (public reporting, so
 * TLP:CLEAR) and a clearly labelled synthetic set along the scenario's
 * routes and around its sites, from a fixed seed, with a spread of markings
 * and release lists so that users of different organisations see different
 * pictures. Loaded once per database (a node setting remembers it).
 */
import { destinationPoint } from '../core/geo/sphere.js';
import type { CurrentUser } from '../modules/identity/identity.types.js';
import { readSetting, writeSetting } from '../modules/identity/settings.repository.js';
import { ACLED_EVENT_TYPES, type AcledEventType } from '../core/vocabulary/acled.js';
import type { IncidentInput } from '../modules/incidents/incidents.schema.js';
import { createIncident, type IncidentDeps } from '../modules/incidents/incidents.service.js';
import { ingestIncidents } from '../modules/incidents/ingest.service.js';
import type { TlpMarking } from '../core/policy/types.js';
import { seededRandom } from './random.js';
import { DEMO_HISTORICAL_INCIDENTS, DEMO_PLACES, DEMO_ROUTES, DEMO_SITES } from './geography.js';

const LOADED_SETTING = 'demo_incidents_loaded';
export const SYNTHETIC_LABEL = '[SYNTHETIC DEMO DATA]';

export interface DemoAuthors {
  /** Writes the historical record and most synthetic incidents. */
  analyst: CurrentUser;
  /** A second organisation's editor: some synthetic incidents are theirs. */
  dutyOfficer: CurrentUser;
  /** Organisations that AMBER incidents are released to. */
  partnerOrgIds: readonly string[];
}

function historical(country: string): IncidentInput[] {
  return DEMO_HISTORICAL_INCIDENTS.map((incident) => {
    const place = DEMO_PLACES[incident.near];
    return {
      eventDate: incident.date,
      timePrecision: 1,
      eventType: 'Explosions/Remote violence',
      subEventType: incident.subEventType,
      actor1: { name: 'Unidentified armed group', inter: 2 },
      place: { name: place.name, country: 'PK', lat: place.lat, lon: place.lon, geoPrecision: 2 },
      fatalities: {
        total: incident.fatalities,
        byNationality:
          incident.foreignKilled > 0 ? [{ country, count: incident.foreignKilled }] : [],
      },
      injured: { total: null, byNationality: [] },
      narrative: incident.summary,
      language: 'en',
      sources: [{ name: 'Public news reporting' }],
      marking: 'TLP:CLEAR',
      releasableTo: [],
    };
  });
}

const WEIGHTED_TYPES: readonly [AcledEventType, number][] = [
  ['Explosions/Remote violence', 3],
  ['Violence against civilians', 3],
  ['Battles', 2],
  ['Protests', 3],
  ['Riots', 1],
  ['Strategic developments', 2],
];

function synthetic(
  count: number,
  today: Date,
  authors: DemoAuthors,
): { author: CurrentUser; input: IncidentInput }[] {
  const random = seededRandom(20_240_326);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const totalWeight = WEIGHTED_TYPES.reduce((sum, [, w]) => sum + w, 0);
  const anchors = [
    ...DEMO_ROUTES.flatMap((route) =>
      route.via.slice(1).map((key, i) => ({
        from: DEMO_PLACES[route.via[i] ?? key],
        to: DEMO_PLACES[key],
        spreadKm: 15,
      })),
    ),
    ...DEMO_SITES.map((site) => ({ from: site, to: site, spreadKm: site.bufferKm * 4 })),
  ];
  const out: { author: CurrentUser; input: IncidentInput }[] = [];
  for (let n = 0; n < count; n++) {
    let roll = random() * totalWeight;
    const eventType =
      (WEIGHTED_TYPES.find(([, w]) => (roll -= w) < 0) ?? WEIGHTED_TYPES[0])?.[0] ?? 'Protests';
    const anchor = pick(anchors);
    const along = random();
    const base = {
      lat: anchor.from.lat + (anchor.to.lat - anchor.from.lat) * along,
      lon: anchor.from.lon + (anchor.to.lon - anchor.from.lon) * along,
    };
    const point = destinationPoint(base, random() * 360, random() * anchor.spreadKm);
    const markingRoll = random();
    const marking: TlpMarking =
      markingRoll < 0.1
        ? 'TLP:CLEAR'
        : markingRoll < 0.55
          ? 'TLP:GREEN'
          : markingRoll < 0.8
            ? 'TLP:AMBER'
            : markingRoll < 0.92
              ? 'TLP:AMBER+STRICT'
              : 'TLP:RED';
    const author = random() < 0.7 ? authors.analyst : authors.dutyOfficer;
    const releasableTo =
      marking === 'TLP:AMBER' || marking === 'TLP:AMBER+STRICT'
        ? random() < 0.6
          ? [pick(authors.partnerOrgIds)]
          : []
        : [];
    const fatalities =
      eventType === 'Protests' || eventType === 'Strategic developments'
        ? 0
        : Math.floor(random() * random() * 8);
    const day = new Date(today.getTime() - Math.floor(random() * 730) * 86_400_000);
    out.push({
      author,
      input: {
        eventDate: day.toISOString().slice(0, 10),
        timePrecision: 1,
        eventType,
        subEventType: pick(ACLED_EVENT_TYPES[eventType]),
        actor1: {
          name: eventType === 'Protests' ? 'Protesters' : 'Unidentified armed group',
          inter: eventType === 'Protests' ? 6 : 2,
        },
        place: {
          name: `Near ${anchor.to.name}`,
          country: 'PK',
          lat: Math.round(point.lat * 1e4) / 1e4,
          lon: Math.round(point.lon * 1e4) / 1e4,
          geoPrecision: 2,
        },
        fatalities: { total: fatalities, byNationality: [] },
        injured: { total: Math.floor(random() * 4), byNationality: [] },
        narrative: `${SYNTHETIC_LABEL} Generated ${eventType.toLowerCase()} event near ${anchor.to.name} for demonstration; not a real incident.`,
        language: 'en',
        sources: [{ name: 'Synthetic demo data (fixed seed)' }],
        marking,
        releasableTo,
      },
    });
  }
  return out;
}

/** Loads the demo incidents unless this database already has them; returns how many were written. */
export async function seedDemoIncidents(
  deps: IncidentDeps,
  authors: DemoAuthors,
  guestCountry: string,
  syntheticCount: number,
): Promise<number> {
  if ((await readSetting(deps.db, LOADED_SETTING)) !== undefined) return 0;
  let written = 0;
  for (const input of historical(guestCountry)) {
    const created = await createIncident(deps, input, authors.analyst);
    if (!created.ok) throw new Error(`demo incident: ${created.error}`);
    written += 1;
  }
  const generated = synthetic(syntheticCount, deps.clock.now(), authors);
  for (const author of [authors.analyst, authors.dutyOfficer]) {
    const inputs = generated.filter((g) => g.author === author).map((g) => g.input);
    const ingested = await ingestIncidents(deps, inputs, author, {
      source: 'tandem demo (synthetic)',
    });
    if (!ingested.ok)
      throw new Error(`demo synthetic incident ${ingested.index}: ${ingested.error}`);
    written += inputs.length;
  }
  await writeSetting(deps.db, LOADED_SETTING, new Date().toISOString());
  return written;
}
