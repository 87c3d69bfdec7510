/**
 * The demo's intelligence: two fictional threat actors, a handful of named
 * threat reports whose markings and release lists differ (so that users of
 * different organisations see different pictures), and a clearly labelled
 * synthetic set of reports along the scenario's routes and sites. Validity
 * windows are relative to today, so the reports are current whenever the
 * demo is loaded. The actors are invented: the demo names no real group.
 */
import type { TlpMarking } from '../core/policy/types.js';
import type { CurrentUser } from '../modules/identity/identity.types.js';
import { readSetting, writeSetting } from '../modules/identity/settings.repository.js';
import { createThreatActor } from '../modules/intel/actors.service.js';
import type { IntelDeps } from '../modules/intel/intel.records.js';
import type { ThreatArea, ThreatReportInput } from '../modules/intel/intel.schema.js';
import type { TargetType } from '../core/vocabulary/intel.js';
import { publishThreatReport } from '../modules/intel/reports.lifecycle.service.js';
import { createThreatReport } from '../modules/intel/reports.write.service.js';
import { DEMO_PLACES, DEMO_ROUTES, DEMO_SITES } from './geography.js';
import { SYNTHETIC_LABEL } from './incidents.js';
import { seededRandom } from './random.js';

const LOADED_SETTING = 'demo_intel_loaded';
const DAY_MS = 86_400_000;

export interface DemoIntelAuthors {
  /** Writes every report. */
  analyst: CurrentUser;
  /** Organisations the AMBER reports are released to. */
  partnerOrgIds: readonly string[];
  /** The one person a TLP:RED report names besides its author. */
  redReaderUserId: string;
}

interface NamedReport {
  title: string;
  narrative: string;
  language: 'en' | 'zh-Hans' | 'ur';
  area: ThreatArea;
  targetType: TargetType;
  grading: [ThreatReportInput['sourceReliability'], ThreatReportInput['informationCredibility']];
  marking: TlpMarking;
  release: 'none' | 'partners' | 'red-reader';
  actor?: 0 | 1;
  draft?: boolean;
}

const { besham, dasu, karachi } = DEMO_PLACES;
const airport = DEMO_PLACES['karachi-airport'];
const portQasim = DEMO_PLACES['port-qasim'];

const NAMED_REPORTS: readonly NamedReport[] = [
  {
    title: 'Vehicle-borne IED threat to convoys between Thakot and Dasu',
    narrative:
      'Several sources report **continued interest** in attacking engineer convoys on the Karakoram Highway between Thakot and Dasu, using a vehicle-borne IED as in March 2024.\n\n- Vary departure times.\n- Keep the prescribed spacing between vehicles.',
    language: 'en',
    area: { kind: 'circle', lat: besham.lat, lon: besham.lon, radiusKm: 40 },
    targetType: 'route',
    grading: ['B', 2],
    marking: 'TLP:GREEN',
    release: 'none',
    actor: 0,
  },
  {
    title: 'Reconnaissance reported near the Dasu residential camp',
    narrative:
      'A partner source reports two vehicles observing the camp entrance at shift change on three evenings. Not yet corroborated.',
    language: 'en',
    area: { kind: 'circle', lat: 35.28, lon: 73.28, radiusKm: 5 },
    targetType: 'site',
    grading: ['C', 3],
    marking: 'TLP:AMBER',
    release: 'partners',
    actor: 0,
  },
  {
    title: '喀喇昆仑公路沿线车队安全提示',
    narrative:
      '近期有报告称，武装分子可能在贝沙姆至达苏路段伏击工程师车队。请错开出发时间，并保持车距。',
    language: 'zh-Hans',
    area: { kind: 'circle', lat: dasu.lat, lon: dasu.lon, radiusKm: 60 },
    targetType: 'route',
    grading: ['B', 3],
    marking: 'TLP:CLEAR',
    release: 'none',
  },
  {
    title: 'کراچی میں غیر ملکی انجینئروں کے قافلوں کو خطرہ',
    narrative:
      'اطلاعات کے مطابق ہوائی اڈے سے پورٹ قاسم جانے والے قافلوں پر حملے کی منصوبہ بندی ہو سکتی ہے۔ راستے اور اوقات بدلتے رہیں۔',
    language: 'ur',
    area: {
      kind: 'polygon',
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [airport.lon - 0.05, airport.lat + 0.05],
            [airport.lon - 0.05, portQasim.lat - 0.05],
            [portQasim.lon + 0.05, portQasim.lat - 0.05],
            [portQasim.lon + 0.05, airport.lat + 0.05],
            [airport.lon - 0.05, airport.lat + 0.05],
          ],
        ],
      },
    },
    targetType: 'route',
    grading: ['C', 2],
    marking: 'TLP:AMBER',
    release: 'partners',
    actor: 1,
  },
  {
    title: 'Sensitive source: planning against power-plant staff in Karachi',
    narrative:
      'A single, sensitive source describes planning against the staff of a coal power plant in Karachi. Shared with named people only.',
    language: 'en',
    area: { kind: 'circle', lat: karachi.lat, lon: karachi.lon, radiusKm: 30 },
    targetType: 'personnel',
    grading: ['B', 3],
    marking: 'TLP:RED',
    release: 'red-reader',
    actor: 1,
  },
  {
    title: 'Internal assessment: Gwadar port workforce',
    narrative:
      'An internal assessment of the threat to the Gwadar port workforce, kept within this organisation.',
    language: 'en',
    area: { kind: 'circle', lat: 25.11, lon: 62.33, radiusKm: 15 },
    targetType: 'site',
    grading: ['D', 4],
    marking: 'TLP:AMBER+STRICT',
    release: 'none',
  },
  {
    title: 'Draft: threat to the Diamer-Bhasha dam workforce',
    narrative: 'Draft under review; not yet published.',
    language: 'en',
    area: { kind: 'circle', lat: 35.52, lon: 73.74, radiusKm: 10 },
    targetType: 'site',
    grading: ['E', 5],
    marking: 'TLP:GREEN',
    release: 'none',
    draft: true,
  },
];

const ACTORS = [
  {
    name: 'Highway convoy attack network (fictional, demo)',
    aliases: ['HCAN'],
    description:
      'An invented group for the demonstration: a network that attacks engineer convoys on the Karakoram Highway with vehicle-borne IEDs.',
    sophistication: 'intermediate' as const,
    primaryMotivation: 'ideology' as const,
  },
  {
    name: 'Coastal separatist cell (fictional, demo)',
    aliases: [],
    description:
      'An invented group for the demonstration: a separatist cell targeting foreign-run projects in Karachi and on the coast.',
    sophistication: 'minimal' as const,
    primaryMotivation: 'coercion' as const,
  },
];

function releaseFor(report: NamedReport, authors: DemoIntelAuthors): string[] {
  if (report.release === 'partners') return [...authors.partnerOrgIds];
  if (report.release === 'red-reader') return [authors.redReaderUserId];
  return [];
}

/** Synthetic reports around the route legs and sites: labelled, published, TLP:GREEN or AMBER. */
function syntheticReports(
  count: number,
  today: Date,
  authors: DemoIntelAuthors,
): ThreatReportInput[] {
  const random = seededRandom(20_250_205);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const anchors = [
    ...DEMO_ROUTES.flatMap((route) =>
      route.via.map((key) => ({ ...DEMO_PLACES[key], kind: 'route' as const })),
    ),
    ...DEMO_SITES.map((site) => ({ ...site, kind: 'site' as const })),
  ];
  const reliabilities = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
  const credibilities = [1, 2, 3, 4, 5, 6] as const;
  return Array.from({ length: count }, (_, n) => {
    const anchor = pick(anchors);
    const start = today.getTime() - Math.floor(random() * 300) * DAY_MS;
    const amber = random() < 0.3;
    return {
      title: `${SYNTHETIC_LABEL} Threat near ${anchor.name} #${n + 1}`,
      narrative: `${SYNTHETIC_LABEL} Generated threat report for demonstration; not real reporting.`,
      language: 'en',
      area: {
        kind: 'circle',
        lat: anchor.lat + (random() - 0.5) * 0.2,
        lon: anchor.lon + (random() - 0.5) * 0.2,
        radiusKm: 2 + Math.round(random() * 28),
      },
      validFrom: new Date(start).toISOString(),
      validUntil: new Date(start + (7 + Math.floor(random() * 90)) * DAY_MS).toISOString(),
      targetType: anchor.kind === 'site' ? 'site' : pick(['route', 'personnel'] as const),
      modusOperandi: { description: '' },
      threatActorIds: [],
      sourceReliability: pick(reliabilities),
      informationCredibility: pick(credibilities),
      marking: amber ? 'TLP:AMBER' : 'TLP:GREEN',
      releasableTo: amber ? [...authors.partnerOrgIds] : [],
    };
  });
}

async function writeReport(
  deps: IntelDeps,
  input: ThreatReportInput,
  author: CurrentUser,
  publish: boolean,
): Promise<void> {
  const created = await createThreatReport(deps, input, author);
  if (!created.ok) throw new Error(`demo threat report "${input.title}": ${created.error}`);
  if (!publish) return;
  const published = await publishThreatReport(deps, created.value, author);
  if (!published.ok) throw new Error(`demo threat report "${input.title}": ${published.error}`);
}

/** Loads the demo intelligence unless this database already has it; returns how many reports were written. */
export async function seedDemoIntel(
  deps: IntelDeps,
  authors: DemoIntelAuthors,
  syntheticCount: number,
): Promise<number> {
  if ((await readSetting(deps.db, LOADED_SETTING)) !== undefined) return 0;
  const today = deps.clock.now();
  const actorIds: string[] = [];
  for (const actor of ACTORS) {
    const created = await createThreatActor(
      deps,
      { ...actor, marking: 'TLP:GREEN', releasableTo: [] },
      authors.analyst,
    );
    if (!created.ok) throw new Error(`demo threat actor ${actor.name}: ${created.error}`);
    actorIds.push(created.value);
  }
  for (const report of NAMED_REPORTS) {
    const actorId = report.actor === undefined ? undefined : actorIds[report.actor];
    const input: ThreatReportInput = {
      title: report.title,
      narrative: report.narrative,
      language: report.language,
      area: report.area,
      validFrom: new Date(today.getTime() - 14 * DAY_MS).toISOString(),
      validUntil: new Date(today.getTime() + 60 * DAY_MS).toISOString(),
      targetType: report.targetType,
      modusOperandi: { description: '' },
      threatActorIds: actorId ? [actorId] : [],
      sourceReliability: report.grading[0],
      informationCredibility: report.grading[1],
      marking: report.marking,
      releasableTo: releaseFor(report, authors),
    };
    await writeReport(deps, input, authors.analyst, report.draft !== true);
  }
  for (const input of syntheticReports(syntheticCount, today, authors)) {
    await writeReport(deps, input, authors.analyst, true);
  }
  await writeSetting(deps.db, LOADED_SETTING, new Date().toISOString());
  return NAMED_REPORTS.length + syntheticCount;
}
