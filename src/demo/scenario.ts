/**
 * The demo scenario's facts: two partner nodes and their organisations.
 * Organisations are institutions; no named person appears. Later issues add
 * places, sites, routes, past incidents and meetings from the same scenario.
 */
import type { OrganisationInput } from '../modules/identity/identity.schema.js';
import type { Role } from '../core/policy/types.js';

export type DemoNodeKey = 'pk' | 'cn';

export const DEMO_NODES: Record<DemoNodeKey, { name: string; country: string; role: string }> = {
  pk: { name: 'Islamabad node', country: 'PK', role: 'host country' },
  cn: { name: 'Beijing node', country: 'CN', role: 'guest country' },
};

export interface DemoOrganisation extends OrganisationInput {
  key: string;
  node: DemoNodeKey;
}

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    key: 'pk-moi-jscc',
    node: 'pk',
    country: 'PK',
    kind: 'ministry',
    name: 'Ministry of Interior, Joint Security Coordination Cell',
  },
  {
    key: 'pk-ssd',
    node: 'pk',
    country: 'PK',
    kind: 'paramilitary',
    name: 'Special Security Division (project protection force)',
  },
  {
    key: 'pk-fc-kp',
    node: 'pk',
    country: 'PK',
    kind: 'paramilitary',
    name: 'Frontier Corps, Khyber Pakhtunkhwa',
  },
  {
    key: 'pk-kp-police',
    node: 'pk',
    country: 'PK',
    kind: 'police',
    name: 'Khyber Pakhtunkhwa Police',
  },
  { key: 'pk-isb-police', node: 'pk', country: 'PK', kind: 'police', name: 'Islamabad Police' },
  { key: 'pk-sindh-police', node: 'pk', country: 'PK', kind: 'police', name: 'Sindh Police' },
  { key: 'pk-npa', node: 'pk', country: 'PK', kind: 'academy', name: 'National Police Academy' },
  {
    key: 'pk-nacta',
    node: 'pk',
    country: 'PK',
    kind: 'agency',
    name: 'National Counter Terrorism Authority',
  },
  {
    key: 'cn-mps-liaison',
    node: 'cn',
    country: 'CN',
    kind: 'ministry',
    name: 'Ministry of Public Security, International Cooperation Liaison',
  },
  {
    key: 'cn-embassy-security',
    node: 'cn',
    country: 'CN',
    kind: 'embassy',
    name: 'Embassy in Islamabad, Security Office',
  },
  { key: 'cn-beijing-police', node: 'cn', country: 'CN', kind: 'police', name: 'Beijing Police' },
  {
    key: 'cn-hydro-contractor',
    node: 'cn',
    country: 'CN',
    kind: 'company',
    name: 'Hydropower contractor, Security Department (fictional company)',
  },
  {
    key: 'cn-power-operator',
    node: 'cn',
    country: 'CN',
    kind: 'company',
    name: 'Coal power plant operator, Security Department (fictional company)',
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  orgKey: string;
  roles: Role[];
}

/** One demo user per role on each node, in the organisation where that role belongs. */
export const DEMO_USERS: Record<DemoNodeKey, readonly DemoUser[]> = {
  pk: [
    {
      username: 'demo.admin',
      displayName: 'Node administrator (demo)',
      orgKey: 'pk-moi-jscc',
      roles: ['node_admin', 'org_admin'],
    },
    {
      username: 'demo.orgadmin',
      displayName: 'SSD administrator (demo)',
      orgKey: 'pk-ssd',
      roles: ['org_admin'],
    },
    {
      username: 'demo.duty',
      displayName: 'JSCC duty officer (demo)',
      orgKey: 'pk-moi-jscc',
      roles: ['duty_officer'],
    },
    {
      username: 'demo.analyst',
      displayName: 'NACTA analyst (demo)',
      orgKey: 'pk-nacta',
      roles: ['analyst'],
    },
    {
      username: 'demo.field',
      displayName: 'SSD escort commander (demo)',
      orgKey: 'pk-ssd',
      roles: ['field'],
    },
    {
      username: 'demo.liaison',
      displayName: 'JSCC liaison officer (demo)',
      orgKey: 'pk-moi-jscc',
      roles: ['liaison'],
    },
    {
      username: 'demo.viewer',
      displayName: 'Islamabad Police viewer (demo)',
      orgKey: 'pk-isb-police',
      roles: ['viewer'],
    },
  ],
  cn: [
    {
      username: 'demo.admin',
      displayName: 'Node administrator (demo)',
      orgKey: 'cn-mps-liaison',
      roles: ['node_admin', 'org_admin'],
    },
    {
      username: 'demo.orgadmin',
      displayName: 'Contractor administrator (demo)',
      orgKey: 'cn-hydro-contractor',
      roles: ['org_admin'],
    },
    {
      username: 'demo.duty',
      displayName: 'Embassy duty officer (demo)',
      orgKey: 'cn-embassy-security',
      roles: ['duty_officer'],
    },
    {
      username: 'demo.analyst',
      displayName: 'MPS analyst (demo)',
      orgKey: 'cn-mps-liaison',
      roles: ['analyst'],
    },
    {
      username: 'demo.field',
      displayName: 'Contractor security manager (demo)',
      orgKey: 'cn-hydro-contractor',
      roles: ['field'],
    },
    {
      username: 'demo.liaison',
      displayName: 'Embassy liaison officer (demo)',
      orgKey: 'cn-embassy-security',
      roles: ['liaison'],
    },
    {
      username: 'demo.viewer',
      displayName: 'Power operator viewer (demo)',
      orgKey: 'cn-power-operator',
      roles: ['viewer'],
    },
  ],
};
