/**
 * The coordination module's routes, registered as one plugin: working
 * groups, meetings, decisions and action items (create, read, correct,
 * revoke, history), their lists with search and the action tracker, progress
 * notes, and programmes with their board (programmes.routes.ts). Reads need
 * the 'intel:read' token scope, writes 'intel:write', as for intelligence.
 * What revocation does to children: coordination.records.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createActionItem, todayOf, updateActionItem } from './action-items.service.js';
import { coordinationListRoutes } from './coordination.list.routes.js';
import { presentActionItem, presentCoordinationRecord } from './coordination.presenter.js';
import { recordRoutes } from './coordination.record.routes.js';
import type { CoordinationDeps } from './coordination.records.js';
import {
  actionItemInputSchema,
  decisionInputSchema,
  meetingInputSchema,
  workingGroupInputSchema,
} from './coordination.schema.js';
import {
  createDecision,
  createMeeting,
  updateDecision,
  updateMeeting,
} from './meetings.service.js';
import { programmeRoutes } from './programmes.routes.js';
import { createWorkingGroup, updateWorkingGroup } from './working-groups.service.js';

export const coordinationRoutes: FastifyPluginAsyncZod<{ deps: CoordinationDeps }> = async (
  app,
  { deps },
) => {
  await app.register(coordinationListRoutes, { deps });
  await app.register(programmeRoutes, { deps });
  await app.register(
    recordRoutes({
      type: 'working-group',
      path: '/api/working-groups',
      key: 'workingGroup',
      noun: 'joint working group',
      body: workingGroupInputSchema,
      create: createWorkingGroup,
      update: updateWorkingGroup,
      present: presentCoordinationRecord,
    }),
    { deps },
  );
  await app.register(
    recordRoutes({
      type: 'meeting',
      path: '/api/meetings',
      key: 'meeting',
      noun: 'meeting of a working group',
      body: meetingInputSchema,
      create: createMeeting,
      update: updateMeeting,
      present: presentCoordinationRecord,
    }),
    { deps },
  );
  await app.register(
    recordRoutes({
      type: 'decision',
      path: '/api/decisions',
      key: 'decision',
      noun: 'decision of a meeting',
      body: decisionInputSchema,
      create: createDecision,
      update: updateDecision,
      present: presentCoordinationRecord,
    }),
    { deps },
  );
  await app.register(
    recordRoutes({
      type: 'action-item',
      path: '/api/action-items',
      key: 'actionItem',
      noun: 'action item of a decision',
      body: actionItemInputSchema,
      create: createActionItem,
      update: updateActionItem,
      present: (record, reader) => presentActionItem(record, reader, todayOf(deps.clock)),
    }),
    { deps },
  );
};
