/**
 * Searching the coordination lists (`q`) over HTTP on both engines: each of
 * the five lists finds its records by the words of their titles, names,
 * places, agenda, minutes, text, notes, summaries and details, in English,
 * Chinese and Urdu (substrings, no word breaks needed); every word must
 * occur; search never shows a record the reader may not read; a term under
 * two characters is refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import { buildUser, signIn, startTestApp, type TestApp } from '../../../test/support/app.js';
import {
  buildActionItemInput,
  buildDecisionInput,
  buildMeetingInput,
  buildWorkingGroupInput,
} from '../../../test/support/factories.js';
import {
  buildProgrammeInput,
  coordinationClient,
  issuePathsOf,
} from '../../../test/support/programme-factories.js';

type Sharing = { marking: 'TLP:GREEN' | 'TLP:AMBER' };
interface Words {
  en: string;
  zh: string;
  ur: string;
}
type Parents = Awaited<ReturnType<ReturnType<typeof coordinationClient>['chain']>>;

describeEachEngine('coordination lists: search', (database) => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildUser>>;
  let b: Awaited<ReturnType<typeof buildUser>>;
  let analystA: string;
  let analystB: string;
  let parents: Parents;
  const { send, get, created, chain } = coordinationClient(() => t);

  /**
   * Each list, the words its records are found by (the English one written
   * capitalised, searched in lower case; the Chinese one inside a longer run
   * of characters), and a body that puts them in the fields search covers.
   */
  const LISTS = [
    {
      path: '/api/working-groups',
      key: 'workingGroup',
      words: { en: 'Karakoram', zh: '喀喇昆仑', ur: 'قراقرم' },
      body: (_: Parents, w: Words | undefined, s: Sharing) =>
        buildWorkingGroupInput([a.orgId, b.orgId], {
          ...s,
          ...(w && { name: `${w.en} joint group`, description: `中巴${w.zh}合作。${w.ur}` }),
        }),
    },
    {
      path: '/api/meetings',
      key: 'meeting',
      words: { en: 'Gwadar', zh: '瓜达尔', ur: 'گوادر' },
      body: (p: Parents, w: Words | undefined, s: Sharing) =>
        buildMeetingInput(p.groupId, [a.orgId, b.orgId], {
          ...s,
          ...(w && { place: `${w.en} port`, agenda: `一、${w.zh}港口`, minutes: `${w.ur} میں` }),
        }),
    },
    {
      path: '/api/decisions',
      key: 'decision',
      words: { en: 'Convoy', zh: '车队', ur: 'قافلہ' },
      body: (p: Parents, w: Words | undefined, s: Sharing) =>
        buildDecisionInput(p.meetingId, {
          ...s,
          ...(w && { text: `${w.en} escorts; 保护${w.zh}安全; ${w.ur} کی حفاظت` }),
        }),
    },
    {
      path: '/api/action-items',
      key: 'actionItem',
      words: { en: 'Passport', zh: '护照', ur: 'پاسپورٹ' },
      // The Urdu word is added as a progress note: notes are searched too.
      body: (p: Parents, w: Words | undefined, s: Sharing) =>
        buildActionItemInput(p.decisionId, a.orgId, {
          ...s,
          ...(w && { title: `${w.en} checks: 检查${w.zh}` }),
        }),
      note: (w: Words) => `${w.ur} چیک ہو گئے`,
    },
    {
      path: '/api/programmes',
      key: 'programme',
      words: { en: 'Academy', zh: '警察学院', ur: 'اکیڈمی' },
      body: (p: Parents, w: Words | undefined, s: Sharing) =>
        buildProgrammeInput(p.decisionId, a.orgId, {
          ...s,
          ...(w && {
            title: `${w.en} vehicles`,
            summary: `为${w.zh}提供车辆`,
            details: {
              kind: 'equipment_transfer',
              receivingUnit: `${w.ur} اسلام آباد`,
              items: [{ name: 'Vehicle', quantity: 4, unit: 'vehicles' }],
            },
          }),
        }),
    },
  ] as const;
  type List = (typeof LISTS)[number];
  /** Per list: a readable match, a match only A may read, and a readable record without the words. */
  const made = new Map<string, { match: string; hidden: string; other: string }>();

  const make = async (list: List, words: Words | undefined, marking: Sharing['marking']) => {
    const body = list.body(parents, words, { marking });
    const id = (await created(analystA, list.path, body))[list.key].id as string;
    if ('note' in list && words) {
      const note = await send(analystA, 'POST', `/api/action-items/${id}/notes`, {
        text: list.note(words),
      });
      expect(note.statusCode, note.body).toBe(201);
    }
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(database());
    a = await buildUser(t.context, { roles: ['analyst'] });
    b = await buildUser(t.context, { roles: ['analyst'] });
    analystA = await signIn(t.app, a.username);
    analystB = await signIn(t.app, b.username);
    parents = await chain(analystA, [a.orgId, b.orgId]);
    for (const list of LISTS) {
      made.set(list.path, {
        match: await make(list, list.words, 'TLP:GREEN'),
        hidden: await make(list, list.words, 'TLP:AMBER'),
        other: await make(list, undefined, 'TLP:GREEN'),
      });
    }
  });
  afterAll(async () => t.close());

  const found = async (cookie: string, path: string, q: string, more = '') => {
    const response = await get(cookie, `${path}?q=${encodeURIComponent(q)}&limit=500${more}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as { id: string }[]).map((item) => item.id).sort();
  };

  it.each(LISTS)(
    'finds $path records in English, Chinese and Urdu, and never one the reader may not read',
    async (list) => {
      const { match, hidden, other } = made.get(list.path) ?? { match: '', hidden: '', other: '' };
      const { en, zh, ur } = list.words;
      for (const term of [en.toLowerCase(), en.toUpperCase(), zh, ur]) {
        expect(await found(analystB, list.path, term)).toEqual([match]);
        expect(await found(analystA, list.path, term)).toEqual([match, hidden].sort());
      }
      // Every word must occur; spaces around the term are trimmed.
      expect(await found(analystB, list.path, `  ${en} ${zh}  `)).toEqual([match]);
      expect(await found(analystB, list.path, `${en} Xylophone`)).toEqual([]);
      // Without q the list has the others too.
      const all = (await get(analystB, `${list.path}?limit=500`)).json().items;
      expect(all.map((item: { id: string }) => item.id)).toEqual(
        expect.arrayContaining([match, other]),
      );
    },
  );

  it('searches within the other filters of a list', async () => {
    const meeting = made.get('/api/meetings')?.match;
    const elsewhere = await chain(analystA, [a.orgId, b.orgId]);
    const inGroup = `&workingGroupId=${parents.groupId}`;
    const outside = `&workingGroupId=${elsewhere.groupId}`;
    expect(await found(analystB, '/api/meetings', 'gwadar', inGroup)).toEqual([meeting]);
    expect(await found(analystB, '/api/meetings', 'gwadar', outside)).toEqual([]);
    const item = made.get('/api/action-items')?.match;
    expect(await found(analystB, '/api/action-items', '护照', '&status=open')).toEqual([item]);
    expect(await found(analystB, '/api/action-items', '护照', '&status=done')).toEqual([]);
    expect(await found(analystB, '/api/programmes', 'academy', '&kind=training')).toEqual([]);
  });

  it.each(LISTS)('refuses a $path search under two or over 200 characters', async (list) => {
    for (const q of ['a', '  b  ', '队', 'x'.repeat(201)]) {
      const response = await get(analystB, `${list.path}?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(400);
      expect(issuePathsOf(response)).toEqual(['q']);
    }
  });
});
