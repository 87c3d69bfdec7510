/** What a programme of each kind consists of: equipment and the receiving unit, courses, visits and postings, or crossings, patrols and procedures. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetails } from '../../../api/programmes';
import { currentLocale, type Catalogue } from '../../../i18n';
import { formatCount } from '../../../lib/format';
import type { OrganisationDirectory } from '../../../lib/organisationDirectory';
import { Day, orgName } from '../labels';

function Table({
  caption,
  head,
  children,
}: {
  caption: string;
  head: string[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-dense">
        <caption className="programme-table-caption">{caption}</caption>
        <thead>
          <tr>
            {head.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function ProgrammeDetailsView({
  details,
  directory,
}: {
  details: ProgrammeDetails;
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const org = (id: string) => orgName(directory, id, t);
  const none = <p className="cell-muted">{t('coordination.programmes.details.none')}</p>;
  const f = (key: DetailText) => t(`coordination.programmes.details.${key}`);
  switch (details.kind) {
    case 'equipment_transfer':
      return (
        <>
          <p>
            <span className="change-label">{f('receivingUnit')}</span>{' '}
            <span dir="auto">{details.receivingUnit}</span>
          </p>
          <Table caption={f('items')} head={[f('itemName'), f('quantity'), f('unit')]}>
            {details.items.map((item, i) => (
              <tr key={i}>
                <td dir="auto">{item.name}</td>
                <td className="cell-number">{formatCount(item.quantity, locale)}</td>
                <td dir="auto">{item.unit}</td>
              </tr>
            ))}
          </Table>
        </>
      );
    case 'training':
      return (
        <Table
          caption={f('courses')}
          head={[f('courseTitle'), f('dates'), f('participants'), f('completed')]}
        >
          {details.courses.map((course, i) => {
            const total = course.participants.reduce((sum, p) => sum + p.count, 0);
            return (
              <tr key={i}>
                <td dir="auto">{course.title}</td>
                <td>
                  <Day date={course.startDate} /> – <Day date={course.endDate} />
                </td>
                <td>
                  <ul className="inline-list">
                    {course.participants.map((p) => (
                      <li key={p.orgId}>
                        {org(p.orgId)}: {formatCount(p.count, locale)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {t('coordination.programmes.details.completedOf', {
                    done: course.completed,
                    total,
                  })}
                </td>
              </tr>
            );
          })}
        </Table>
      );
    case 'exchange':
      return (
        <>
          {details.visits.length > 0 ? (
            <Table caption={f('visits')} head={[f('from'), f('to'), f('dates'), f('purpose')]}>
              {details.visits.map((visit, i) => (
                <tr key={i}>
                  <td>{org(visit.fromOrgId)}</td>
                  <td>{org(visit.toOrgId)}</td>
                  <td>
                    <Day date={visit.startDate} /> – <Day date={visit.endDate} />
                  </td>
                  <td dir="auto">{visit.purpose}</td>
                </tr>
              ))}
            </Table>
          ) : null}
          {details.postings.length > 0 ? (
            <Table
              caption={f('postings')}
              head={[f('postedFrom'), f('host'), f('dates'), f('role')]}
            >
              {details.postings.map((posting, i) => (
                <tr key={i}>
                  <td>{org(posting.orgId)}</td>
                  <td>{org(posting.hostOrgId)}</td>
                  <td>
                    <Day date={posting.startDate} /> – <Day date={posting.endDate ?? null} />
                  </td>
                  <td dir="auto">{posting.role}</td>
                </tr>
              ))}
            </Table>
          ) : null}
          {details.visits.length + details.postings.length === 0 ? none : null}
        </>
      );
    case 'border_cooperation':
      return (
        <>
          <p>
            <span className="change-label">{f('crossings')}</span>{' '}
            {details.crossings.length > 0 ? details.crossings.join(', ') : '—'}
          </p>
          {details.jointPatrols.length > 0 ? (
            <Table caption={f('jointPatrols')} head={[f('date'), f('area')]}>
              {details.jointPatrols.map((patrol, i) => (
                <tr key={i}>
                  <td>
                    <Day date={patrol.date} />
                  </td>
                  <td dir="auto">{patrol.area}</td>
                </tr>
              ))}
            </Table>
          ) : null}
          {details.procedures.length > 0 ? (
            <Table caption={f('procedures')} head={[f('procedure'), f('agreedOn')]}>
              {details.procedures.map((procedure, i) => (
                <tr key={i}>
                  <td dir="auto">{procedure.title}</td>
                  <td>
                    {procedure.agreedOn ? (
                      <Day date={procedure.agreedOn} />
                    ) : (
                      t('coordination.programmes.details.notYetAgreed')
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          ) : null}
        </>
      );
  }
}

/** A key of the details' own texts (field names), shared by the view and the form. */
export type DetailText = keyof Catalogue['coordination']['programmes']['details'];
