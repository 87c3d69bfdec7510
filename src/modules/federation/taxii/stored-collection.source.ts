/**
 * An administrator-defined collection as a CollectionSource: pages of the
 * STIX objects stored in it, in the order they were added (date added, then
 * id, then version), each served as the exact text that was stored. `next`
 * is an opaque token of the last row's sort key. Who may read or write the
 * collection is decided before a source is built (taxii.collections.ts);
 * this file never decides it.
 */
import { decodeCursor, encodeCursor } from '../../../core/pagination.js';
import type { Executor } from '../../../storage/executor.js';
import type { CollectionRow } from './collections.repository.js';
import { findStixObjects, type StixObjectRow } from './stix-objects.repository.js';
import {
  InvalidNextToken,
  type CollectionInfo,
  type CollectionSource,
  type ObjectQuery,
  type ObjectsPage,
  type ServedObject,
} from './taxii.contract.js';

function served(row: StixObjectRow): ServedObject {
  return {
    id: row.id,
    type: row.type,
    // Objects without `modified` or `created` (markings) are versioned by when they were added.
    version: row.version === '' ? row.date_added : row.version,
    specVersion: row.spec_version,
    dateAdded: row.date_added,
    json: row.body,
  };
}

export function storedCollectionSource(
  db: Executor,
  row: CollectionRow,
  access: { canWrite: boolean },
): CollectionSource {
  const info: CollectionInfo = {
    id: row.id,
    title: row.title,
    ...(row.description !== null ? { description: row.description } : {}),
    canRead: true,
    canWrite: access.canWrite,
  };
  return {
    info,
    async objects(query: ObjectQuery): Promise<ObjectsPage> {
      let after: { dateAdded: string; id: string; version: string } | undefined;
      if (query.next !== undefined) {
        const key = decodeCursor(query.next, 3);
        if (!key) throw new InvalidNextToken();
        const [dateAdded = '', id = '', version = ''] = key;
        after = { dateAdded, id, version };
      }
      const rows = await findStixObjects(db, {
        collectionId: row.id,
        ...(query.addedAfter !== undefined ? { addedAfter: query.addedAfter } : {}),
        ...(after ? { after } : {}),
        ...(query.ids ? { ids: query.ids } : {}),
        ...(query.types ? { types: query.types } : {}),
        // Only STIX 2.1 is stored, so "the latest spec version of each object" needs no filter.
        ...(query.specVersions ? { specVersions: query.specVersions } : {}),
        version: query.version,
        limit: query.limit + 1,
      });
      const more = rows.length > query.limit;
      const page = more ? rows.slice(0, query.limit) : rows;
      const last = page.at(-1);
      return {
        objects: page.map(served),
        more,
        ...(more && last ? { next: encodeCursor([last.date_added, last.id, last.version]) } : {}),
      };
    },
  };
}
