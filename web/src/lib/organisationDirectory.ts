/**
 * The organisations of the node, fetched once per page life and shared by
 * every incident screen: lists name the originator, forms pick release lists.
 * A failed fetch is forgotten so that the next screen tries again.
 */
import { useEffect, useMemo, useState } from 'react';
import { listAllOrganisations } from '../api/admin';
import type { Organisation } from '../api/types';

let pending: Promise<Organisation[]> | null = null;

function loadOrganisations(): Promise<Organisation[]> {
  pending ??= listAllOrganisations().catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

export interface OrganisationDirectory {
  organisations: Organisation[];
  nameOf: (id: string) => string | undefined;
  status: 'loading' | 'ready' | 'error';
  error: unknown;
}

export function useOrganisationDirectory(): OrganisationDirectory {
  const [state, setState] = useState<{
    organisations: Organisation[];
    status: OrganisationDirectory['status'];
    error: unknown;
  }>({ organisations: [], status: 'loading', error: undefined });
  useEffect(() => {
    let live = true;
    loadOrganisations().then(
      (organisations) => {
        if (live) setState({ organisations, status: 'ready', error: undefined });
      },
      (error: unknown) => {
        if (live) setState({ organisations: [], status: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => {
    const names = new Map(state.organisations.map((o) => [o.id, o.name]));
    return { ...state, nameOf: (id: string) => names.get(id) };
  }, [state]);
}
