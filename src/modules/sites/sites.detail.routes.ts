/**
 * What hangs off a protected site, over HTTP: people on site per day,
 * emergency contacts (personal data: operator and guard only, each read
 * audited) and what is nearby (incidents, threat reports). Thin handlers over
 * the services.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { readContacts, replaceSiteContacts } from './sites.contacts.service.js';
import { toAppError } from './sites.errors.js';
import { nearbySite } from './sites.nearby.service.js';
import { readPeople, recordPeople } from './sites.people.service.js';
import { presentNearbyIncident, presentNearbyReport, presentPeopleDay } from './sites.presenter.js';
import {
  contactsInputSchema,
  nearbyQuerySchema,
  peopleInputSchema,
  peopleQuerySchema,
  siteDayParamsSchema,
  siteParamsSchema,
} from './sites.schema.js';
import type { SiteDeps } from './sites.service.js';

const tags = ['protection'];

export const siteDetailRoutes: FastifyPluginAsyncZod<{ deps: SiteDeps }> = async (
  app,
  { deps },
) => {
  app.put(
    '/api/sites/:id/people/:day',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: "Record one day's people on site by nationality (replaces that day)",
        params: siteDayParamsSchema,
        body: peopleInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const { id, day } = request.params;
      const recorded = await recordPeople(deps, id, day, request.body, actor, originOf(request));
      if (!recorded.ok) throw toAppError(recorded.error);
      const read = await readPeople(deps, id, { from: day, to: day }, actor);
      if (!read.ok) throw toAppError(read.error);
      return { day: read.value.days[0] ?? { day, total: 0, byNationality: [], recordedAt: null } };
    },
  );

  app.get(
    '/api/sites/:id/people',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'People on site per day and nationality (default: the last 30 days)',
        params: siteParamsSchema,
        querystring: peopleQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const read = await readPeople(deps, request.params.id, request.query, reader);
      if (!read.ok) throw toAppError(read.error);
      return {
        from: read.value.from,
        to: read.value.to,
        days: read.value.days.map(presentPeopleDay),
      };
    },
  );

  app.get(
    '/api/sites/:id/contacts',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Emergency contacts (operator and guard organisations only; audited)',
        params: siteParamsSchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const read = await readContacts(deps, request.params.id, reader, originOf(request));
      if (!read.ok) throw toAppError(read.error);
      return { contacts: read.value };
    },
  );

  app.put(
    '/api/sites/:id/contacts',
    {
      config: { scope: 'intel:write' },
      schema: {
        tags,
        summary: 'Replace the emergency contacts (operator and guard organisations only)',
        params: siteParamsSchema,
        body: contactsInputSchema,
      },
    },
    async (request) => {
      const actor = requirePrincipal(request).user;
      const { id } = request.params;
      const written = await replaceSiteContacts(deps, id, request.body, actor, originOf(request));
      if (!written.ok) throw toAppError(written.error);
      return { contacts: written.value };
    },
  );

  app.get(
    '/api/sites/:id/nearby',
    {
      config: { scope: 'intel:read' },
      schema: {
        tags,
        summary: 'Incidents near the site and threat reports valid now whose area meets it',
        params: siteParamsSchema,
        querystring: nearbyQuerySchema,
      },
    },
    async (request) => {
      const reader = requirePrincipal(request).user;
      const found = await nearbySite(deps, request.params.id, request.query, reader);
      if (!found.ok) throw toAppError(found.error);
      const { incidents, threatReports } = found.value;
      return {
        radiusKm: request.query.radiusKm,
        days: request.query.days,
        incidents: {
          items: incidents.items.map(presentNearbyIncident),
          truncated: incidents.truncated,
        },
        threatReports: {
          items: threatReports.rows.map(presentNearbyReport),
          truncated: threatReports.truncated,
        },
      };
    },
  );
};
