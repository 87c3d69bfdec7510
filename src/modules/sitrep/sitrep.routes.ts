/** The situation report over HTTP: JSON for the web page, PDF for print and mail. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { renderSitrepPdf } from './sitrep.pdf.js';
import { languageOfLocale, sitrepPdfQuerySchema, sitrepQuerySchema } from './sitrep.schema.js';
import type { SitrepDeps } from './sitrep.section.js';
import { generateSitrep } from './sitrep.service.js';

export const sitrepRoutes: FastifyPluginAsyncZod<{ deps: SitrepDeps }> = async (app, { deps }) => {
  app.get(
    '/api/sitrep',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['sitrep'],
        summary: "The daily situation report of one UTC day, as the caller's organisation sees it",
        querystring: sitrepQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const sitrep = await generateSitrep(
        deps,
        reader,
        { date: request.query.date, format: 'json', via: 'api' },
        originOf(request),
      );
      return { sitrep };
    },
  );

  app.get(
    '/api/sitrep.pdf',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags: ['sitrep'],
        summary: 'The daily situation report as a PDF, in English, Chinese or Urdu',
        querystring: sitrepPdfQuerySchema,
      },
    },
    async (request, reply) => {
      const reader = requirePrincipal(request).user;
      const language = request.query.lang ?? languageOfLocale(reader.locale);
      const sitrep = await generateSitrep(
        deps,
        reader,
        { date: request.query.date, format: 'pdf', language, via: 'api' },
        originOf(request),
      );
      const pdf = await renderSitrepPdf(sitrep, language);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="sitrep-${sitrep.date}-${language}.pdf"`,
        )
        .send(pdf);
    },
  );
};
