/** Writes a new threat report (a draft) or corrects one (a new version); only its originator's editors may. */
import { useTranslation } from 'react-i18next';
import { getThreatReport } from '../../api/intel';
import { useSession } from '../../app/session';
import { RecordFormPage } from '../../components/RecordFormPage';
import { currentLocale } from '../../i18n';
import { useEditDraft } from '../../lib/useEditDraft';
import { canWriteIntel, reportActions } from './permissions';
import { draftFromReport, emptyReportDraft } from './reportDraft';
import { ReportForm } from './ReportForm';

export default function ReportFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const editing = id !== undefined;
  const loaded = useEditDraft(id, {
    load: getThreatReport,
    mayEdit: (editor, report) => reportActions(editor, report).edit,
    toDraft: draftFromReport,
    blank: () => emptyReportDraft(currentLocale()),
  });
  const back = id ? `/intel/${id}` : '/intel';

  return (
    <RecordFormPage
      className="page page-report-form"
      title={editing ? t('intel.form.editTitle') : t('intel.form.newTitle')}
      description={editing ? t('intel.form.editDescription') : t('intel.form.newDescription')}
      back={{ to: back, label: id ? t('intel.backToReport') : t('intel.backToList') }}
      mayWrite={canWriteIntel(user)}
      notAllowed={t('intel.form.notAllowed')}
      loaded={loaded}
    >
      {({ draft, stored }) => (
        <ReportForm initial={draft} id={id} status={stored?.status ?? null} cancelTo={back} />
      )}
    </RecordFormPage>
  );
}
