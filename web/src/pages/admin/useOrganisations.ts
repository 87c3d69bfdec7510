import { useEffect, useState } from 'react';
import { listAllOrganisations } from '../../api/admin';
import type { Organisation } from '../../api/types';

/** All organisations of the node, for filters and pickers; `reloadKey` asks again. */
export function useOrganisations(reloadKey = 0): { organisations: Organisation[]; error: unknown } {
  const [state, setState] = useState<{ organisations: Organisation[]; error: unknown }>({
    organisations: [],
    error: undefined,
  });
  useEffect(() => {
    const controller = new AbortController();
    listAllOrganisations(controller.signal).then(
      (organisations) => setState({ organisations, error: undefined }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ organisations: [], error });
      },
    );
    return () => controller.abort();
  }, [reloadKey]);
  return state;
}
