/**
 * Interface languages: English, Simplified Chinese and Urdu (right-to-left).
 * The chosen language lives in localStorage (so the sign-in page speaks it
 * too) and in the user's profile; applying it also sets `lang` and `dir` on
 * the document so that the whole layout mirrors for Urdu.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types';
import en from './en.json';
import alarmsEn from './features/alarms.en.json';
import alarmsUr from './features/alarms.ur.json';
import alarmsZhHans from './features/alarms.zh-Hans.json';
import alertsEn from './features/alerts.en.json';
import alertsUr from './features/alerts.ur.json';
import alertsZhHans from './features/alerts.zh-Hans.json';
import coordinationEn from './features/coordination.en.json';
import coordinationUr from './features/coordination.ur.json';
import coordinationZhHans from './features/coordination.zh-Hans.json';
import federationEn from './features/federation.en.json';
import federationUr from './features/federation.ur.json';
import federationZhHans from './features/federation.zh-Hans.json';
import fieldIssuesEn from './features/fieldIssues.en.json';
import intelEn from './features/intel.en.json';
import fieldIssuesUr from './features/fieldIssues.ur.json';
import intelUr from './features/intel.ur.json';
import fieldIssuesZhHans from './features/fieldIssues.zh-Hans.json';
import intelZhHans from './features/intel.zh-Hans.json';
import mapLayersEn from './features/mapLayers.en.json';
import mapLayersUr from './features/mapLayers.ur.json';
import mapLayersZhHans from './features/mapLayers.zh-Hans.json';
import notificationsEn from './features/notifications.en.json';
import notificationsUr from './features/notifications.ur.json';
import notificationsZhHans from './features/notifications.zh-Hans.json';
import opsEn from './features/ops.en.json';
import opsUr from './features/ops.ur.json';
import opsZhHans from './features/ops.zh-Hans.json';
import fieldEn from './features/field.en.json';
import fieldUr from './features/field.ur.json';
import fieldZhHans from './features/field.zh-Hans.json';
import movementsEn from './features/movements.en.json';
import movementsUr from './features/movements.ur.json';
import movementsZhHans from './features/movements.zh-Hans.json';
import sitesEn from './features/sites.en.json';
import sitesUr from './features/sites.ur.json';
import sitesZhHans from './features/sites.zh-Hans.json';
import sharingEn from './features/sharing.en.json';
import sharingUr from './features/sharing.ur.json';
import sharingZhHans from './features/sharing.zh-Hans.json';
import sitrepEn from './features/sitrep.en.json';
import sitrepUr from './features/sitrep.ur.json';
import sitrepZhHans from './features/sitrep.zh-Hans.json';
import ur from './ur.json';
import zhHans from './zh-Hans.json';

/**
 * The shell's catalogue plus one file per feature (features/NAME.LOCALE.json,
 * under the key NAME), so that a feature's texts live beside each other and
 * two features never edit the same file.
 */
const english = {
  ...en,
  alarms: alarmsEn,
  alerts: alertsEn,
  ops: opsEn,
  field: fieldEn,
  movements: movementsEn,
  sites: sitesEn,
  coordination: coordinationEn,
  federation: federationEn,
  fieldIssues: fieldIssuesEn,
  intel: intelEn,
  mapLayers: mapLayersEn,
  notifications: notificationsEn,
  sharing: sharingEn,
  sitrep: sitrepEn,
};

export type Catalogue = typeof english;

// Typed against the English catalogue: a key missing from a translation fails the type check.
const catalogues: Record<Locale, Catalogue> = {
  en: english,
  'zh-Hans': {
    ...zhHans,
    alarms: alarmsZhHans,
    alerts: alertsZhHans,
    ops: opsZhHans,
    field: fieldZhHans,
    movements: movementsZhHans,
    sites: sitesZhHans,
    coordination: coordinationZhHans,
    federation: federationZhHans,
    fieldIssues: fieldIssuesZhHans,
    intel: intelZhHans,
    mapLayers: mapLayersZhHans,
    notifications: notificationsZhHans,
    sharing: sharingZhHans,
    sitrep: sitrepZhHans,
  },
  ur: {
    ...ur,
    alarms: alarmsUr,
    alerts: alertsUr,
    ops: opsUr,
    field: fieldUr,
    movements: movementsUr,
    sites: sitesUr,
    coordination: coordinationUr,
    federation: federationUr,
    fieldIssues: fieldIssuesUr,
    intel: intelUr,
    mapLayers: mapLayersUr,
    notifications: notificationsUr,
    sharing: sharingUr,
    sitrep: sitrepUr,
  },
};

const STORAGE_KEY = 'tandem.locale';

/** What each language calls itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-Hans': '中文',
  ur: 'اردو',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ur' ? 'rtl' : 'ltr';
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage can be disabled by policy
  }
}

function browserLocale(): Locale {
  for (const tag of navigator.languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('ur')) return 'ur';
    if (lower === 'zh' || lower.startsWith('zh-hans') || lower === 'zh-cn' || lower === 'zh-sg')
      return 'zh-Hans';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
}

export async function initI18n(): Promise<void> {
  const locale = storedLocale() ?? browserLocale();
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(LOCALES.map((code) => [code, { translation: catalogues[code] }])),
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // React escapes
    nsSeparator: false, // one namespace; keys may contain ':' (token scopes)
    returnNull: false,
  });
  applyToDocument(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'en';
}

/** Switches the interface language and remembers it on this browser. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered on this browser; the profile still holds it
  }
  applyToDocument(locale);
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}
