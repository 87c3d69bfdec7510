/** The "record" card of a coordination detail page: who wrote it, its sharing, when, its id. */
import { useTranslation } from 'react-i18next';
import type { CoordinationSharing } from '../../api/coordination';
import { DetailCard, Fact } from '../../components/Detail';
import { MarkingBadge } from '../../components/MarkingBadge';
import { ReleaseList } from '../../components/sharing/ReleaseList';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { releasesToOrganisations } from '../../lib/tlp';
import type { OrganisationDirectory } from '../../lib/organisationDirectory';
import { orgName } from './labels';

export function RecordCard({
  record,
  directory,
}: {
  record: CoordinationSharing & { id: string };
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <DetailCard headingId="record-heading" title={t('coordination.record.title')}>
      <dl className="facts facts-compact">
        <Fact label={t('coordination.fields.originator')}>
          {orgName(directory, record.createdBy, t)}
        </Fact>
        <Fact label={t('coordination.fields.marking')}>
          <MarkingBadge marking={record.marking} />
        </Fact>
        {/* CLEAR and GREEN reach everyone: a release list means nothing there. */}
        {record.releasableTo &&
        (releasesToOrganisations(record.marking) || record.marking === 'TLP:RED') ? (
          <Fact label={t('coordination.fields.releasableTo')}>
            <ReleaseList ids={record.releasableTo} directory={directory} />
          </Fact>
        ) : null}
        <Fact label={t('coordination.record.created')}>
          {formatDateTime(record.created, locale)}
        </Fact>
        <Fact label={t('coordination.record.modified')}>
          {formatDateTime(record.modified, locale)}
        </Fact>
        <Fact label={t('coordination.record.id')}>
          <span className="code id-value">{record.id}</span>
        </Fact>
      </dl>
    </DetailCard>
  );
}
