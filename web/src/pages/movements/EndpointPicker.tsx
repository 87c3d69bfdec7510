/**
 * Where a movement starts or ends: one of the protected sites the user may
 * read, or a named place — found by the place search (GET /api/places, as
 * the incident form does) or typed as a name with latitude and longitude.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAllSites, type Site } from '../../api/sites';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { describeError } from '../../i18n/errors';
import { PlaceSearch } from '../incidents/PlaceSearch';
import type { EndpointDraft } from './movementDraft';

export interface SiteChoices {
  sites: Site[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
}

let pending: Promise<Site[]> | null = null;

/** The readable sites, fetched once per page life (a failed fetch is tried again next time). */
export function useSiteChoices(): SiteChoices {
  const [state, setState] = useState<SiteChoices>({
    sites: [],
    status: 'loading',
    error: undefined,
  });
  useEffect(() => {
    let live = true;
    pending ??= listAllSites().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    pending.then(
      (sites) => {
        if (live)
          setState({ sites: sites.filter((s) => !s.revoked), status: 'ready', error: undefined });
      },
      (error: unknown) => {
        if (live) setState({ sites: [], status: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function EndpointPicker({
  legend,
  path,
  value,
  onChange,
  sites,
  errorOf,
}: {
  legend: string;
  /** 'origin' or 'destination': the API path of its fields. */
  path: string;
  value: EndpointDraft;
  onChange: (value: EndpointDraft) => void;
  sites: SiteChoices;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (changes: Partial<EndpointDraft>) => onChange({ ...value, ...changes });
  return (
    <fieldset className="form-section endpoint-picker">
      <legend>{legend}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('movements.form.endpointKind')}>
        {(['site', 'place'] as const).map((mode) => (
          <label
            key={mode}
            className={value.mode === mode ? 'segment segment-selected' : 'segment'}
          >
            <input
              type="radio"
              name={`${path}-mode`}
              checked={value.mode === mode}
              onChange={() => set({ mode })}
            />
            {t(`movements.form.endpoint.${mode}`)}
          </label>
        ))}
      </div>
      {value.mode === 'site' ? (
        <>
          <SelectField
            label={t('movements.form.site')}
            value={value.siteId}
            onValueChange={(siteId) => set({ siteId })}
            options={sites.sites.map((site) => ({ value: site.id, label: site.name }))}
            placeholder={sites.status === 'loading' ? t('common.loading') : t('common.choose')}
            error={errorOf(`${path}.siteId`)}
          />
          {sites.status === 'error' ? (
            <Notice tone="error">{describeError(sites.error, t)}</Notice>
          ) : null}
          {sites.status === 'ready' && sites.sites.length === 0 ? (
            <p className="field-hint">{t('movements.form.noSites')}</p>
          ) : null}
        </>
      ) : (
        <>
          <PlaceSearch
            onPick={(place) =>
              set({ name: place.name, lat: String(place.lat), lon: String(place.lon) })
            }
          />
          <div className="form-row form-row-3">
            <TextField
              label={t('movements.form.placeName')}
              value={value.name}
              onValueChange={(name) => set({ name })}
              error={errorOf(`${path}.name`)}
              dir="auto"
            />
            <TextField
              label={t('movements.form.lat')}
              inputMode="decimal"
              value={value.lat}
              onValueChange={(lat) => set({ lat })}
              error={errorOf(`${path}.lat`)}
              dir="ltr"
            />
            <TextField
              label={t('movements.form.lon')}
              inputMode="decimal"
              value={value.lon}
              onValueChange={(lon) => set({ lon })}
              error={errorOf(`${path}.lon`)}
              dir="ltr"
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
