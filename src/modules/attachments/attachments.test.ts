/**
 * Meeting attachments over HTTP on both engines, the files themselves:
 * uploads are sniffed, typed and size-limited; downloads are always files,
 * byte for byte, with headers that stop a browser running them.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { searchAuditLog } from '../audit/audit.repository.js';
import { describeEachEngine } from '../../../test/support/storage.js';
import { TEST_ORIGIN } from '../../../test/support/app.js';
import {
  HTML_PAGE,
  minimalPdf,
  multipartForm,
  onePixelPng,
  SVG_IMAGE,
  type FormPart,
} from './test-support/files.js';
import { attachmentsScene, TEST_MAX_BYTES, type AttachmentsScene } from './test-support/scene.js';

describe('attachment limit configuration', () => {
  it('defaults to 10 MiB and refuses a limit that is not a positive whole number', () => {
    expect(loadConfig({}).attachmentMaxBytes).toBe(10 * 1024 * 1024);
    expect(() => loadConfig({ TANDEM_ATTACHMENT_MAX_BYTES: '0' })).toThrow(/ATTACHMENT_MAX/);
    expect(() => loadConfig({ TANDEM_ATTACHMENT_MAX_BYTES: '1.5' })).toThrow(/ATTACHMENT_MAX/);
  });
});

describeEachEngine('meeting attachments: files', (database) => {
  let s: AttachmentsScene;
  beforeAll(async () => {
    s = await attachmentsScene(database());
  });
  afterAll(async () => s.t.close());

  it('stores a PDF and a PNG, lists them newest first and serves each byte for byte as a download that cannot run', async () => {
    const pdf = minimalPdf();
    const png = onePixelPng();
    const pdfUpload = await s.http.uploadFile(
      s.analystA,
      s.meetingId,
      'minutes.pdf',
      'application/pdf',
      pdf,
    );
    expect(pdfUpload.statusCode, pdfUpload.body).toBe(201);
    expect(pdfUpload.json().attachment).toEqual({
      id: expect.stringMatching(/^attachment--[0-9a-f-]{36}$/),
      recordId: s.meetingId,
      fileName: 'minutes.pdf',
      mediaType: 'application/pdf',
      byteSize: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      uploadedAt: s.t.clock.now().toISOString(),
      uploadedBy: { userId: s.a.userId, orgId: s.a.orgId },
    });
    s.t.clock.advance(60_000);
    const pngAttachment = await s.http.attached('photo.png', 'image/png', png);

    const items = await s.http.listed(s.analystB, s.meetingId);
    expect(items.slice(0, 2).map((item) => item.id)).toEqual([
      pngAttachment.id,
      pdfUpload.json().attachment.id,
    ]);
    expect(items[0]).not.toHaveProperty('content');

    for (const [id, bytes, type, name] of [
      [pdfUpload.json().attachment.id, pdf, 'application/pdf', 'minutes.pdf'],
      [pngAttachment.id, png, 'image/png', 'photo.png'],
    ] as const) {
      const download = await s.http.get(s.analystB, `/api/attachments/${id}/content`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
      expect(download.headers).toMatchObject({
        'content-type': type,
        'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${name}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, no-store',
        'content-length': String(bytes.length),
      });
      const audited = await searchAuditLog(s.t.context.storage.db, {
        action: 'attachment.read',
        targetId: id,
        limit: 5,
      });
      expect(audited).toHaveLength(1);
      expect(audited[0]?.actor_user_id).toBe(s.b.userId);
      expect(JSON.parse(audited[0]?.details ?? '{}')).toMatchObject({ recordId: s.meetingId });
    }
    const uploads = await searchAuditLog(s.t.context.storage.db, {
      action: 'attachment.uploaded',
      targetId: pngAttachment.id,
      limit: 5,
    });
    expect(uploads.map((entry) => entry.actor_user_id)).toEqual([s.a.userId]);
  });

  it('keeps the bytes as a binary value in the engine, not as text', async () => {
    const png = onePixelPng();
    const { id } = await s.http.attached('pixel.png', 'image/png', png);
    const row = await s.t.context.storage.db
      .selectFrom('attachments')
      .select('content')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Buffer.isBuffer(row.content) && row.content.equals(png)).toBe(true);
    if (database().engine === 'sqlite') {
      const stored = await sql<{
        kind: string;
      }>`select typeof(content) as kind from attachments where id = ${id}`.execute(
        s.t.context.storage.db,
      );
      expect(stored.rows[0]?.kind).toBe('blob');
    }
  });

  it('refuses an HTML page renamed .pdf, a PNG declared as a PDF, a PNG named .pdf and an SVG with 415', async () => {
    const png = onePixelPng();
    const before = (await s.http.listed(s.analystA, s.meetingId)).length;
    for (const [name, type, content, reason] of [
      ['agenda.pdf', 'application/pdf', HTML_PAGE, /not a recognised type/],
      ['photo.png', 'application/pdf', png, /image\/png but was sent as application\/pdf/],
      ['photo.pdf', 'image/png', png, /must end in \.png/],
      ['map.svg', 'image/svg+xml', SVG_IMAGE, /not accepted/],
    ] as const) {
      const response = await s.http.uploadFile(s.analystA, s.meetingId, name, type, content);
      expect(response.statusCode, name).toBe(415);
      const error = response.json().error;
      expect(error.code).toBe('ATTACHMENT_TYPE_REFUSED');
      expect(error.message).toMatch(/PDF, PNG, JPEG, WebP and GIF/);
      expect(error.issues[0]).toMatchObject({
        path: 'file',
        message: expect.stringMatching(reason),
      });
    }
    expect(await s.http.listed(s.analystA, s.meetingId)).toHaveLength(before);
  });

  it('takes a JPEG declared as image/jpg or by a browser that did not know its type', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60)]);
    for (const declared of ['image/jpg', 'application/octet-stream']) {
      const response = await s.http.uploadFile(
        s.analystA,
        s.meetingId,
        'scan.JPEG',
        declared,
        jpeg,
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().attachment).toMatchObject({
        fileName: 'scan.JPEG',
        mediaType: 'image/jpeg',
      });
    }
  });

  it('accepts a file exactly at the limit and refuses one byte more with 413 naming the limit', async () => {
    const atLimit = await s.http.uploadFile(
      s.analystA,
      s.meetingId,
      'full.pdf',
      'application/pdf',
      minimalPdf(TEST_MAX_BYTES),
    );
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    expect(atLimit.json().attachment.byteSize).toBe(TEST_MAX_BYTES);
    const before = (await s.http.listed(s.analystA, s.meetingId)).length;
    for (const size of [TEST_MAX_BYTES + 1, TEST_MAX_BYTES * 20]) {
      const over = await s.http.uploadFile(
        s.analystA,
        s.meetingId,
        'big.pdf',
        'application/pdf',
        minimalPdf(size),
      );
      expect(over.statusCode).toBe(413);
      expect(over.json().error).toMatchObject({
        code: 'ATTACHMENT_TOO_LARGE',
        issues: [
          {
            path: 'file',
            message: `the file must be at most ${TEST_MAX_BYTES} bytes`,
            params: { maximum: TEST_MAX_BYTES },
          },
        ],
      });
    }
    expect(await s.http.listed(s.analystA, s.meetingId)).toHaveLength(before);
  });

  it('answers 400 naming the field when the form has no file, an empty one, or more than one part', async () => {
    const pdf = minimalPdf();
    for (const parts of [
      [],
      [{ field: 'note', content: Buffer.from('hello') }],
      [{ field: 'document', fileName: 'minutes.pdf', type: 'application/pdf', content: pdf }],
      [{ field: 'file', fileName: 'empty.pdf', type: 'application/pdf', content: Buffer.alloc(0) }],
      [
        { field: 'file', fileName: 'a.pdf', type: 'application/pdf', content: pdf },
        { field: 'file', fileName: 'b.pdf', type: 'application/pdf', content: pdf },
      ],
    ] satisfies FormPart[][]) {
      const response = await s.http.upload(s.analystA, s.meetingId, parts);
      expect(response.statusCode, JSON.stringify(parts.map((p) => p.field))).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'file' }],
      });
    }
    const json = await s.t.app.inject({
      method: 'POST',
      url: `/api/meetings/${s.meetingId}/attachments`,
      headers: { cookie: s.analystA, origin: TEST_ORIGIN },
      payload: { file: 'not a file' },
    });
    expect(json.statusCode).toBe(400);
  });

  it('keeps a Unicode name, strips paths and direction tricks, and sends a safe Content-Disposition', async () => {
    const stored = await s.http.attached(
      '..\\uploads/اجلاس (مارچ)\u202Egnp.png',
      'image/png',
      onePixelPng(),
    );
    expect(stored.fileName).toBe('اجلاس (مارچ)gnp.png');
    const download = await s.http.get(s.analystA, `/api/attachments/${stored.id}/content`);
    const encoded = encodeURIComponent('اجلاس ').concat(
      '%28',
      encodeURIComponent('مارچ'),
      '%29gnp.png',
    );
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="_____ (____)gnp.png"; filename*=UTF-8''${encoded}`,
    );
  });

  it('accepts multipart bodies on the upload routes only, and documents the upload form', async () => {
    const form = multipartForm([
      { field: 'file', fileName: 'minutes.pdf', type: 'application/pdf', content: minimalPdf() },
    ]);
    const elsewhere = await s.t.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { cookie: s.analystA, origin: TEST_ORIGIN, 'content-type': form.contentType },
      payload: form.payload,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.code).toBe('BAD_REQUEST');
    const document = (await s.t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const upload = document.paths['/api/meetings/{id}/attachments'].post;
    expect(upload.requestBody.content['multipart/form-data'].schema).toMatchObject({
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    });
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/attachments/{id}/content', '/api/attachments/{id}']),
    );
  });
});
