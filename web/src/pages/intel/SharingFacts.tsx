/** The first facts of an intelligence record's "record" card: who wrote it, its marking, and whom it is released to. */
import { useTranslation } from 'react-i18next';
import { Fact } from '../../components/Detail';
import { MarkingBadge } from '../../components/MarkingBadge';
import { ReleaseList } from '../../components/sharing/ReleaseList';
import type { OrganisationDirectory } from '../../lib/organisationDirectory';

export function SharingFacts({
  record,
  directory,
}: {
  record: { createdBy: string; marking: string; releasableTo?: string[] | undefined };
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Fact label={t('intel.fields.organisation')}>
        {directory.nameOf(record.createdBy) ?? t('intel.unknownOrganisation')}
      </Fact>
      <Fact label={t('intel.fields.marking')}>
        <MarkingBadge marking={record.marking} />
      </Fact>
      {record.releasableTo ? (
        <Fact label={t('intel.fields.releasableTo')}>
          <ReleaseList ids={record.releasableTo} directory={directory} />
        </Fact>
      ) : null}
    </>
  );
}
