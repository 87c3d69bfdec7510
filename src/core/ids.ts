/**
 * Identifiers: every record id is `<type>--<uuid>`, STIX style, so that the
 * same id names a record on every node and in every bundle.
 */
import { randomUUID } from 'node:crypto';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ID_PATTERN = new RegExp(`^([a-z][a-z0-9-]*[a-z0-9])--(${UUID})$`);

export type RecordId = string;

export function newId(type: string): RecordId {
  if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(type)) throw new Error(`invalid id type: ${type}`);
  return `${type}--${randomUUID()}`;
}

export function isId(value: unknown, type?: string): boolean {
  if (typeof value !== 'string') return false;
  const match = ID_PATTERN.exec(value);
  return match !== null && (type === undefined || match[1] === type);
}

export function idType(id: RecordId): string | undefined {
  return ID_PATTERN.exec(id)?.[1];
}
