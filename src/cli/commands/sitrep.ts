/**
 * `tandem sitrep --date D --as USER`: the daily situation report as one
 * user sees it (a report is per reader, so the command names whose view it
 * is; unknown and disabled users are refused), written to a file as PDF or
 * JSON, audited like the API's (`sitrep.generated`, via: 'cli').
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { toCurrentUser } from '../../modules/identity/identity.presenter.js';
import { findUserByUsername } from '../../modules/identity/users.repository.js';
import { renderSitrepPdf } from '../../modules/sitrep/sitrep.pdf.js';
import { languageOfLocale, sitrepPdfQuerySchema } from '../../modules/sitrep/sitrep.schema.js';
import { generateSitrep } from '../../modules/sitrep/sitrep.service.js';
import { fail, withNode } from '../runtime.js';
import { formatIssues } from './format.js';

const optionsSchema = sitrepPdfQuerySchema.extend({
  as: z.string().trim().min(1),
  format: z.enum(['pdf', 'json']).default('pdf'),
  out: z.string().min(1).optional(),
});

const CLI_ORIGIN = { address: 'cli', requestId: 'cli' };

export function registerSitrep(program: Command): void {
  program
    .command('sitrep')
    .description(
      "write the daily situation report as one user sees it (that user's organisation and markings)",
    )
    .requiredOption('--as <username>', 'the reader whose view the report is')
    .option('--date <YYYY-MM-DD>', 'the UTC day reported on (default: today)')
    .option('--lang <en|zh|ur>', "language of the PDF's headings (default: the user's language)")
    .option('--format <pdf|json>', 'pdf or json', 'pdf')
    .option('--out <file>', 'where to write it (default: sitrep-DATE-LANG.pdf or sitrep-DATE.json)')
    .action(async (raw: Record<string, string | undefined>) => {
      const options = optionsSchema.safeParse(raw);
      if (!options.success) fail(formatIssues(options.error.issues));
      const { as, date, format, out } = options.data;
      await withNode(async (context) => {
        const row = await findUserByUsername(context.storage.db, as.toLowerCase());
        if (!row) fail(`no user "${as}"`);
        if (row.disabled === 1) fail(`user "${as}" is disabled`);
        const reader = toCurrentUser(row);
        const language = options.data.lang ?? languageOfLocale(reader.locale);
        const deps = { db: context.storage.db, clock: context.clock, audit: context.audit };
        const report = await generateSitrep(
          deps,
          reader,
          { date, format, via: 'cli', ...(format === 'pdf' ? { language } : {}) },
          CLI_ORIGIN,
        );
        const file =
          out ??
          (format === 'pdf'
            ? `sitrep-${report.date}-${language}.pdf`
            : `sitrep-${report.date}.json`);
        writeFileSync(
          file,
          format === 'pdf'
            ? await renderSitrepPdf(report, language)
            : `${JSON.stringify({ sitrep: report }, null, 2)}\n`,
        );
        console.log(
          `Wrote ${file}: situation report of ${report.date} for ${reader.username} (${report.organisation.name}): ` +
            `${report.incidents.total} incidents, ${report.threats.total} threat reports, ` +
            `${report.actionItems.total} overdue action items.`,
        );
      });
    });
}
