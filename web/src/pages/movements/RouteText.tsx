/**
 * "Origin → destination" in either writing direction: each name isolated
 * (a Chinese or Urdu place name does not reorder the line), the arrow
 * mirrored in right-to-left text so that it always points from the origin
 * to the destination, and read out as "to" by screen readers.
 */
import { useTranslation } from 'react-i18next';

export function RouteText({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  return (
    <span className="route-text">
      <bdi>{from}</bdi>{' '}
      <span className="route-arrow" aria-hidden="true">
        →
      </span>
      <span className="visually-hidden">{t('movements.routeTo')}</span> <bdi>{to}</bdi>
    </span>
  );
}
