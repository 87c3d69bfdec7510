/**
 * The sharing policy written plainly from the design's table, as the oracle
 * the property tests compare policy.ts against: what counts as well marked,
 * and who may read a record.
 */
import { isId } from '../../ids.js';
import { TLP_MARKINGS, type Reader, type ShareableRecord } from '../index.js';

export function isWellMarked(record: ShareableRecord): boolean {
  const { marking, created_by, created_by_user, releasable_to } = record;
  if (typeof marking !== 'string' || !(TLP_MARKINGS as readonly string[]).includes(marking))
    return false;
  if (!isId(created_by, 'identity')) return false;
  if (created_by_user !== undefined && created_by_user !== null && !isId(created_by_user, 'user'))
    return false;
  if (!Array.isArray(releasable_to)) return false;
  const entries: readonly unknown[] = releasable_to;
  return marking === 'TLP:RED'
    ? entries.every((entry) => isId(entry, 'user'))
    : entries.every((entry) => isId(entry, 'identity') || isId(entry, 'group'));
}
export const listOf = (record: ShareableRecord): string[] =>
  Array.isArray(record.releasable_to)
    ? record.releasable_to.filter((e) => typeof e === 'string')
    : [];
export const isAmber = (record: ShareableRecord): boolean =>
  record.marking === 'TLP:AMBER' || record.marking === 'TLP:AMBER+STRICT';
export const claims = (flag: unknown): boolean => flag !== undefined && flag !== false;
export const hasLegalBasis = (record: ShareableRecord): boolean =>
  typeof record.legal_basis === 'string' && record.legal_basis.trim() !== '';

export function specReads(reader: Reader, record: ShareableRecord): boolean {
  if (!reader.active) return false;
  if (!isWellMarked(record)) {
    return isId(record.created_by, 'identity') && reader.orgId === record.created_by;
  }
  const list = listOf(record);
  if (record.marking === 'TLP:RED')
    return reader.userId === record.created_by_user || list.includes(reader.userId);
  if (!isAmber(record)) return true;
  const orgListed = list.some((entry) => isId(entry, 'identity') && entry === reader.orgId);
  const groupListed = list.some((entry) => isId(entry, 'group') && reader.groupIds.includes(entry));
  return reader.orgId === record.created_by || orgListed || groupListed;
}
