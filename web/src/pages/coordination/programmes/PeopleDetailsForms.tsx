/** The programme form's parts for training (courses and who takes part) and exchanges (visits and liaison postings). */
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/Field';
import { useDetailLabels, type DetailsProps } from './detailsFormParts';
import { RepeatRows } from './RepeatRows';

export function TrainingForm({
  value,
  onChange,
  errorOf,
  organisations,
}: DetailsProps<'training'>) {
  const { t } = useTranslation();
  const f = useDetailLabels();
  return (
    <RepeatRows
      legend={f('courses')}
      rows={value.courses}
      onChange={(courses) => onChange({ courses })}
      blank={() => ({ title: '', startDate: '', endDate: '', participants: [], completed: '0' })}
      addLabel={t('coordination.programmes.details.addCourse')}
      error={errorOf('details.courses')}
      className="repeat-row-course"
    >
      {(course, set, c) => (
        <div className="course-fields">
          <div className="form-row form-row-4">
            <TextField
              label={f('courseTitle')}
              value={course.title}
              onValueChange={(title) => set({ title })}
              error={errorOf(`details.courses.${c}.title`)}
              dir="auto"
            />
            <TextField
              label={f('startDate')}
              type="date"
              value={course.startDate}
              onValueChange={(startDate) => set({ startDate })}
              error={errorOf(`details.courses.${c}.startDate`)}
            />
            <TextField
              label={f('endDate')}
              type="date"
              value={course.endDate}
              onValueChange={(endDate) => set({ endDate })}
              error={errorOf(`details.courses.${c}.endDate`)}
            />
            <TextField
              label={f('completed')}
              inputMode="numeric"
              value={course.completed}
              onValueChange={(completed) => set({ completed })}
              error={errorOf(`details.courses.${c}.completed`)}
            />
          </div>
          <RepeatRows
            legend={f('participants')}
            rows={course.participants}
            onChange={(participants) => set({ participants })}
            blank={() => ({ orgId: '', count: '' })}
            addLabel={t('coordination.programmes.details.addParticipants')}
            className="repeat-row-2"
          >
            {(p, setP, i) => (
              <>
                <SelectField
                  label={f('organisation')}
                  value={p.orgId}
                  onValueChange={(orgId) => setP({ orgId })}
                  options={organisations}
                  placeholder={t('common.choose')}
                  error={errorOf(`details.courses.${c}.participants.${i}.orgId`)}
                />
                <TextField
                  label={f('count')}
                  inputMode="numeric"
                  value={p.count}
                  onValueChange={(count) => setP({ count })}
                  error={errorOf(`details.courses.${c}.participants.${i}.count`)}
                />
              </>
            )}
          </RepeatRows>
        </div>
      )}
    </RepeatRows>
  );
}

export function ExchangeForm({
  value,
  onChange,
  errorOf,
  organisations,
}: DetailsProps<'exchange'>) {
  const { t } = useTranslation();
  const f = useDetailLabels();
  const org = (label: string, current: string, set: (id: string) => void, path: string) => (
    <SelectField
      label={label}
      value={current}
      onValueChange={set}
      options={organisations}
      placeholder={t('common.choose')}
      error={errorOf(path)}
    />
  );
  return (
    <>
      <RepeatRows
        legend={f('visits')}
        rows={value.visits}
        onChange={(visits) => onChange({ ...value, visits })}
        blank={() => ({ fromOrgId: '', toOrgId: '', startDate: '', endDate: '', purpose: '' })}
        addLabel={t('coordination.programmes.details.addVisit')}
        className="repeat-row-5"
      >
        {(visit, set, i) => (
          <>
            {org(
              f('from'),
              visit.fromOrgId,
              (fromOrgId) => set({ fromOrgId }),
              `details.visits.${i}.fromOrgId`,
            )}
            {org(
              f('to'),
              visit.toOrgId,
              (toOrgId) => set({ toOrgId }),
              `details.visits.${i}.toOrgId`,
            )}
            <TextField
              label={f('startDate')}
              type="date"
              value={visit.startDate}
              onValueChange={(startDate) => set({ startDate })}
              error={errorOf(`details.visits.${i}.startDate`)}
            />
            <TextField
              label={f('endDate')}
              type="date"
              value={visit.endDate}
              onValueChange={(endDate) => set({ endDate })}
              error={errorOf(`details.visits.${i}.endDate`)}
            />
            <TextField
              label={f('purpose')}
              value={visit.purpose}
              onValueChange={(purpose) => set({ purpose })}
              error={errorOf(`details.visits.${i}.purpose`)}
              dir="auto"
            />
          </>
        )}
      </RepeatRows>
      <RepeatRows
        legend={f('postings')}
        rows={value.postings}
        onChange={(postings) => onChange({ ...value, postings })}
        blank={() => ({ orgId: '', hostOrgId: '', startDate: '', endDate: '', role: '' })}
        addLabel={t('coordination.programmes.details.addPosting')}
        className="repeat-row-5"
      >
        {(posting, set, i) => (
          <>
            {org(
              f('postedFrom'),
              posting.orgId,
              (orgId) => set({ orgId }),
              `details.postings.${i}.orgId`,
            )}
            {org(
              f('host'),
              posting.hostOrgId,
              (hostOrgId) => set({ hostOrgId }),
              `details.postings.${i}.hostOrgId`,
            )}
            <TextField
              label={f('startDate')}
              type="date"
              value={posting.startDate}
              onValueChange={(startDate) => set({ startDate })}
              error={errorOf(`details.postings.${i}.startDate`)}
            />
            <TextField
              label={f('endDate')}
              type="date"
              value={posting.endDate}
              onValueChange={(endDate) => set({ endDate })}
              error={errorOf(`details.postings.${i}.endDate`)}
              hint={t('coordination.form.optional')}
            />
            <TextField
              label={f('role')}
              value={posting.role}
              onValueChange={(role) => set({ role })}
              error={errorOf(`details.postings.${i}.role`)}
              dir="auto"
            />
          </>
        )}
      </RepeatRows>
    </>
  );
}
