/**
 * SQLite's search rows: text in the FTS5 table `record_search`, and in
 * `record_search_rows` the FTS5 rowid of each record's row, which is the only
 * key FTS5 finds a row by. Both written by prepared statements on the
 * connection itself, like sqliteRowByRow (bulk-insert.ts), so only inside a
 * transaction its caller holds: nothing can come between a text's insert and
 * its rowid's.
 */
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../executor.js';
import type { SearchRows } from '../search-rows.js';

function inTransaction(executor: Executor): void {
  if (!executor.isTransaction) {
    throw new Error('search rows on SQLite are written only inside a transaction');
  }
}

export function sqliteSearchRows(database: SQLite.Database): SearchRows {
  // Prepared on first use: the tables exist only once migrations have run.
  let statements:
    | {
        insertText: SQLite.Statement<[string, string]>;
        insertRow: SQLite.Statement<[string, number | bigint]>;
        findRow: SQLite.Statement<[string], { search_row: number }>;
        updateText: SQLite.Statement<[string, number]>;
      }
    | undefined;
  const prepared = () =>
    (statements ??= {
      insertText: database.prepare('insert into record_search (record_id, text) values (?, ?)'),
      insertRow: database.prepare(
        'insert into record_search_rows (record_id, search_row) values (?, ?)',
      ),
      findRow: database.prepare('select search_row from record_search_rows where record_id = ?'),
      updateText: database.prepare('update record_search set text = ? where rowid = ?'),
    });
  const insertOne = (recordId: string, text: string) => {
    const { insertText, insertRow } = prepared();
    insertRow.run(recordId, insertText.run(recordId, text).lastInsertRowid);
  };
  return {
    insert(executor, rows) {
      inTransaction(executor);
      for (const [recordId, text] of rows) insertOne(recordId, text);
      return Promise.resolve();
    },
    replace(executor, recordId, text) {
      inTransaction(executor);
      const { findRow, updateText } = prepared();
      const found = findRow.get(recordId);
      if (found) updateText.run(text, found.search_row);
      else insertOne(recordId, text);
      return Promise.resolve();
    },
  };
}

/**
 * The rowid map, filled from the rows already there. A record with several
 * rows (none should have) keeps its newest; the others are removed, as they
 * would otherwise stay findable with no way to reach them.
 */
export async function createSqliteSearchRowMap(db: Kysely<unknown>): Promise<void> {
  await sql`create table record_search_rows (record_id text primary key, search_row integer not null) without rowid`.execute(
    db,
  );
  await sql`insert into record_search_rows (record_id, search_row) select record_id, max(rowid) from record_search group by record_id`.execute(
    db,
  );
  await sql`delete from record_search where rowid not in (select search_row from record_search_rows)`.execute(
    db,
  );
}
