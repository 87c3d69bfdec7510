/**
 * A TLP 2.0 label as the standard draws it: the colour on black. AMBER+STRICT
 * carries an extra bar so that it differs from AMBER at a glance.
 */
import { tlpClass } from '../lib/tlp';

export function MarkingBadge({ marking }: { marking: string }) {
  const strict = marking === 'TLP:AMBER+STRICT';
  return (
    <span className={`tlp ${tlpClass(marking)}`} dir="ltr" data-testid="marking">
      {strict ? <span className="tlp-strict-mark" aria-hidden="true" /> : null}
      {marking}
    </span>
  );
}
