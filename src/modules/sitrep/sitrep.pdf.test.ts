/**
 * The PDF situation report, read back with unpdf (pdf.js): the demo's report
 * in Chinese and Urdu carries the Chinese and Urdu threat reports in
 * reading order, with the three scripts' fonts embedded; the route's
 * headers; and a reader with nothing readable gets an empty report, not an
 * error, in their own language by default.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, type TestDatabase } from '../../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';
import { buildIncidentInput, buildThreatReportInput } from '../../../test/support/factories.js';
import { seedDemo } from '../../demo/seed.js';
import { countAuditEntries, searchAuditLog } from '../audit/audit.repository.js';
import { findUserByUsername, updateUser } from '../identity/users.repository.js';
import { logicalRuns, paragraphIsRtl, visualOrder } from './sitrep.pdf.bidi.js';
import { sitrepTexts } from './sitrep.texts.js';

/** The test clock's day: the demo's named threat reports are valid from 14 days before it. */
const DAY = '2026-11-28';
const CHINESE_TITLE = '喀喇昆仑公路沿线车队安全提示';
const URDU_TITLE = 'کراچی میں غیر ملکی انجینئروں کے قافلوں کو خطرہ';

const run = promisify(execFile);

/** `tandem ARGS` on the test database (PostgreSQL test schemas travel in the connection options). */
async function tandem(database: TestDatabase, args: string[]) {
  const url = new URL(database.url);
  if (database.schema) url.searchParams.set('options', `-c search_path=${database.schema}`);
  const env = {
    ...process.env,
    TANDEM_DATABASE_URL: database.schema ? url.toString() : database.url,
  };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/run.ts', 'sitrep', ...args],
      { env: { ...env, TANDEM_LOG_LEVEL: 'silent' } },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

async function textOf(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/gu, ' ');
}

describeEachEngine('the demo situation report as a PDF', (database) => {
  let t: TestApp;
  let cookie = '';
  beforeAll(async () => {
    t = await startTestApp(database());
    const deps = { ...t.context.identity, capabilities: t.context.storage.capabilities };
    const demo = await seedDemo(deps, 'pk', { syntheticIncidents: 200, syntheticReports: 10 });
    const analyst = demo.logins.find((login) => login.username === 'demo.analyst');
    if (!analyst) throw new Error('demo.analyst missing');
    cookie = await signIn(t.app, analyst.username, analyst.password);
  });
  afterAll(async () => t.close());

  const pdfOf = async (lang: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/sitrep.pdf?date=${DAY}&lang=${lang}`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="sitrep-${DAY}-${lang}.pdf"`,
    );
    return response.rawPayload;
  };

  it('prints the Chinese and Urdu threat reports in the Chinese report, headings in Chinese', async () => {
    const text = await textOf(await pdfOf('zh'));
    expect(text).toContain(CHINESE_TITLE);
    expect(text).toContain(URDU_TITLE);
    expect(text).toContain(sitrepTexts('zh').threats.title);
    expect(text).toContain(sitrepTexts('zh').movements.title);
    expect(text).toContain(sitrepTexts('zh').alarmsAlerts.title);
    expect(text).toContain(sitrepTexts('zh').title);
  });

  it('prints the Urdu report right to left, its words in reading order', async () => {
    const pdf = await pdfOf('ur');
    const text = await textOf(pdf);
    expect(text).toContain(URDU_TITLE);
    expect(text).toContain(CHINESE_TITLE);
    // Several Urdu words on one line: the report's title and a section heading.
    expect(text).toContain(sitrepTexts('ur').title);
    expect(text).toContain(sitrepTexts('ur').actionItems.title);
    expect(text).toContain(sitrepTexts('ur').movements.title);
    expect(text).toContain(sitrepTexts('ur').people.title);
    // The three scripts' fonts travel with the file (as subsets).
    const raw = pdf.toString('latin1');
    for (const font of ['NotoSans-Regular', 'NotoSansSC-Regular', 'NotoNaskhArabic-Regular'])
      expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${font}`));
  });
  it('writes the report from the command line as the named user, and refuses unknown and disabled users', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-sitrep-'));
    try {
      const out = join(dir, 'report.pdf');
      const before = await countAuditEntries(t.context.storage.db, 'sitrep.generated');
      const written = await tandem(database(), [
        '--date',
        DAY,
        '--as',
        'demo.analyst',
        '--lang',
        'ur',
        '--out',
        out,
      ]);
      expect(written.code, written.stderr).toBe(0);
      expect(written.stdout).toMatch(
        new RegExp(`^Wrote ${out}: situation report of ${DAY} for demo.analyst`),
      );
      expect(await textOf(readFileSync(out))).toContain(URDU_TITLE);
      expect(await countAuditEntries(t.context.storage.db, 'sitrep.generated')).toBe(before + 1);
      const [entry] = await searchAuditLog(t.context.storage.db, {
        action: 'sitrep.generated',
        limit: 1,
      });
      expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
        date: DAY,
        via: 'cli',
        language: 'ur',
      });

      const unknown = await tandem(database(), [
        '--date',
        DAY,
        '--as',
        'nobody.here',
        '--out',
        out,
      ]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no user "nobody.here"');
      const viewer = await findUserByUsername(t.context.storage.db, 'demo.viewer');
      await updateUser(t.context.storage.db, viewer?.id ?? '', { disabled: 1 });
      const disabled = await tandem(database(), [
        '--date',
        DAY,
        '--as',
        'demo.viewer',
        '--out',
        out,
      ]);
      expect(disabled.code).toBe(1);
      expect(disabled.stderr).toContain('is disabled');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeEachEngine('the situation report of a reader with nothing readable', (database) => {
  let t: TestApp;
  const cookies = { author: '', reader: '' };
  beforeAll(async () => {
    t = await startTestApp(database());
    const author = await buildUser(t.context, { roles: ['analyst'] });
    const reader = await buildUser(t.context, { roles: ['viewer'] });
    cookies.author = await signIn(t.app, author.username);
    cookies.reader = await signIn(t.app, reader.username);
    const kept = { marking: 'TLP:AMBER' as const, releasableTo: [] };
    const post = (url: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookies.author, origin: TEST_ORIGIN },
        payload,
      });
    await post('/api/incidents', buildIncidentInput({ eventDate: DAY, ...kept }));
    const threat = await post(
      '/api/threat-reports',
      buildThreatReportInput({
        title: 'Kept by its author',
        validFrom: `${DAY}T00:00:00.000Z`,
        ...kept,
      }),
    );
    await post(`/api/threat-reports/${threat.json().threatReport.id}/publish`, {});
  });
  afterAll(async () => t.close());

  const get = (who: 'author' | 'reader', url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });

  it('answers an empty report, each section saying it has nothing, marked TLP:CLEAR', async () => {
    const json = (await get('reader', `/api/sitrep?date=${DAY}`)).json().sitrep;
    expect([json.incidents.total, json.threats.total, json.actionItems.total]).toEqual([0, 0, 0]);
    const response = await get('reader', `/api/sitrep.pdf?date=${DAY}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="sitrep-${DAY}-en.pdf"`,
    );
    const text = await textOf(response.rawPayload);
    const en = sitrepTexts('en');
    for (const line of [
      en.incidents.empty,
      en.threats.empty,
      en.actionItems.empty,
      en.movements.empty,
      en.alarmsAlerts.noAlarms,
      en.alarmsAlerts.noAlerts,
      en.people.empty,
    ])
      expect(text).toContain(line);
    expect(text).toContain('TLP:CLEAR');
    expect(text).not.toContain('TLP:AMBER');
    expect(text).not.toContain('Kept by its author');
    // Its author's report shows it, under an AMBER banner.
    const own = await textOf((await get('author', `/api/sitrep.pdf?date=${DAY}`)).rawPayload);
    expect(own).toContain('Kept by its author');
    expect(own).toContain('TLP:AMBER');
  });

  it("prints in the reader's language unless asked for another", async () => {
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: cookies.reader, origin: TEST_ORIGIN },
      payload: { locale: 'ur' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const urdu = await get('reader', `/api/sitrep.pdf?date=${DAY}`);
    expect(urdu.headers['content-disposition']).toBe(`attachment; filename="sitrep-${DAY}-ur.pdf"`);
    expect(await textOf(urdu.rawPayload)).toContain(sitrepTexts('ur').incidents.empty);
    const english = await get('reader', `/api/sitrep.pdf?date=${DAY}&lang=en`);
    expect(english.headers['content-disposition']).toContain('-en.pdf');
  });
});

describe('the report texts', () => {
  it('give every language every heading', () => {
    const keys = (value: object): string[] =>
      Object.entries(value).flatMap(([key, v]) =>
        v !== null && typeof v === 'object' ? keys(v).map((k) => `${key}.${k}`) : [key],
      );
    const english = keys(sitrepTexts('en')).sort();
    expect(keys(sitrepTexts('zh')).sort()).toEqual(english);
    expect(keys(sitrepTexts('ur')).sort()).toEqual(english);
  });
});

describe('lines in visual order', () => {
  const all = () => true;
  const visual = (text: string, rtl: boolean) =>
    visualOrder(logicalRuns(text, rtl, all)).map((run) => run.text);

  it('puts the words of an Urdu line right to left, a number inside left to right', () => {
    expect(visual('گزشتہ 24 گھنٹوں', true)).toEqual([' گھنٹوں', '24', 'گزشتہ ']);
  });

  it('keeps a date and a time whole, each a left-to-right number, the line right to left', () => {
    expect(visual('تاریخ 2026-11-28 09:00', true)).toEqual(['09:00', ' ', '2026-11-28', 'تاریخ ']);
  });

  it('reads record content in its own direction, whatever the report language', () => {
    expect(paragraphIsRtl('[SYNTHETIC] Threat near Besham #31', true)).toBe(false);
    expect(paragraphIsRtl(URDU_TITLE, false)).toBe(true);
    expect(paragraphIsRtl('2026-11-28', true)).toBe(true);
    expect(visual(`Threat: ${URDU_TITLE}`, false)).toEqual(['Threat: ', URDU_TITLE]);
  });
});
