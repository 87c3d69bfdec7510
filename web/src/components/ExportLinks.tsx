/**
 * Download links for the filtered list as CSV and GeoJSON. The server
 * applies the same read filter as the list and audits every export.
 */
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../api/client';
import { Icon } from './icons';

const FORMATS: readonly ExportFormat[] = ['csv', 'geojson'];

export function ExportLinks({ urlFor }: { urlFor: (format: ExportFormat) => string }) {
  const { t } = useTranslation();
  return (
    <div className="export-links" role="group" aria-label={t('common.exportLabel')}>
      {FORMATS.map((format) => (
        <a key={format} className="button button-secondary" href={urlFor(format)} download>
          <Icon name="download" />
          {t(`common.export.${format}`)}
        </a>
      ))}
    </div>
  );
}
