/**
 * The attachments tests' world: the in-process app of test/support/app.ts
 * with a small attachment limit, two partner organisations' users (editor,
 * viewer, partner analyst) and an outsider, a TLP:GREEN meeting everyone
 * reads and a TLP:AMBER one the outsider cannot, and HTTP helpers.
 */
import { expect } from 'vitest';
import { loadConfig } from '../../../app/config.js';
import { createAppContext } from '../../../app/context.js';
import { buildServer } from '../../../app/server.js';
import { ManualClock } from '../../../core/clock.js';
import { buildUser, signIn, TEST_ORIGIN, type TestApp } from '../../../../test/support/app.js';
import { buildMeetingInput, buildWorkingGroupInput } from '../../../../test/support/factories.js';
import type { TestDatabase } from '../../../../test/support/storage.js';
import { multipartForm, type FormPart } from './files.js';

export const TEST_MAX_BYTES = 4096;

async function startApp(database: TestDatabase): Promise<TestApp> {
  const clock = new ManualClock('2026-11-28T09:00:00.000Z');
  const config = loadConfig({
    TANDEM_DATABASE_URL: database.url,
    TANDEM_ENV: 'test',
    TANDEM_LOG_LEVEL: 'silent',
    TANDEM_PUBLIC_URL: TEST_ORIGIN,
    TANDEM_ATTACHMENT_MAX_BYTES: String(TEST_MAX_BYTES),
  });
  const context = createAppContext(config, { storage: database.storage, clock });
  const app = await buildServer(context);
  await app.ready();
  return { app, context, clock, close: () => app.close() };
}

type User = Awaited<ReturnType<typeof buildUser>>;

export async function attachmentsScene(database: TestDatabase) {
  const t = await startApp(database);
  const a: User = await buildUser(t.context, { roles: ['analyst'] });
  const b: User = await buildUser(t.context, { roles: ['analyst'] });
  const cookies = {
    analystA: await signIn(t.app, a.username),
    viewerA: await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['viewer'], orgId: a.orgId })).username,
    ),
    analystB: await signIn(t.app, b.username),
    outsider: await signIn(t.app, (await buildUser(t.context, { roles: ['analyst'] })).username),
  };

  async function createdId(url: string, key: 'workingGroup' | 'meeting', payload: object) {
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookies.analystA, origin: TEST_ORIGIN },
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Record<string, { id: string }>>()[key]?.id ?? '';
  }
  const members = [a.orgId, b.orgId];
  const groupId = await createdId(
    '/api/working-groups',
    'workingGroup',
    buildWorkingGroupInput(members),
  );
  /** TLP:GREEN: every organisation reads it; only A's editors edit it. */
  const meetingId = await createdId(
    '/api/meetings',
    'meeting',
    buildMeetingInput(groupId, members),
  );
  /** TLP:AMBER released to B only: the outsider's organisation cannot read it. */
  const amberMeetingId = await createdId(
    '/api/meetings',
    'meeting',
    buildMeetingInput(groupId, members, { marking: 'TLP:AMBER', releasableTo: [b.orgId] }),
  );

  const upload = (cookie: string, meeting: string, parts: FormPart[], origin = TEST_ORIGIN) => {
    const form = multipartForm(parts);
    return t.app.inject({
      method: 'POST',
      url: `/api/meetings/${meeting}/attachments`,
      headers: { cookie, origin, 'content-type': form.contentType },
      payload: form.payload,
    });
  };
  const uploadFile = (
    cookie: string,
    meeting: string,
    fileName: string,
    type: string,
    content: Buffer,
  ) => upload(cookie, meeting, [{ field: 'file', fileName, type, content }]);
  const get = (cookie: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  const remove = (cookie: string, id: string) =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/attachments/${id}`,
      headers: { cookie, origin: TEST_ORIGIN },
    });
  const listed = async (cookie: string, meeting: string) =>
    (await get(cookie, `/api/meetings/${meeting}/attachments`)).json<{ items: { id: string }[] }>()
      .items;
  /** Uploaded by A's analyst, the meeting's editor. */
  async function attached(fileName: string, type: string, content: Buffer, meeting = meetingId) {
    const response = await uploadFile(cookies.analystA, meeting, fileName, type, content);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ attachment: { id: string; fileName: string } }>().attachment;
  }

  return {
    t,
    a,
    b,
    ...cookies,
    meetingId,
    amberMeetingId,
    http: { upload, uploadFile, get, remove, listed, attached },
  };
}

export type AttachmentsScene = Awaited<ReturnType<typeof attachmentsScene>>;
