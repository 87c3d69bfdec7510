/** What the kind-specific parts of the programme form share: their props and their field names. */
import { useTranslation } from 'react-i18next';
import type { ProgrammeKind } from '../../../api/programmes';
import type { DetailsDrafts } from './programmeDraft';
import type { DetailText } from './ProgrammeDetailsView';

export interface DetailsProps<K extends ProgrammeKind> {
  value: DetailsDrafts[K];
  onChange: (value: DetailsDrafts[K]) => void;
  errorOf: (path: string) => string | undefined;
  organisations: readonly { value: string; label: string }[];
}

/** A detail field's name in the interface language. */
export function useDetailLabels() {
  const { t } = useTranslation();
  return (key: DetailText) => t(`coordination.programmes.details.${key}`);
}
