/**
 * The demo's protected sites: the seven sites of the scenario (facts.json;
 * places and buffers from geography.ts), each with its operator and guard,
 * today's people on site (the foreign staff of facts.json as CN, and a
 * plausible local PK workforce, which facts.json does not give), and
 * role-only emergency contacts with obviously fictional numbers — no names
 * of people. Marked TLP:AMBER and released to the operator, the guard, the
 * coordination cell and the project protection force (which plans the
 * movements to the sites). Idempotent: a site whose name exists is skipped.
 */
import { isoNow } from '../core/clock.js';
import { inTransaction } from '../storage/executor.js';
import type { CurrentUser } from '../modules/identity/identity.types.js';
import { replaceContacts } from '../modules/sites/sites.people.repository.js';
import { recordPeople } from '../modules/sites/sites.people.service.js';
import { findSiteIdByName } from '../modules/sites/sites.repository.js';
import { SITE_TYPE } from '../modules/sites/sites.schema.js';
import { createSite, type SiteDeps } from '../modules/sites/sites.service.js';
import type { PostureLevel, SiteType } from '../core/vocabulary/protection.js';
import { DEMO_SITES } from './geography.js';

interface DemoSiteRole {
  type: SiteType;
  operator: string;
  guard: string;
  posture: PostureLevel;
  /** facts.json's foreign_staff, counted as CN. */
  foreignStaff: number;
  /** Local staff: the demo's own plausible figure. */
  localStaff: number;
  notes: string;
}

/** Type, operator and guard as in facts.json; posture after the attacks of public reporting. */
const ROLES: Record<string, DemoSiteRole> = {
  'dasu-hpp': {
    type: 'hydropower',
    operator: 'cn-hydro-contractor',
    guard: 'pk-ssd',
    posture: 'high',
    foreignStaff: 600,
    localStaff: 2400,
    notes: 'Dam and powerhouse on the Indus. Engineers commute from the residential camp by bus.',
  },
  'dasu-camp': {
    type: 'camp',
    operator: 'cn-hydro-contractor',
    guard: 'pk-ssd',
    posture: 'high',
    foreignStaff: 450,
    localStaff: 180,
    notes: 'Residential camp of the Dasu project; daily convoys to the dam site.',
  },
  'diamer-bhasha': {
    type: 'hydropower',
    operator: 'cn-hydro-contractor',
    guard: 'pk-ssd',
    posture: 'heightened',
    foreignStaff: 300,
    localStaff: 1900,
    notes: 'Dam works near Chilas on the Karakoram Highway.',
  },
  'karot-hpp': {
    type: 'hydropower',
    operator: 'cn-hydro-contractor',
    guard: 'pk-ssd',
    posture: 'heightened',
    foreignStaff: 120,
    localStaff: 650,
    notes: 'Run-of-river plant on the Jhelum; operations and maintenance staff.',
  },
  'port-qasim-power': {
    type: 'power',
    operator: 'cn-power-operator',
    guard: 'pk-sindh-police',
    posture: 'heightened',
    foreignStaff: 200,
    localStaff: 1100,
    notes: 'Coal power plant east of Karachi; staff transfers to and from the airport.',
  },
  'gwadar-port': {
    type: 'port',
    operator: 'cn-power-operator',
    guard: 'pk-ssd',
    posture: 'high',
    foreignStaff: 150,
    localStaff: 900,
    notes: 'Deep-sea port and free zone.',
  },
  'khunjerab-crossing': {
    type: 'border_crossing',
    operator: 'pk-moi-jscc',
    guard: 'pk-fc-kp',
    posture: 'normal',
    foreignStaff: 0,
    localStaff: 85,
    notes: 'Border crossing on the Karakoram Highway; seasonal opening.',
  },
};

/** Contacts by role only; +92 300 000 0xyy numbers are not in service. */
function contactsFor(index: number) {
  const n = String(index + 1).padStart(2, '0');
  return [
    {
      name: 'Site security manager',
      role: 'Operator security',
      phone: `+92 300 000 01${n}`,
      email: null,
    },
    {
      name: 'Guard force duty room',
      role: 'Guard commander',
      phone: `+92 300 000 02${n}`,
      email: null,
    },
  ];
}

/**
 * Creates the demo sites that do not exist yet, as `author` (the JSCC duty
 * officer: an editor of the coordination cell); returns how many it created
 * and every demo site's id by its scenario key.
 */
export async function seedDemoSites(
  deps: SiteDeps,
  author: CurrentUser,
  orgIdOf: (key: string) => string,
): Promise<{ created: number; idOf: Map<string, string> }> {
  const today = isoNow(deps.clock).slice(0, 10);
  let created = 0;
  const idOf = new Map<string, string>();
  for (const [index, site] of DEMO_SITES.entries()) {
    const role = ROLES[site.key];
    if (!role) continue;
    const existing = await findSiteIdByName(deps.db, site.name);
    if (existing) {
      idOf.set(site.key, existing);
      continue;
    }
    const operator = orgIdOf(role.operator);
    const guard = orgIdOf(role.guard);
    // The coordination cell and the project protection force (which plans the movements) read every site.
    const released = [...new Set([operator, guard, orgIdOf('pk-moi-jscc'), orgIdOf('pk-ssd')])];
    const result = await createSite(
      deps,
      {
        name: site.name,
        type: role.type,
        location: { kind: 'point', lat: site.lat, lon: site.lon },
        bufferKm: site.bufferKm,
        operatorOrgId: operator,
        guardOrgId: guard,
        postureLevel: role.posture,
        notes: role.notes,
        marking: 'TLP:AMBER',
        releasableTo: released,
      },
      author,
    );
    if (!result.ok) throw new Error(`demo site ${site.key}: ${result.error}`);
    const id = result.value;
    idOf.set(site.key, id);
    const counts = [
      ...(role.foreignStaff > 0 ? [{ nationality: 'CN', count: role.foreignStaff }] : []),
      { nationality: 'PK', count: role.localStaff },
    ];
    const people = await recordPeople(deps, id, today, { counts }, author);
    if (!people.ok) throw new Error(`demo people on ${site.key}: ${people.error}`);
    // Contacts are kept by the operator and guard; the loader writes them once on their behalf.
    await inTransaction(deps.db, async (trx) => {
      await replaceContacts(trx, id, contactsFor(index));
      await deps.audit.record(
        {
          action: 'site.contacts_changed',
          outcome: 'success',
          actor: { userId: author.userId, orgId: author.orgId },
          target: { type: SITE_TYPE, id },
          details: { count: 2, demo: true },
        },
        trx,
      );
    });
    created += 1;
  }
  return { created, idOf };
}
