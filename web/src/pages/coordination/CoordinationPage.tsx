/**
 * The coordination section by path: working groups at /coordination, their
 * meetings, decisions and action items, the action tracker at
 * /coordination/actions and the programme board at /coordination/programmes.
 */
import type { ReactElement } from 'react';
import { usePath } from '../../app/router';
import NotFoundPage from '../NotFoundPage';
import ActionItemFormPage from './ActionItemFormPage';
import ActionItemPage from './ActionItemPage';
import ActionTrackerPage from './ActionTrackerPage';
import DecisionFormPage from './DecisionFormPage';
import MeetingFormPage from './MeetingFormPage';
import MeetingPage from './MeetingPage';
import ProgrammeBoardPage from './programmes/ProgrammeBoardPage';
import ProgrammeFormPage from './programmes/ProgrammeFormPage';
import ProgrammePage from './programmes/ProgrammePage';
import WorkingGroupFormPage from './WorkingGroupFormPage';
import WorkingGroupListPage from './WorkingGroupListPage';
import WorkingGroupPage from './WorkingGroupPage';
import './coordination.css';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `/coordination/<section>/<type>--<uuid>` followed by `rest`; the id is the first group. */
const under = (section: string, type: string, rest = '') =>
  new RegExp(`^/coordination/${section}/(${type}--${UUID})${rest}/?$`);

const PAGES: readonly [RegExp, (id: string) => ReactElement][] = [
  [under('groups', 'working-group'), (id) => <WorkingGroupPage key={id} id={id} />],
  [under('groups', 'working-group', '/edit'), (id) => <WorkingGroupFormPage key={id} id={id} />],
  [
    under('groups', 'working-group', '/meetings/new'),
    (id) => <MeetingFormPage key={`new-${id}`} workingGroupId={id} />,
  ],
  [under('meetings', 'meeting'), (id) => <MeetingPage key={id} id={id} />],
  [under('meetings', 'meeting', '/edit'), (id) => <MeetingFormPage key={id} id={id} />],
  [
    under('meetings', 'meeting', '/decisions/new'),
    (id) => <DecisionFormPage key={`new-${id}`} meetingId={id} />,
  ],
  [under('decisions', 'decision', '/edit'), (id) => <DecisionFormPage key={id} id={id} />],
  [
    under('decisions', 'decision', '/actions/new'),
    (id) => <ActionItemFormPage key={`new-${id}`} decisionId={id} />,
  ],
  [under('actions', 'action-item'), (id) => <ActionItemPage key={id} id={id} />],
  [under('actions', 'action-item', '/edit'), (id) => <ActionItemFormPage key={id} id={id} />],
  [under('programmes', 'programme'), (id) => <ProgrammePage key={id} id={id} />],
  [under('programmes', 'programme', '/edit'), (id) => <ProgrammeFormPage key={id} id={id} />],
];

export default function CoordinationPage() {
  const path = usePath().replace(/\/+$/, '') || '/';
  if (path === '/coordination') return <WorkingGroupListPage />;
  if (path === '/coordination/groups/new') return <WorkingGroupFormPage key="new" />;
  if (path === '/coordination/actions') return <ActionTrackerPage />;
  if (path === '/coordination/programmes') return <ProgrammeBoardPage />;
  if (path === '/coordination/programmes/new') return <ProgrammeFormPage key="new" />;
  for (const [pattern, page] of PAGES) {
    const id = pattern.exec(path)?.[1];
    if (id) return page(id);
  }
  return <NotFoundPage />;
}
