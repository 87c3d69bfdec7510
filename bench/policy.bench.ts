/**
 * How many sharing-policy decisions a node makes per second on a realistic mix
 * of records and readers. Every read path calls the policy once per record, so
 * this bounds list, search and export throughput. Budget: 1,000,000 canRead/s.
 *
 * Run: npx tsx bench/policy.bench.ts
 */
import {
  canRead,
  egress,
  type Peer,
  type Reader,
  type Role,
  type ShareableRecord,
} from '../src/core/policy/index.js';

const CANREAD_BUDGET = 1_000_000;
const MEASURE_MS = 2_500;
const WARMUP_MS = 500;

/** A seeded generator, so that every run measures the same mix. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20_240_326);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const hex = (length: number): string =>
  Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
const id = (type: string): string =>
  `${type}--${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const sample = <T>(items: readonly T[], count: number): T[] =>
  Array.from({ length: count }, () => pick(items));

const orgs = Array.from({ length: 24 }, () => id('identity'));
const groups = Array.from({ length: 6 }, () => id('group'));
const localOrgs = orgs.slice(0, 12);
const roles: readonly Role[] = [
  'viewer',
  'analyst',
  'duty_officer',
  'field',
  'liaison',
  'org_admin',
];

const readers: Reader[] = Array.from({ length: 400 }, () => ({
  userId: id('user'),
  orgId: pick(orgs),
  groupIds: sample(groups, Math.floor(random() * 3)),
  roles: [pick(roles)],
  active: random() > 0.05,
}));

interface IntelRecord extends ShareableRecord {
  title: string;
  named_people?: readonly string[];
}

const MIX = [
  {
    share: 0.3,
    label: 'GREEN',
    build: () => base('TLP:GREEN', sample(orgs, random() < 0.2 ? 1 : 0)),
  },
  { share: 0.35, label: 'AMBER 1–5 orgs/groups', build: () => base('TLP:AMBER', releaseList()) },
  { share: 0.1, label: 'AMBER+STRICT', build: () => base('TLP:AMBER+STRICT', releaseList()) },
  { share: 0.1, label: 'RED named users', build: redRecord },
  { share: 0.1, label: 'CLEAR', build: () => base('TLP:CLEAR', []) },
  { share: 0.05, label: 'invalid', build: invalidRecord },
] as const;

function releaseList(): string[] {
  const count = 1 + Math.floor(random() * 5);
  return Array.from({ length: count }, () => (random() < 0.25 ? pick(groups) : pick(orgs)));
}

function base(marking: unknown, releasableTo: unknown): IntelRecord {
  const personal = random() < 0.15;
  return {
    id: id('report'),
    title: 'Convoy threat assessment',
    created_by: pick(localOrgs),
    created_by_user: pick(readers).userId,
    marking,
    releasable_to: releasableTo,
    received_from_peer: random() < 0.2,
    contains_personal_data: personal,
    ...(personal ? { named_people: ['A. Engineer'] } : {}),
    ...(personal && random() < 0.5 ? { legal_basis: 'MoU 2024 art. 7' } : {}),
  };
}

function redRecord(): IntelRecord {
  return base(
    'TLP:RED',
    sample(readers, 1 + Math.floor(random() * 4)).map((reader) => reader.userId),
  );
}

function invalidRecord(): IntelRecord {
  const broken: readonly (() => IntelRecord)[] = [
    () => base(undefined, []),
    () => base('TLP:WHITE', []),
    () => base('TLP:AMBER', [pick(orgs), 'not-an-id']),
    () => base('TLP:AMBER', [pick(readers).userId]),
    () => ({ ...base('TLP:GREEN', []), created_by: 'ACME' }),
  ];
  return pick(broken)();
}

function buildRecords(count: number): IntelRecord[] {
  return Array.from({ length: count }, () => {
    let roll = random();
    for (const kind of MIX) {
      if (roll < kind.share) return kind.build();
      roll -= kind.share;
    }
    return base('TLP:CLEAR', []);
  });
}

/** As read from storage: parsed JSON, so ids are flat strings and absent fields are absent. */
const fromStorage = (generated: readonly IntelRecord[]): IntelRecord[] =>
  JSON.parse(JSON.stringify(generated)) as IntelRecord[];
const generated = buildRecords(10_000);
const records = fromStorage(generated);
const peers: Peer[] = Array.from({ length: 4 }, (_, index) => ({
  peerId: `peer-${index}`,
  orgIds: orgs.slice(12 + index * 3, 15 + index * 3),
  groupIds: sample(groups, 2),
}));
const redact = (record: IntelRecord): IntelRecord => ({
  ...record,
  named_people: undefined,
  contains_personal_data: false,
});

/** Runs `decide` over and over until `durationMs` has passed; returns decisions/s. */
function measure(
  durationMs: number,
  decide: (round: number) => number,
): { rate: number; hits: number } {
  let decisions = 0;
  let hits = 0;
  let round = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    hits += decide(round++);
    decisions += records.length;
    elapsed = performance.now() - start;
  }
  return { rate: (decisions / elapsed) * 1000, hits };
}

function canReadRound(round: number): number {
  let allowed = 0;
  const offset = round * 7;
  for (let index = 0; index < records.length; index++) {
    const reader = readers[(index + offset) % readers.length] as Reader;
    if (canRead(reader, records[index] as IntelRecord)) allowed++;
  }
  return allowed;
}

function egressRound(round: number): number {
  let leaving = 0;
  for (let index = 0; index < records.length; index++) {
    const peer = peers[(index + round) % peers.length] as Peer;
    if (egress(peer, records[index] as IntelRecord, redact).kind !== 'none') leaving++;
  }
  return leaving;
}

const format = (rate: number): string => Math.round(rate).toLocaleString('en-US');
const mix = MIX.map((kind) => `${Math.round(kind.share * 100)}% ${kind.label}`).join(', ');

/**
 * canRead over copies it has never seen, as when every request loads rows
 * afresh: each id is a new string object (the id-type memo still knows it).
 */
function measureFreshCopies(durationMs: number): { rate: number; decisions: number } {
  let decisions = 0;
  let allowed = 0;
  let elapsed = 0;
  while (elapsed < durationMs) {
    const batch = fromStorage(generated); // parsing is not timed
    const start = performance.now();
    for (let index = 0; index < batch.length; index++) {
      const reader = readers[index % readers.length] as Reader;
      if (canRead(reader, batch[index] as IntelRecord)) allowed++;
    }
    elapsed += performance.now() - start;
    decisions += batch.length;
  }
  if (allowed < 0) console.log(allowed); // keeps the loop from being optimised away
  return { rate: (decisions / elapsed) * 1000, decisions };
}

measure(WARMUP_MS, canReadRound);
measure(WARMUP_MS, egressRound);
const read = measure(MEASURE_MS, canReadRound);
const leave = measure(MEASURE_MS, egressRound);
const fresh = measureFreshCopies(MEASURE_MS);

console.log(
  `records: ${records.length.toLocaleString('en-US')}, readers: ${readers.length}, peers: ${peers.length}`,
);
console.log(
  `policy canRead: ${format(read.rate)} decisions/s (mix: ${mix}; ${format(read.hits)} allowed)`,
);
console.log(
  `policy canRead, fresh strings: ${format(fresh.rate)} decisions/s (${format(fresh.decisions)} decisions)`,
);
console.log(`policy egress:  ${format(leave.rate)} decisions/s (${format(leave.hits)} leaving)`);
console.log(
  read.rate >= CANREAD_BUDGET
    ? `within budget (>= ${format(CANREAD_BUDGET)} canRead/s)`
    : `OVER BUDGET: below ${format(CANREAD_BUDGET)} canRead/s`,
);
if (read.rate < CANREAD_BUDGET) process.exitCode = 1;
