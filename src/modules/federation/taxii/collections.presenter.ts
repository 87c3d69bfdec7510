/** A TAXII collection row as the management API shows it (never the raw row). */
import type { CollectionRow } from './collections.repository.js';

export interface CollectionView {
  id: string;
  title: string;
  description: string | null;
  createdBy: string;
  marking: string;
  releasableTo: string[];
  createdAt: string;
  /** Where TAXII clients find it. */
  url: string;
}

function releaseListOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return [];
  }
}

export function presentCollection(row: CollectionRow): CollectionView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    createdBy: row.created_by,
    marking: row.marking,
    releasableTo: releaseListOf(row.releasable_to),
    createdAt: row.created_at,
    url: `/taxii2/tandem/collections/${row.id}/`,
  };
}
