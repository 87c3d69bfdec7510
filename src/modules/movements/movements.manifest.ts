/**
 * The named passenger manifest: personal data, kept out of the record body
 * (so out of lists, search, history and federation). Only users of the
 * requester or escort organisation who can read the movement read it;
 * whoever cannot read the movement learns nothing (not_found), whoever can
 * but is of another organisation is told no (forbidden). Every read is
 * audited as 'personal_data.read', every replacement as
 * 'movement.manifest_changed' (a count, never the names).
 */
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf } from '../intel/intel.records.js';
import { listManifest, replaceManifest, type ManifestRow } from './movements.field.repository.js';
import {
  MOVEMENT_TYPE,
  movementFor,
  type MovementDeps,
  type MovementError,
} from './movements.records.js';
import type { MovementRow } from './movements.repository.js';
import type { ManifestInput } from './movements.schema.js';

export type ManifestEntry = ManifestInput['people'][number];

const present = (row: ManifestRow): ManifestEntry => ({
  fullName: row.full_name,
  nationality: row.nationality,
  role: row.role,
  ...(row.document_number ? { documentNumber: row.document_number } : {}),
});

function isOfMovementOrganisations(reader: CurrentUser, movement: MovementRow): boolean {
  return reader.orgId === movement.requester_org_id || reader.orgId === movement.escort_org_id;
}

export async function readManifest(
  deps: Pick<MovementDeps, 'db' | 'audit'>,
  id: string,
  reader: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<ManifestEntry[], MovementError>> {
  const found = await movementFor(deps, id, reader);
  if (!found.ok) return found;
  if (!isOfMovementOrganisations(reader, found.value)) return fail('forbidden');
  const rows = await listManifest(deps.db, id);
  // Audited before the answer leaves: a read whose entry cannot be written is not answered.
  await deps.audit.record({
    action: 'personal_data.read',
    outcome: 'success',
    actor: actorOf(reader),
    target: { type: MOVEMENT_TYPE, id },
    address: origin?.address,
    requestId: origin?.requestId,
    details: { what: 'movement_manifest', count: rows.length },
  });
  return ok(rows.map(present));
}

/** A viewer reads the manifest; keeping it needs an editing or field role. */
const KEEPERS = ['analyst', 'duty_officer', 'org_admin', 'field'];

export async function writeManifest(
  deps: Pick<MovementDeps, 'db' | 'audit'>,
  id: string,
  input: ManifestInput,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<number, MovementError>> {
  const found = await movementFor(deps, id, actor);
  if (!found.ok) return found;
  if (!isOfMovementOrganisations(actor, found.value)) return fail('forbidden');
  if (!actor.roles.some((role) => KEEPERS.includes(role))) return fail('forbidden');
  await inTransaction(deps.db, async (trx) => {
    await replaceManifest(
      trx,
      id,
      input.people.map((p, position) => ({
        position,
        full_name: p.fullName,
        nationality: p.nationality,
        role: p.role,
        document_number: p.documentNumber ?? null,
      })),
    );
    await deps.audit.record(
      {
        action: 'movement.manifest_changed',
        outcome: 'success',
        actor: actorOf(actor),
        target: { type: MOVEMENT_TYPE, id },
        address: origin?.address,
        requestId: origin?.requestId,
        details: { count: input.people.length },
      },
      trx,
    );
  });
  return ok(input.people.length);
}
