/** `/admin/…`: login and permission guard, then the section's page (each its own chunk). */
import { lazy } from 'react';
import type { AdminSection } from '../../router';
import { RequireLogin } from '../auth/RequireLogin';
import { sectionPermission } from './AdminLayout';

const pages = {
  users: lazy(() => import('./UsersPage')),
  departments: lazy(() => import('./DepartmentsPage')),
  tenants: lazy(() => import('./TenantsPage')),
  tokens: lazy(() => import('./TokensPage')),
  audit: lazy(() => import('./AuditPage')),
};

export default function AdminPage({ section }: { section: AdminSection }) {
  const Section = pages[section];
  return (
    <RequireLogin permission={sectionPermission[section]}>
      <Section />
    </RequireLogin>
  );
}
