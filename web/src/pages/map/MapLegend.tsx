/** What the symbols of the visible layers mean, in the colours the map itself uses. */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, EVENT_TYPE_COLOURS } from '../../lib/acled';
import { TLP_MARKINGS } from '../../lib/tlp';
import {
  CLUSTER_COLOUR,
  GRADING_BAND_CODES,
  GRADING_BANDS,
  GRADING_COLOURS,
  MARKING_COLOURS,
} from './mapColours';
import type { LayerName, ThreatColouring } from './mapState';

function Swatch({ colour, shape }: { colour: string; shape: 'dot' | 'area' | 'cluster' }) {
  return (
    <span
      className={`map-swatch map-swatch-${shape}`}
      style={{ '--swatch-colour': colour } as CSSProperties}
      aria-hidden="true"
    />
  );
}

export function MapLegend({
  layers,
  threatColouring,
}: {
  layers: Record<LayerName, boolean>;
  threatColouring: ThreatColouring;
}) {
  const { t } = useTranslation();
  if (!layers.incidents && !layers.threats) return null;
  return (
    <div className="map-legend" data-testid="map-legend">
      <h3 className="map-panel-subtitle">{t('mapLayers.legend.title')}</h3>
      {layers.incidents ? (
        <ul className="map-legend-list">
          <li>
            <Swatch colour={CLUSTER_COLOUR} shape="cluster" />
            {t('mapLayers.legend.cluster')}
          </li>
          {EVENT_TYPES.map((type) => (
            <li key={type}>
              <Swatch colour={EVENT_TYPE_COLOURS[type]} shape="dot" />
              {t(`acled.eventTypes.${type}`)}
            </li>
          ))}
        </ul>
      ) : null}
      {layers.threats ? (
        <ul className="map-legend-list">
          {threatColouring === 'grading'
            ? GRADING_BANDS.map((band) => (
                <li key={band}>
                  <Swatch colour={GRADING_COLOURS[band]} shape="area" />
                  <span>
                    {t(`mapLayers.legend.grading.${band}`)}{' '}
                    <bdi className="map-legend-codes" dir="ltr">
                      {GRADING_BAND_CODES[band]}
                    </bdi>
                  </span>
                </li>
              ))
            : TLP_MARKINGS.map((marking) => (
                <li key={marking}>
                  <Swatch colour={MARKING_COLOURS[marking]} shape="area" />
                  <span dir="ltr">{marking}</span>
                </li>
              ))}
        </ul>
      ) : null}
    </div>
  );
}
