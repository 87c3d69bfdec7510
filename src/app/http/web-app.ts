/**
 * Serves the built web app (dist/web) from the same process, with the
 * single-page fallback: any GET outside the API that names no file gets
 * index.html (see the not-found handler). Static files are public; the API
 * behind them is not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The app's index page, or undefined when the web app has not been built. */
export function loadWebIndex(webDir: string | undefined): string | undefined {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return undefined;
  return readFileSync(join(webDir, 'index.html'), 'utf8');
}

export async function installWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true };
    });
    await scope.register(fastifyStatic, {
      root: resolve(webDir),
      wildcard: false,
      index: ['index.html'],
      maxAge: '1h',
    });
  });
}

export function wantsWebApp(method: string, url: string): boolean {
  return (
    method === 'GET' &&
    !url.startsWith('/api/') &&
    !url.startsWith('/taxii2/') &&
    url !== '/healthz' &&
    url !== '/readyz'
  );
}
