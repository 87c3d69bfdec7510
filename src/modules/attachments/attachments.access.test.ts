/**
 * Who may do what with meeting attachments, over HTTP on both engines: the
 * meeting's sharing policy decides (404 to whoever cannot read it, 403 to
 * readers who may not edit it), token scopes and the origin check apply to
 * uploads, and deletion drops the bytes but keeps the record of the file.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { searchAuditLog } from '../audit/audit.repository.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { TEST_ORIGIN } from '../../../test/support/app.js';
import { buildMeetingInput } from '../../../test/support/factories.js';
import { minimalPdf, multipartForm, onePixelPng } from './test-support/files.js';
import { attachmentsScene, type AttachmentsScene } from './test-support/scene.js';

describeEachEngine('meeting attachments: access', (database) => {
  let s: AttachmentsScene;
  beforeAll(async () => {
    s = await attachmentsScene(database());
  });
  afterAll(async () => s.t.close());

  it('answers 404 on list, download, upload and delete to someone who cannot read the meeting', async () => {
    const { id } = await s.http.attached(
      'minutes.pdf',
      'application/pdf',
      minimalPdf(),
      s.amberMeetingId,
    );
    expect(await s.http.listed(s.analystB, s.amberMeetingId)).toHaveLength(1);
    const unknownMeeting = s.amberMeetingId.replace(/[0-9a-f]{4}$/, '0000');
    for (const meeting of [s.amberMeetingId, unknownMeeting]) {
      expect(
        (await s.http.get(s.outsider, `/api/meetings/${meeting}/attachments`)).statusCode,
      ).toBe(404);
      const refused = await s.http.uploadFile(
        s.outsider,
        meeting,
        'x.png',
        'image/png',
        onePixelPng(),
      );
      expect(refused.statusCode).toBe(404);
    }
    expect((await s.http.get(s.outsider, `/api/attachments/${id}/content`)).statusCode).toBe(404);
    expect((await s.http.remove(s.outsider, id)).statusCode).toBe(404);
    expect(await s.http.listed(s.analystA, s.amberMeetingId)).toHaveLength(1);
  });

  it('lets readers who may not edit the meeting list and download, but answers 403 to their uploads and deletions', async () => {
    const { id } = await s.http.attached('minutes.pdf', 'application/pdf', minimalPdf());
    for (const reader of [s.viewerA, s.analystB]) {
      expect((await s.http.listed(reader, s.meetingId)).map((item) => item.id)).toContain(id);
      expect((await s.http.get(reader, `/api/attachments/${id}/content`)).statusCode).toBe(200);
      expect(
        (await s.http.uploadFile(reader, s.meetingId, 'x.png', 'image/png', onePixelPng()))
          .statusCode,
      ).toBe(403);
      expect((await s.http.remove(reader, id)).statusCode).toBe(403);
    }
    expect((await s.http.listed(s.analystA, s.meetingId)).map((item) => item.id)).toContain(id);
  });

  it('deletes for an editor: gone from the list, its content 404, its bytes dropped and the deletion audited', async () => {
    const { id } = await s.http.attached('minutes.pdf', 'application/pdf', minimalPdf());
    expect((await s.http.remove(s.analystA, id)).statusCode).toBe(204);
    expect((await s.http.listed(s.analystA, s.meetingId)).map((item) => item.id)).not.toContain(id);
    expect((await s.http.get(s.analystA, `/api/attachments/${id}/content`)).statusCode).toBe(404);
    expect((await s.http.remove(s.analystA, id)).statusCode).toBe(404);
    const row = await s.t.context.storage.db
      .selectFrom('attachments')
      .select(['content', 'deleted_at', 'sha256'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ content: null, deleted_at: s.t.clock.now().toISOString() });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    const audited = await searchAuditLog(s.t.context.storage.db, {
      action: 'attachment.deleted',
      targetId: id,
      limit: 5,
    });
    expect(audited.map((entry) => entry.actor_user_id)).toEqual([s.a.userId]);
  });

  it('refuses an upload with the session cookie from another site', async () => {
    const before = (await s.http.listed(s.analystA, s.meetingId)).length;
    const png = onePixelPng();
    const crossSite = await s.http.upload(
      s.analystA,
      s.meetingId,
      [{ field: 'file', fileName: 'x.png', type: 'image/png', content: png }],
      'https://evil.example',
    );
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('ORIGIN_REJECTED');
    expect(await s.http.listed(s.analystA, s.meetingId)).toHaveLength(before);
    // The same upload from this node's own origin goes through: only the origin differed.
    expect(
      (await s.http.uploadFile(s.analystA, s.meetingId, 'x.png', 'image/png', png)).statusCode,
    ).toBe(201);
  });

  it('needs the intel:write token scope to upload and intel:read to download', async () => {
    const token = async (scopes: string[]) => {
      const response = await s.t.app.inject({
        method: 'POST',
        url: '/api/me/tokens',
        headers: { cookie: s.analystA, origin: TEST_ORIGIN },
        payload: { name: `attachments ${scopes.join(' ')}`, scopes, expiresInDays: 1 },
      });
      expect(response.statusCode, response.body).toBe(201);
      return `Bearer ${response.json().token}`;
    };
    const [reading, writing] = [await token(['intel:read']), await token(['intel:write'])];
    const form = multipartForm([
      { field: 'file', fileName: 'scan.png', type: 'image/png', content: onePixelPng() },
    ]);
    const send = (authorization: string) =>
      s.t.app.inject({
        method: 'POST',
        url: `/api/meetings/${s.meetingId}/attachments`,
        headers: { authorization, 'content-type': form.contentType },
        payload: form.payload,
      });
    expect((await send(reading)).json().error.code).toBe('TOKEN_SCOPE_INSUFFICIENT');
    const stored = await send(writing);
    expect(stored.statusCode, stored.body).toBe(201);
    const content = `/api/attachments/${stored.json().attachment.id}/content`;
    const download = await s.t.app.inject({
      method: 'GET',
      url: content,
      headers: { authorization: reading },
    });
    expect(download.statusCode).toBe(200);
  });

  it('refuses new files on a revoked meeting (409) but still lets its editors remove one', async () => {
    const group = s.t.app.inject({
      method: 'GET',
      url: `/api/meetings/${s.meetingId}`,
      headers: { cookie: s.analystA },
    });
    const { meeting } = (await group).json<{ meeting: { workingGroupId: string } }>();
    const created = await s.t.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { cookie: s.analystA, origin: TEST_ORIGIN },
      payload: buildMeetingInput(meeting.workingGroupId, [s.a.orgId, s.b.orgId]),
    });
    const revokedMeeting = created.json<{ meeting: { id: string } }>().meeting.id;
    const { id } = await s.http.attached(
      'minutes.pdf',
      'application/pdf',
      minimalPdf(),
      revokedMeeting,
    );
    const revoked = await s.t.app.inject({
      method: 'POST',
      url: `/api/meetings/${revokedMeeting}/revoke`,
      headers: { cookie: s.analystA, origin: TEST_ORIGIN },
      payload: { reason: 'Entered twice' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const refused = await s.http.uploadFile(
      s.analystA,
      revokedMeeting,
      'x.png',
      'image/png',
      onePixelPng(),
    );
    expect(refused.statusCode).toBe(409);
    expect((await s.http.remove(s.analystA, id)).statusCode).toBe(204);
  });
});
