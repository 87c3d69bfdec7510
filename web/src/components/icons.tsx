/** A small set of line icons drawn inline (no icon font, no network). */
import type { SVGProps } from 'react';

const PATHS = {
  incidents: 'M5 21V4m0 0h12.5l-2.5 4.2 2.5 4.3H5',
  intel:
    'M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21H11m3-18 5 5m-5-5v5h5v3M8.5 12h4m-4 3.5h2m9 5.5-1.8-1.8m.3-2.7a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0Z',
  map: 'M9 4 3 6.5v13L9 17l6 2.5 6-2.5v-13L15 6.5 9 4Zm0 0v13m6-10.5v13',
  admin:
    'M12 3 4.5 6v5.5c0 4.6 3.1 8.3 7.5 9.5 4.4-1.2 7.5-4.9 7.5-9.5V6L12 3Zm0 6.2a2.3 2.3 0 1 1 0 4.6 2.3 2.3 0 0 1 0-4.6Zm-3.8 8c.6-1.6 2.1-2.6 3.8-2.6s3.2 1 3.8 2.6',
  key: 'M14.5 4a5.5 5.5 0 0 0-5.2 7.3L3 17.6V21h3.4v-2.2h2.2v-2.2h2.2l1.9-1.9A5.5 5.5 0 1 0 14.5 4Zm1.8 3.2a1.2 1.2 0 1 1 0 2.4 1.2 1.2 0 0 1 0-2.4Z',
  logout: 'M15 4h3.5A1.5 1.5 0 0 1 20 5.5v13a1.5 1.5 0 0 1-1.5 1.5H15M10 8l-4 4 4 4m-4-4h10',
  chevronDown: 'm6 9 6 6 6-6',
  globe:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-9 9h18M12 3c2.5 2.4 3.8 5.6 3.8 9s-1.3 6.6-3.8 9c-2.5-2.4-3.8-5.6-3.8-9S9.5 5.4 12 3Z',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm4.7 11.2L20 20',
  plus: 'M12 5v14M5 12h14',
  copy: 'M9 9h10v11H9zM5 15V4h10',
  check: 'm5 12.5 4.5 4.5L19 7.5',
  alert: 'M12 4 2.8 19.5h18.4L12 4Zm0 6v4.5m0 2.6v.1',
  close: 'M6 6l12 12M18 6 6 18',
  download: 'M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19.5h14',
  coordination:
    'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM2.5 19.5c.5-3 2.8-5 5.5-5s5 2 5.5 5m-1.8-4.2c1-.5 2.1-.8 3.3-.8 2.7 0 5 2 5.5 5',
  bell: 'M6 16.5V11a6 6 0 1 1 12 0v5.5l1.5 2H4.5l1.5-2Zm4 2.5a2 2 0 0 0 4 0',
  site: 'M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11Zm0-13.5v5m-2.5-2.5h5',
  movement:
    'M3 16.5V8.5h10v8m0-5.5h4.5l3 3v2.5H13M6.5 19a1.8 1.8 0 1 0 0-3.6 1.8 1.8 0 0 0 0 3.6Zm10 0a1.8 1.8 0 1 0 0-3.6 1.8 1.8 0 0 0 0 3.6Z',
  ops: 'M3.5 5h17v11h-17zM9 20h6m-3-4v4M6.5 12.5l3-3.5 3 2.5 4.5-4.5',
  siren: 'M7 17v-5a5 5 0 0 1 10 0v5M5 17h14v3H5zM12 3v2m7.1.9-1.4 1.4M4.9 5.9l1.4 1.4',
  report:
    'M7 3h7.5L19 7.5V20a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Zm7 0v5h5M9 17v-3m3 3v-5m3 5v-2',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, ...rest }: { name: IconName } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className="icon"
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The product mark: two interlocking rings, one per partner. */
export function Logo() {
  return (
    <svg
      viewBox="0 0 32 32"
      width="26"
      height="26"
      aria-hidden="true"
      focusable="false"
      className="logo"
    >
      <circle cx="12.5" cy="16" r="7" fill="none" stroke="#8fb8e8" strokeWidth="2.6" />
      <circle cx="19.5" cy="16" r="7" fill="none" stroke="#ffffff" strokeWidth="2.6" />
    </svg>
  );
}
