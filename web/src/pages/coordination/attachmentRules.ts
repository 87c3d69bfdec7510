/**
 * What the attachment form checks before sending, by the same rules the
 * server applies (it checks again, on the bytes): one of the allowed types,
 * by media type or name, and no larger than the limit.
 */
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../../api/coordination';
import type { Locale } from '../../api/types';

export type Refusal = 'none' | 'empty' | 'tooLarge' | 'type';

export function refusalOf(file: { name: string; type: string; size: number }): Refusal | undefined {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'tooLarge';
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const allowed = ATTACHMENT_TYPES.some(
    (type) =>
      (type.extensions as readonly string[]).includes(extension) &&
      (file.type === '' || file.type === type.mediaType),
  );
  return allowed ? undefined : 'type';
}

export function typeLabelOf(mediaType: string): string {
  return ATTACHMENT_TYPES.find((type) => type.mediaType === mediaType)?.label ?? mediaType;
}

/** A size as people read it, in kB or MB (a few bytes read 0.1 kB), in the interface language. */
export function formatBytes(bytes: number, locale: Locale): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(Math.max(bytes / (megabytes ? 1024 * 1024 : 1024), 0.1));
}
