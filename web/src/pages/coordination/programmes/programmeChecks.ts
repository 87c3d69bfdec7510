/** The programme draft's problems, by the API's field paths, as programmes.schema would find them. */
import type { Problems } from '../useRecordForm';
import type { ProgrammeDraft } from './programmeDraft';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const positiveWhole = (value: string) => /^\d+$/.test(value.trim()) && Number(value) > 0;
const whole = (value: string) => /^\d+$/.test(value.trim());

export function checkProgrammeDraft(draft: ProgrammeDraft): Problems {
  const problems: Problems = {};
  const need = (path: string, ok: boolean) => {
    if (!ok) problems[path] = 'required';
  };
  const period = (path: string, start: string, end: string) => {
    need(`${path}.startDate`, DAY.test(start));
    if (end && DAY.test(start) && end < start) problems[`${path}.endDate`] = 'order';
  };
  need('decisionId', draft.decisionId !== '');
  need('title', draft.title.trim() !== '');
  need('leadOrgId', draft.leadOrgId !== '');
  need('startDate', DAY.test(draft.startDate));
  if (draft.endDate && draft.endDate < draft.startDate) problems.endDate = 'order';
  draft.milestones.forEach((m, i) => {
    need(`milestones.${i}.title`, m.title.trim() !== '');
    need(`milestones.${i}.dueDate`, DAY.test(m.dueDate));
  });
  const d = draft.details;
  switch (draft.kind) {
    case 'equipment_transfer':
      need('details.receivingUnit', d.equipment_transfer.receivingUnit.trim() !== '');
      if (d.equipment_transfer.items.length === 0) problems['details.items'] = 'chooseOne';
      d.equipment_transfer.items.forEach((item, i) => {
        need(`details.items.${i}.name`, item.name.trim() !== '');
        need(`details.items.${i}.unit`, item.unit.trim() !== '');
        if (!positiveWhole(item.quantity))
          problems[`details.items.${i}.quantity`] = 'positiveWhole';
      });
      break;
    case 'training':
      if (d.training.courses.length === 0) problems['details.courses'] = 'chooseOne';
      d.training.courses.forEach((course, c) => {
        const path = `details.courses.${c}`;
        need(`${path}.title`, course.title.trim() !== '');
        period(path, course.startDate, course.endDate);
        need(
          `${path}.endDate`,
          DAY.test(course.endDate) || problems[`${path}.endDate`] !== undefined,
        );
        let total = 0;
        course.participants.forEach((p, i) => {
          need(`${path}.participants.${i}.orgId`, p.orgId !== '');
          if (positiveWhole(p.count)) total += Number(p.count);
          else problems[`${path}.participants.${i}.count`] = 'positiveWhole';
        });
        if (!whole(course.completed)) problems[`${path}.completed`] = 'wholeNumber';
        else if (Number(course.completed) > total)
          problems[`${path}.completed`] = 'moreThanParticipants';
      });
      break;
    case 'exchange':
      d.exchange.visits.forEach((v, i) => {
        const path = `details.visits.${i}`;
        need(`${path}.fromOrgId`, v.fromOrgId !== '');
        need(`${path}.toOrgId`, v.toOrgId !== '');
        period(path, v.startDate, v.endDate);
        need(`${path}.endDate`, DAY.test(v.endDate) || problems[`${path}.endDate`] !== undefined);
        need(`${path}.purpose`, v.purpose.trim() !== '');
      });
      d.exchange.postings.forEach((p, i) => {
        const path = `details.postings.${i}`;
        need(`${path}.orgId`, p.orgId !== '');
        need(`${path}.hostOrgId`, p.hostOrgId !== '');
        period(path, p.startDate, p.endDate);
        need(`${path}.role`, p.role.trim() !== '');
      });
      break;
    case 'border_cooperation':
      d.border_cooperation.crossings.forEach((crossing, i) =>
        need(`details.crossings.${i}`, crossing.trim() !== ''),
      );
      d.border_cooperation.jointPatrols.forEach((p, i) => {
        need(`details.jointPatrols.${i}.date`, DAY.test(p.date));
        need(`details.jointPatrols.${i}.area`, p.area.trim() !== '');
      });
      d.border_cooperation.procedures.forEach((p, i) =>
        need(`details.procedures.${i}.title`, p.title.trim() !== ''),
      );
      break;
  }
  return problems;
}
