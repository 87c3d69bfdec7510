/**
 * The pages of the signed-in application. The navigation is built from this
 * list: a new capability (Intelligence, Incidents, Sites, Movements, Alerts,
 * Coordination) adds one entry here and one page.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../api/types';
import type { Catalogue } from '../i18n';
import type { IconName } from '../components/icons';

export interface AppRoute {
  /** The path prefix the page answers to (`/admin` also answers `/admin/users`). */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Shown in the side navigation under this label; absent for pages reached otherwise. */
  nav?: { label: keyof Catalogue['nav']; icon: IconName };
  /** Only users holding one of these roles see and open the page. */
  roles?: readonly Role[];
}

const ADMIN_ROLES: readonly Role[] = ['org_admin', 'node_admin'];

export const ROUTES: readonly AppRoute[] = [
  {
    path: '/map',
    page: lazy(() => import('../pages/MapPage')),
    nav: { label: 'map', icon: 'map' },
  },
  {
    path: '/ops',
    page: lazy(() => import('../pages/ops/OpsPage')),
    nav: { label: 'ops', icon: 'ops' },
  },
  {
    path: '/alerts',
    page: lazy(() => import('../pages/alerts/AlertsPage')),
    nav: { label: 'alerts', icon: 'siren' },
  },
  {
    path: '/sites',
    page: lazy(() => import('../pages/sites/SitesPage')),
    nav: { label: 'sites', icon: 'site' },
  },
  {
    path: '/movements',
    page: lazy(() => import('../pages/movements/MovementsPage')),
    nav: { label: 'movements', icon: 'movement' },
  },
  {
    path: '/field',
    page: lazy(() => import('../pages/field/FieldPage')),
  },
  {
    path: '/intel',
    page: lazy(() => import('../pages/intel/IntelPage')),
    nav: { label: 'intelligence', icon: 'intel' },
  },
  {
    path: '/incidents',
    page: lazy(() => import('../pages/incidents/IncidentsPage')),
    nav: { label: 'incidents', icon: 'incidents' },
  },
  {
    path: '/coordination',
    page: lazy(() => import('../pages/coordination/CoordinationPage')),
    nav: { label: 'coordination', icon: 'coordination' },
  },
  {
    path: '/sitrep',
    page: lazy(() => import('../pages/sitrep/SitrepPage')),
    nav: { label: 'sitrep', icon: 'report' },
  },
  {
    path: '/admin',
    page: lazy(() => import('../pages/admin/AdminPage')),
    nav: { label: 'administration', icon: 'admin' },
    roles: ADMIN_ROLES,
  },
  {
    path: '/peers',
    page: lazy(() => import('../pages/admin/PeersPage')),
    nav: { label: 'peers', icon: 'globe' },
    roles: ['node_admin'],
  },
  {
    path: '/account/security',
    page: lazy(() => import('../pages/security/SecurityPage')),
  },
];

export const HOME_PATH = '/map';
