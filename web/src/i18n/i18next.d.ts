import 'i18next';
import type { Catalogue } from './index';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    nsSeparator: false;
    resources: { translation: Catalogue };
  }
}
