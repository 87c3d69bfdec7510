/** What leaves for a peer, as a badge in words (sent in full, with personal data removed, not sent). */
import { useTranslation } from 'react-i18next';
import type { EgressDecision } from '../../api/federation';
import { decisionLabel } from './recordLinks';

const TONES: Record<EgressDecision, string> = {
  full: 'badge badge-local',
  redacted: 'badge badge-warning',
  none: 'badge badge-disabled',
};

export function DecisionBadge({ decision }: { decision: EgressDecision }) {
  const { t } = useTranslation();
  return (
    <span className={TONES[decision]} data-testid="egress-decision">
      {decisionLabel(decision, t)}
    </span>
  );
}
