/** A programme's milestones as the form edits them: what, due when, and done on which day (empty while to do). */
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field';
import type { ProgrammeDraft } from './programmeDraft';
import { RepeatRows } from './RepeatRows';

export function MilestonesEditor({
  milestones,
  onChange,
  errorOf,
}: {
  milestones: ProgrammeDraft['milestones'];
  onChange: (milestones: ProgrammeDraft['milestones']) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <RepeatRows
      legend={t('coordination.programmes.milestones')}
      rows={milestones}
      onChange={onChange}
      blank={() => ({ title: '', dueDate: '', doneOn: '' })}
      addLabel={t('coordination.programmes.addMilestone')}
      error={errorOf('milestones')}
      className="repeat-row-3"
    >
      {(milestone, setMilestone, i) => (
        <>
          <TextField
            label={t('coordination.fields.title')}
            value={milestone.title}
            onValueChange={(title) => setMilestone({ title })}
            error={errorOf(`milestones.${i}.title`)}
            dir="auto"
          />
          <TextField
            label={t('coordination.fields.dueDate')}
            type="date"
            value={milestone.dueDate}
            onValueChange={(dueDate) => setMilestone({ dueDate })}
            error={errorOf(`milestones.${i}.dueDate`)}
          />
          <TextField
            label={t('coordination.programmes.doneOn')}
            type="date"
            value={milestone.doneOn}
            onValueChange={(doneOn) => setMilestone({ doneOn })}
            error={errorOf(`milestones.${i}.doneOn`)}
            hint={t('coordination.programmes.doneOnHint')}
          />
        </>
      )}
    </RepeatRows>
  );
}
