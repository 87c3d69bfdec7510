/**
 * `tandem import incidents FILE.csv`: ACLED-style CSV through the ingest
 * service. The whole file is validated first (every bad row reported with
 * its line and column), and nothing is written unless every row is valid;
 * then a second pass writes it in batches, one transaction each, printing
 * `committed batch N (rows a–b)` on standard output after each commit. A
 * run killed midway leaves whole batches only: those it printed, and at
 * most the one it committed but had not yet printed.
 *
 * Two passes over the file, rather than holding it, keep memory flat for
 * files of millions of rows.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { isId } from '../../core/ids.js';
import { TLP_MARKINGS, type Reader } from '../../core/policy/index.js';
import type { AppContext } from '../../app/context.js';
import { toCurrentUser } from '../../modules/identity/identity.presenter.js';
import { findOrganisationByName } from '../../modules/identity/organisations.repository.js';
import { findUserByUsername } from '../../modules/identity/users.repository.js';
import { acledRowToInput, columnOf, readHeader } from '../../modules/incidents/acled-csv.js';
import {
  incidentInputSchema,
  type IncidentInput,
} from '../../modules/incidents/incidents.schema.js';
import { checkIngestPolicy, ingestIncidents } from '../../modules/incidents/ingest.service.js';
import type { SharingInput } from '../../modules/records/sharing.schema.js';
import { readCsvFile } from '../csv-file.js';
import { Progress } from '../progress.js';
import { importBundleFile } from './exchange.js';
import { fail, withNode } from '../runtime.js';

const MAX_REPORTED_ERRORS = 200;

interface ImportOptions {
  org?: string;
  as?: string;
  marking: string;
  batch: string;
}

type CheckedRow = { row: number; line: number; bytesRead: number } & (
  { input: IncidentInput } | { problems: string[] }
);

/** Every data row of the file, validated; `row` counts data rows from 1. */
async function* checkedRows(path: string, sharing: SharingInput): AsyncGenerator<CheckedRow> {
  let index: ReturnType<typeof readHeader> | undefined;
  let row = 0;
  for await (const record of readCsvFile(path)) {
    if (!index) {
      index = readHeader(record.fields);
      if ('missing' in index) fail(`${path}: the header lacks ${index.missing.join(', ')}`);
      continue;
    }
    if (!('index' in index)) continue;
    row += 1;
    const parsed = incidentInputSchema.safeParse(
      acledRowToInput(record.fields, index.index, sharing),
    );
    const place = { row, line: record.line, bytesRead: record.bytesRead };
    yield parsed.success
      ? { ...place, input: parsed.data }
      : { ...place, problems: parsed.error.issues.map((i) => `${columnOf(i.path)}: ${i.message}`) };
  }
}

/** The importing actor: a named user, or (without --as) the organisation itself, with no user author. */
async function actorFor(context: AppContext, options: ImportOptions): Promise<Reader> {
  let orgId: string | undefined;
  if (options.org !== undefined) {
    orgId = isId(options.org, 'identity')
      ? options.org
      : (await findOrganisationByName(context.storage.db, options.org))?.id;
    if (!orgId) fail(`no organisation "${options.org}" (see tandem org list)`);
  }
  if (options.as !== undefined) {
    const row = await findUserByUsername(context.storage.db, options.as.toLowerCase());
    if (!row) fail(`no user "${options.as}"`);
    if (orgId !== undefined && row.org_id !== orgId)
      fail(`${options.as} belongs to another organisation: only the originator records incidents`);
    return toCurrentUser(row);
  }
  if (orgId === undefined) fail('name the importing organisation (--org) or user (--as)');
  return { userId: 'cli', orgId, groupIds: [], roles: ['analyst'], active: true };
}

async function importIncidents(file: string, options: ImportOptions): Promise<void> {
  const batchSize = Number(options.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5_000)
    fail('--batch: a whole number from 1 to 5000');
  if (!(TLP_MARKINGS as readonly string[]).includes(options.marking))
    fail(`--marking: one of ${TLP_MARKINGS.join(', ')}`);
  const sharing = { marking: options.marking, releasableTo: [] } as SharingInput;
  const size = statSync(file).size;

  await withNode(async (context) => {
    const actor = await actorFor(context, options);
    // Pass 1: validate everything; write nothing unless all rows pass.
    const checking = new Progress('checking', size);
    let rows = 0;
    let failed = 0;
    let sample: IncidentInput | undefined;
    for await (const checked of checkedRows(file, sharing)) {
      rows = checked.row;
      if ('problems' in checked) {
        failed += 1;
        if (failed <= MAX_REPORTED_ERRORS)
          for (const problem of checked.problems) console.error(`line ${checked.line}: ${problem}`);
      } else sample ??= checked.input;
      checking.update(rows, checked.bytesRead);
    }
    checking.done(rows);
    if (failed > MAX_REPORTED_ERRORS)
      console.error(`… and ${failed - MAX_REPORTED_ERRORS} more rows`);
    // Every row carries the same marking: one policy check stands for all.
    const refused = sample && checkIngestPolicy([sample], actor);
    if (refused) fail(`refused: ${refused.error} (marking ${options.marking})`);
    if (failed > 0) {
      console.error(`${failed} of ${rows} rows failed validation; nothing was imported.`);
      process.exitCode = 1;
      return;
    }

    // Pass 2: write, one transaction per batch.
    const deps = {
      db: context.storage.db,
      clock: context.clock,
      audit: context.audit,
      capabilities: context.storage.capabilities,
    };
    const writing = new Progress('importing', size);
    let batch: IncidentInput[] = [];
    let batchNumber = 0;
    let written = 0;
    const commit = async () => {
      batchNumber += 1;
      const first = written + 1;
      const outcome = await ingestIncidents(deps, batch, actor, {
        batchSize: batch.length,
        source: basename(file),
      });
      if (!outcome.ok) fail(`row ${first + outcome.index}: ${outcome.error}`);
      written += batch.length;
      console.log(`committed batch ${batchNumber} (rows ${first}–${written})`);
      batch = [];
    };
    for await (const checked of checkedRows(file, sharing)) {
      // The file changed between the passes: stop rather than write what was not checked.
      if (!('input' in checked)) fail(`line ${checked.line} changed since it was checked`);
      batch.push(checked.input);
      if (batch.length === batchSize) await commit();
      writing.update(written + batch.length, checked.bytesRead);
    }
    if (batch.length > 0) await commit();
    writing.done(written);
    console.log(`imported ${written} incidents in ${batchNumber} batches`);
  });
}

export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description('import a STIX bundle from a peer (tandem import FILE), or incidents from CSV')
    .argument('[bundle]', 'a signed STIX bundle written by `tandem export` on a peer')
    .action(async (bundle: string | undefined) => {
      if (bundle === undefined) command.help();
      else await importBundleFile(bundle);
    });
  command
    .command('incidents')
    .description(
      'import ACLED-style CSV; validates the whole file first and imports nothing if any row fails',
    )
    .argument(
      '<file>',
      'CSV with event_date, event_type, sub_event_type, actor1, country, location, latitude, longitude, …',
    )
    .option('--org <id-or-name>', 'the originating organisation (defaults to that of --as)')
    .option('--as <username>', 'the user recorded as author and in the audit log')
    .option('--marking <tlp>', 'TLP marking of every imported incident', 'TLP:GREEN')
    .option('--batch <n>', 'incidents per transaction', '2000')
    .action(importIncidents);
}
