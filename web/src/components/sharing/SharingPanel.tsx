/**
 * The sharing of a record being written, the same in every editor: the TLP
 * marking, whom it is released to (organisations for AMBER and AMBER+STRICT,
 * named people for RED), and who will be able to read it, asked of the
 * server's policy as the choices change.
 */
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/types';
import { useSession } from '../../app/session';
import { CheckboxGroup, FieldError } from '../Field';
import { MarkingPicker } from './MarkingPicker';
import { NamedUserPicker } from './NamedUserPicker';
import { SharingPreview } from './SharingPreview';
import { isUserId, namesPeople, releaseListFor, type SharingValue } from './sharingRules';

export type { SharingValue } from './sharingRules';
export { releaseListFor } from './sharingRules';

interface SharingPanelProps {
  value: SharingValue;
  onChange: (value: SharingValue) => void;
  /** Every organisation the node knows; the writer's own is left out of the release list. */
  organisations: readonly Organisation[];
  /** The server's issue for an API path ('marking', 'releasableTo'), if any. */
  errorOf?: (path: string) => string | undefined;
  /** The record being edited: the preview then counts its originator, not the editor. */
  recordId?: string | undefined;
}

export function SharingPanel({
  value,
  onChange,
  organisations,
  errorOf,
  recordId,
}: SharingPanelProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const others = organisations.filter((o) => o.id !== user.organisation.id);
  const { marking, releasableTo } = value;
  const amber = marking === 'TLP:AMBER' || marking === 'TLP:AMBER+STRICT';
  const people = releasableTo.filter(isUserId);
  const releaseError = errorOf?.('releasableTo');

  // Replaces the entries of one kind and keeps the other kind for a change of mind.
  const setOrganisations = (ids: string[]) =>
    onChange({ marking, releasableTo: [...people, ...ids] });
  const setPeople = (ids: string[]) =>
    onChange({ marking, releasableTo: [...releasableTo.filter((id) => !isUserId(id)), ...ids] });

  return (
    <div className="sharing-panel" data-testid="sharing-panel">
      <div className="sharing-layout">
        <div className="sharing-choices">
          <MarkingPicker
            value={marking}
            onChange={(next) => onChange({ marking: next, releasableTo })}
            error={errorOf?.('marking')}
          />
          {amber ? (
            others.length === 0 ? (
              <p className="cell-muted">{t('sharing.noOtherOrganisations')}</p>
            ) : (
              <CheckboxGroup
                legend={t('sharing.releaseTo')}
                options={others.map((o) => ({
                  value: o.id,
                  label: o.name,
                  description: o.country,
                }))}
                selected={releasableTo.filter((id) => others.some((o) => o.id === id))}
                onChange={setOrganisations}
                error={releaseError}
              />
            )
          ) : null}
          {namesPeople(marking) ? (
            <NamedUserPicker
              selected={people}
              onChange={setPeople}
              organisations={organisations}
              error={releaseError}
            />
          ) : null}
          {!amber && !namesPeople(marking) ? <FieldError message={releaseError} /> : null}
        </div>
        <SharingPreview
          value={{ marking, releasableTo: releaseListFor(marking, releasableTo) }}
          recordId={recordId}
        />
      </div>
    </div>
  );
}
