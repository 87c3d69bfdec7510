/**
 * Registers the TAXII 2.1 server (/taxii2/) and the administrators'
 * collection management API (/api/taxii/collections) on the app. Peers'
 * collections come from federation through `deps.peerCollections`.
 */
import type { FastifyInstance } from 'fastify';
import { collectionRoutes } from './collections.routes.js';
import type { TaxiiDeps } from './taxii.deps.js';
import { TAXII_PREFIX, taxiiApiRoutes } from './taxii.routes.js';

export async function registerTaxiiRoutes(app: FastifyInstance, deps: TaxiiDeps): Promise<void> {
  await app.register(taxiiApiRoutes, { prefix: TAXII_PREFIX, deps });
  await app.register(collectionRoutes, { deps });
}
