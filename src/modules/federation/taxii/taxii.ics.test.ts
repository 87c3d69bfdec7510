/**
 * The ICS ATT&CK bundle (1,826 STIX 2.1 objects, pretty-printed, with \u
 * escapes) POSTed to an administrator collection comes back through GET
 * objects, page by page, object for object: every object equal as a JSON
 * value, and every page the exact bytes of the objects as they were in the
 * file. Skipped with a message when the shared STIX material is not there, unless CI=true.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedStixDir } from '../../../../test/support/shared-stix.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import {
  COLLECTIONS,
  createCollection,
  getTaxii,
  postTaxii,
  taxiiUser,
  type TaxiiUser,
} from './test-support/taxii-client.js';

const DATASET = join(sharedStixDir(), 'datasets', 'ics-attack-18.1.json');
const available = existsSync(DATASET);
if (!available && process.env.CI !== 'true') {
  console.warn(`skipping the ICS ATT&CK round trip: ${DATASET} is not there`);
}

/**
 * Each object's text in the file, cut by its indentation (objects open and
 * close on lines of exactly eight spaces), independently of the server's
 * own scanner.
 */
function objectTextsByIndentation(file: string): Map<string, string> {
  const texts = new Map<string, string>();
  let current: string[] | undefined;
  for (const line of file.split('\n')) {
    if (line === '        {') current = [line.trimStart()];
    else if (current && /^ {8}\},?$/.test(line)) {
      current.push('        }');
      const text = current.join('\n');
      texts.set((JSON.parse(text) as { id: string }).id, text);
      current = undefined;
    } else current?.push(line);
  }
  return texts;
}

describeEachEngine('TAXII round trip of the ICS ATT&CK bundle', (database) => {
  let t: TestApp;
  let admin: TaxiiUser;

  beforeAll(async () => {
    t = await startTestApp(database());
    admin = await taxiiUser(t, { roles: ['org_admin'] });
  });
  afterAll(async () => t.close());

  it.skipIf(!available && process.env.CI !== 'true')(
    'serves every object back exactly as it was POSTed',
    async () => {
      const file = readFileSync(DATASET, 'utf8');
      const original = (JSON.parse(file) as { objects: { id: string }[] }).objects;
      expect(original).toHaveLength(1826);
      const texts = objectTextsByIndentation(file);
      expect(texts.size).toBe(1826);

      const id = await createCollection(t, admin.cookie, { title: 'ICS ATT&CK 18.1' });
      // The bundle itself is an envelope with extra members: its "objects" are what counts.
      const posted = await postTaxii(t, `${COLLECTIONS}${id}/objects/`, admin.auth, file);
      expect(posted.statusCode).toBe(202);
      expect(posted.json()).toMatchObject({ success_count: 1826, failure_count: 0 });

      const byId = new Map(original.map((object) => [object.id, object]));
      const served = new Set<string>();
      let url = `${COLLECTIONS}${id}/objects/?limit=500`;
      let pages = 0;
      for (;;) {
        const page = await getTaxii(t, url, admin.auth);
        expect(page.statusCode).toBe(200);
        pages += 1;
        const body = JSON.parse(page.body) as {
          more: boolean;
          next?: string;
          objects: { id: string }[];
        };
        for (const object of body.objects) {
          expect(served.has(object.id)).toBe(false);
          served.add(object.id);
          expect(object).toEqual(byId.get(object.id));
        }
        const spliced = body.objects.map((object) => texts.get(object.id)).join(',');
        const head = body.more
          ? `{"more":true,"next":${JSON.stringify(body.next)}`
          : '{"more":false';
        expect(page.body === `${head},"objects":[${spliced}]}`).toBe(true);
        if (!body.more) break;
        url = `${COLLECTIONS}${id}/objects/?limit=500&next=${encodeURIComponent(String(body.next))}`;
      }
      expect(pages).toBe(4);
      expect(served.size).toBe(1826);
    },
  );
});
