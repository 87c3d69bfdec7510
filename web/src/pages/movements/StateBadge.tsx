/** A movement's state as a badge: the state's name, coloured by how much it needs attention. */
import type { MovementState } from '@vocabulary/protection';
import { useTranslation } from 'react-i18next';

const TONE: Record<MovementState, 'neutral' | 'waiting' | 'good' | 'active' | 'alarm' | 'ended'> = {
  draft: 'neutral',
  submitted: 'waiting',
  approved: 'good',
  rejected: 'ended',
  returned: 'waiting',
  escort_assigned: 'good',
  in_transit: 'active',
  arrived: 'good',
  closed: 'ended',
  cancelled: 'ended',
  overdue: 'alarm',
  incident: 'alarm',
};

export function StateBadge({ state }: { state: MovementState }) {
  const { t } = useTranslation();
  return (
    <span className={`state-badge state-${TONE[state]}`} data-testid="movement-state">
      {t(`movements.states.${state}`)}
    </span>
  );
}
