/**
 * Webhooks over HTTP, for an organisation's administrators: add (the answer
 * carries the signing secret, the only time it is shown), list, remove.
 * Thin handlers; the rules live in webhooks.service.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../../core/errors.js';
import { originOf, requirePrincipal } from '../../app/http/request-context.js';
import { presentCreatedWebhook, presentWebhook } from './webhooks.presenter.js';
import { webhookIdParamsSchema, webhookInputSchema } from './webhooks.schema.js';
import {
  createWebhook,
  listWebhooksFor,
  removeWebhook,
  type WebhookDeps,
  type WebhookError,
} from './webhooks.service.js';

const tags = ['webhooks'];

const ERROR_CODES: Record<WebhookError, ErrorCode> = {
  forbidden: 'FORBIDDEN',
  url_refused: 'WEBHOOK_URL_REFUSED',
  not_found: 'NOT_FOUND',
};

export const webhookRoutes: FastifyPluginAsyncZod<{ deps: WebhookDeps }> = async (
  app,
  { deps },
) => {
  app.post(
    '/api/webhooks',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary:
          "Add a webhook for the caller's organisation (organisation administrators); the secret is shown only here",
        body: webhookInputSchema,
      },
    },
    async (request, reply) => {
      const user = requirePrincipal(request).user;
      const created = await createWebhook(deps, request.body, user, originOf(request));
      if (!created.ok) throw new AppError(ERROR_CODES[created.error]);
      return reply.code(201).send(presentCreatedWebhook(created.value));
    },
  );

  app.get(
    '/api/webhooks',
    {
      config: { scope: 'admin' },
      schema: { tags, summary: "The caller's organisation's webhooks (without their secrets)" },
    },
    async (request) => {
      const listed = await listWebhooksFor(deps, requirePrincipal(request).user);
      if (!listed.ok) throw new AppError(ERROR_CODES[listed.error]);
      return { items: listed.value.map(presentWebhook) };
    },
  );

  app.delete(
    '/api/webhooks/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Remove a webhook: nothing more is sent to it',
        params: webhookIdParamsSchema,
      },
    },
    async (request, reply) => {
      const user = requirePrincipal(request).user;
      const removed = await removeWebhook(deps, request.params.id, user, originOf(request));
      if (!removed.ok) throw new AppError(ERROR_CODES[removed.error]);
      return reply.code(204).send();
    },
  );
};
