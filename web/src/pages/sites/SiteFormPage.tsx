/**
 * Records a protected site or corrects one (a new version; only its
 * originator's editors may): the point by latitude/longitude or a click on
 * the map, an optional polygon, the buffer, operator and guard, posture and
 * sharing. The map previews the protected region as it is typed.
 */
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createSite, getSite, POSTURE_LEVELS, SITE_TYPES, updateSite } from '../../api/sites';
import type { PostureLevel, SiteType } from '@vocabulary/protection';
import { useSession } from '../../app/session';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions, SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { RecordFormPage } from '../../components/RecordFormPage';
import { SharingSection } from '../../components/sharing/SharingSection';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useEditDraft } from '../../lib/useEditDraft';
import { siteFeatures } from './geoFeatures';
import { canWriteSites } from './permissions';
import { ProtectionMap } from './ProtectionMap';
import {
  blankSite,
  checkSite,
  draftFromSite,
  draftGeometry,
  MAX_BUFFER_KM,
  siteInput,
  type SiteDraft,
  type SiteProblem,
} from './siteDraft';
import { useDraftForm } from './useDraftForm';

export default function SiteFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const loaded = useEditDraft(id, {
    load: getSite,
    mayEdit: (_user, site) => site.canEdit && !site.revoked,
    toDraft: draftFromSite,
    blank: () => blankSite(user.organisation.id),
  });
  const back = id ? `/sites/${id}` : '/sites';
  return (
    <RecordFormPage
      className="page page-site-form"
      title={id ? t('sites.form.editTitle') : t('sites.form.newTitle')}
      description={t('sites.form.description')}
      back={{ to: back, label: id ? t('sites.form.backToSite') : t('sites.backToList') }}
      mayWrite={canWriteSites(user)}
      notAllowed={t('sites.notAllowed')}
      loaded={loaded}
    >
      {({ draft }) => <SiteForm initial={draft} id={id} cancelTo={back} />}
    </RecordFormPage>
  );
}

function SiteForm({
  initial,
  id,
  cancelTo,
}: {
  initial: SiteDraft;
  id?: string | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const directory = useOrganisationDirectory();
  const { draft, set, errorOf, submission, submit } = useDraftForm(
    initial,
    checkSite,
    (problem: SiteProblem) => t(`sites.problems.${problem}`, { max: MAX_BUFFER_KM }),
    t('sites.form.fixFields'),
  );
  const organisations = directory.organisations.map((o) => ({ value: o.id, label: o.name }));
  // The geometry's JSON stands for it: a new object each render must not redraw the map.
  const geometryKey = JSON.stringify(draftGeometry(draft));
  const features = useMemo(() => {
    const geometry = JSON.parse(geometryKey) as ReturnType<typeof draftGeometry>;
    return geometry
      ? siteFeatures({ name: draft.name, location: geometry })
      : { type: 'FeatureCollection' as const, features: [] };
  }, [geometryKey, draft.name]);
  const buffer = Number(draft.bufferKm);

  const save = (event: FormEvent) =>
    submit(event, async (current) => {
      const input = siteInput(current);
      const saved = id ? await updateSite(id, input) : await createSite(input);
      return `/sites/${saved.id}`;
    });

  return (
    <form
      ref={submission.formRef}
      className="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={t('sites.form.label')}
    >
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
      <fieldset className="form-section">
        <legend>{t('sites.form.profile')}</legend>
        <TextField
          label={t('sites.fields.name')}
          value={draft.name}
          onValueChange={(name) => set({ name })}
          error={errorOf('name')}
          dir="auto"
          required
        />
        <div className="form-row form-row-2">
          <SelectField
            label={t('sites.fields.type')}
            value={draft.type}
            onValueChange={(type) => set({ type: type as SiteType })}
            options={SITE_TYPES.map((type) => ({ value: type, label: t(`sites.types.${type}`) }))}
            error={errorOf('type')}
          />
          <SelectField
            label={t('sites.fields.posture')}
            value={draft.postureLevel}
            onValueChange={(level) => set({ postureLevel: level as PostureLevel })}
            options={POSTURE_LEVELS.map((level) => ({
              value: level,
              label: t(`sites.posture.${level}`),
            }))}
            hint={t('sites.form.postureHint')}
            error={errorOf('postureLevel')}
          />
          <SelectField
            label={t('sites.fields.operator')}
            value={draft.operatorOrgId}
            onValueChange={(operatorOrgId) => set({ operatorOrgId })}
            options={organisations}
            placeholder={t('common.choose')}
            hint={t('sites.form.operatorHint')}
            error={errorOf('operatorOrgId')}
          />
          <SelectField
            label={t('sites.fields.guard')}
            value={draft.guardOrgId}
            onValueChange={(guardOrgId) => set({ guardOrgId })}
            options={organisations}
            placeholder={t('common.choose')}
            hint={t('sites.form.guardHint')}
            error={errorOf('guardOrgId')}
          />
        </div>
        <TextAreaField
          label={t('sites.fields.notes')}
          value={draft.notes}
          onValueChange={(notes) => set({ notes })}
          error={errorOf('notes')}
          rows={3}
          dir="auto"
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('sites.form.location')}</legend>
        <div className="site-location-layout">
          <div>
            <SelectField
              label={t('sites.form.shape')}
              value={draft.locationKind}
              onValueChange={(kind) =>
                set({ locationKind: kind === 'polygon' ? 'polygon' : 'point' })
              }
              options={[
                { value: 'point', label: t('sites.form.point') },
                { value: 'polygon', label: t('sites.form.polygon') },
              ]}
            />
            {draft.locationKind === 'point' ? (
              <div className="form-row form-row-2">
                <TextField
                  label={t('sites.fields.lat')}
                  inputMode="decimal"
                  value={draft.lat}
                  onValueChange={(lat) => set({ lat })}
                  error={errorOf('location.lat')}
                  dir="ltr"
                />
                <TextField
                  label={t('sites.fields.lon')}
                  inputMode="decimal"
                  value={draft.lon}
                  onValueChange={(lon) => set({ lon })}
                  error={errorOf('location.lon')}
                  dir="ltr"
                />
              </div>
            ) : (
              <TextAreaField
                label={t('sites.form.vertices')}
                value={draft.polygonText}
                onValueChange={(polygonText) => set({ polygonText })}
                hint={t('sites.form.verticesHint')}
                error={errorOf('location.polygon')}
                rows={6}
                dir="ltr"
              />
            )}
            <TextField
              label={t('sites.fields.bufferKm')}
              type="number"
              min={0}
              max={MAX_BUFFER_KM}
              step="0.5"
              value={draft.bufferKm}
              onValueChange={(bufferKm) => set({ bufferKm })}
              hint={t('sites.form.bufferHint')}
              error={errorOf('bufferKm')}
            />
          </div>
          <ProtectionMap
            features={features}
            bufferKm={Number.isFinite(buffer) ? buffer : 0}
            testId="site-form-map"
            label={t('sites.form.mapLabel')}
            onPick={
              draft.locationKind === 'point'
                ? (point) => set({ lat: String(point.lat), lon: String(point.lon) })
                : (point) =>
                    set({
                      polygonText: `${draft.polygonText.trimEnd()}${draft.polygonText.trim() ? '\n' : ''}${point.lat}, ${point.lon}`,
                    })
            }
          />
        </div>
      </fieldset>

      <SharingSection
        legend={t('sites.form.sharing')}
        record={draft}
        onChange={(sharing) => set(sharing)}
        errorOf={errorOf}
        recordId={id}
      />
      <FormActions cancelTo={cancelTo}>
        <SaveButton
          label={id ? t('sites.form.saveChanges') : t('sites.form.create')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </FormActions>
    </form>
  );
}
