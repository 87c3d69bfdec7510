/**
 * The table every policy-everywhere test reads from: five users in four
 * organisations (an analyst and a viewer of A, an analyst of B, a viewer of
 * C, a liaison officer of D), and records of every TLP marking with the
 * readers each one must have. A module's test adds its own cases (drafts,
 * parents) on top.
 */
import type { FastifyInstance } from 'fastify';
import type { TlpMarking } from '../../src/core/policy/types.js';
import type { AppContext } from '../../src/app/context.js';
import { buildUser, signIn } from './app.js';

export type Who = 'analystA' | 'viewerA' | 'analystB' | 'viewerC' | 'liaisonD';
export type Grantee = Who | 'orgB' | 'orgC' | 'orgD';

export interface SharingCase {
  name: string;
  author: 'analystA' | 'analystB';
  marking: TlpMarking;
  releasedTo: Grantee[];
  readers: Who[];
}

export const EVERYONE: Who[] = ['analystA', 'viewerA', 'analystB', 'viewerC', 'liaisonD'];

export const SHARING_CASES: readonly SharingCase[] = [
  { name: 'clear', author: 'analystA', marking: 'TLP:CLEAR', releasedTo: [], readers: EVERYONE },
  { name: 'green', author: 'analystA', marking: 'TLP:GREEN', releasedTo: [], readers: EVERYONE },
  {
    name: 'amber to B',
    author: 'analystA',
    marking: 'TLP:AMBER',
    releasedTo: ['orgB'],
    readers: ['analystA', 'viewerA', 'analystB'],
  },
  {
    name: 'amber+strict to C and D',
    author: 'analystA',
    marking: 'TLP:AMBER+STRICT',
    releasedTo: ['orgC', 'orgD'],
    readers: ['analystA', 'viewerA', 'viewerC', 'liaisonD'],
  },
  {
    name: 'red to the liaison of D',
    author: 'analystA',
    marking: 'TLP:RED',
    releasedTo: ['liaisonD'],
    readers: ['analystA', 'liaisonD'],
  },
  {
    name: 'amber kept by B',
    author: 'analystB',
    marking: 'TLP:AMBER',
    releasedTo: [],
    readers: ['analystB'],
  },
  {
    name: 'red kept by B',
    author: 'analystB',
    marking: 'TLP:RED',
    releasedTo: [],
    readers: ['analystB'],
  },
];

export interface PolicyUsers {
  cookies: Map<Who, string>;
  userIds: Map<Who, string>;
  /** orgA … orgD. */
  orgIds: Map<string, string>;
  /** A case's release list as ids (organisations and people). */
  releaseListOf(c: Pick<SharingCase, 'releasedTo'>): string[];
}

/** Creates and signs in the five users. */
export async function createPolicyUsers(
  context: AppContext,
  app: FastifyInstance,
): Promise<PolicyUsers> {
  const analystA = await buildUser(context, { roles: ['analyst'] });
  const viewerA = await buildUser(context, { roles: ['viewer'], orgId: analystA.orgId });
  const analystB = await buildUser(context, { roles: ['analyst'] });
  const viewerC = await buildUser(context, { roles: ['viewer'] });
  const liaisonD = await buildUser(context, { roles: ['liaison'] });
  const all = { analystA, viewerA, analystB, viewerC, liaisonD };
  const cookies = new Map<Who, string>();
  const userIds = new Map<Who, string>();
  for (const [who, user] of Object.entries(all) as [Who, typeof analystA][]) {
    cookies.set(who, await signIn(app, user.username));
    userIds.set(who, user.userId);
  }
  const orgIds = new Map<string, string>([
    ['orgA', analystA.orgId],
    ['orgB', analystB.orgId],
    ['orgC', viewerC.orgId],
    ['orgD', liaisonD.orgId],
  ]);
  return {
    cookies,
    userIds,
    orgIds,
    releaseListOf: (c) =>
      c.releasedTo.map((g) => orgIds.get(g) ?? userIds.get(g as Who) ?? 'missing'),
  };
}
