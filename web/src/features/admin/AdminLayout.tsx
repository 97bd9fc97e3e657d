/** The frame of the administration pages: a heading, the section links the user may use. */
import './admin.css';
import { Alert, Button, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Key } from '../../i18n/dict';
import { useI18n } from '../../i18n/context';
import { type AdminSection, Link } from '../../router';
import { ProblemError } from '../auth/apiFetch';
import { problemText } from '../auth/problemMessage';
import { useSession } from '../auth/SessionContext';
import type { AsyncState } from '../common/useAsync';
import { firstAdminSection, sectionPermission } from './adminSections';

export { firstAdminSection, sectionPermission };

const sectionTitle: Record<AdminSection, Key> = {
  users: 'adminUsers',
  departments: 'adminDepartments',
  tenants: 'adminTenants',
  tokens: 'adminTokens',
  audit: 'adminAudit',
};

/** `create`: the section's one creating action, a primary button beside the heading. */
export function AdminLayout(props: {
  section: AdminSection;
  create?: { label: string; onClick: () => void; disabled?: boolean };
  children: ReactNode;
}) {
  const { t } = useI18n();
  const session = useSession();
  const sections = (Object.keys(sectionPermission) as AdminSection[]).filter((s) =>
    session.can(sectionPermission[s]),
  );
  return (
    <div className="sx-admin">
      <nav aria-label={t('adminNav')} className="sx-admin-nav">
        <ul>
          {sections.map((s) => (
            <li key={s}>
              <Link
                href={`/admin/${s}`}
                className={s === props.section ? 'sx-admin-active' : undefined}
                aria-current={s === props.section ? 'page' : undefined}
              >
                {t(sectionTitle[s])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="admin-title" className="sx-admin-body">
        <div className="sx-admin-head">
          <Typography.Title level={1} id="admin-title" className="sx-admin-title">
            {t(sectionTitle[props.section])}
          </Typography.Title>
          {props.create && (
            <Button type="primary" onClick={props.create.onClick} disabled={props.create.disabled}>
              {props.create.label}
            </Button>
          )}
        </div>
        {props.children}
      </section>
    </div>
  );
}

/** A failed load: "not available yet" for a 404 (an API not deployed), else the problem. */
export function LoadError({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useI18n();
  const text =
    error instanceof ProblemError && error.status === 404
      ? t('notAvailable', { detail: problemText(error) })
      : problemText(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('loadFailed')}
      description={text}
      action={retry && <Button onClick={retry}>{t('retry')}</Button>}
    />
  );
}

/**
 * A list of an administration page: its rows in a table while they load and once loaded, or the
 * failure; 50 rows a page unless `pageSize` says otherwise.
 */
export function AdminTable<T extends object>(props: {
  rows: AsyncState<T[]>;
  rowKey: keyof T & string;
  pageSize?: number;
  columns: TableColumnsType<T>;
}) {
  const { rows } = props;
  if (rows.state === 'error') return <LoadError error={rows.error} retry={rows.retry} />;
  return (
    <Table<T>
      rowKey={props.rowKey}
      loading={rows.state === 'loading'}
      dataSource={rows.state === 'done' ? rows.data : []}
      pagination={{ pageSize: props.pageSize ?? 50, hideOnSinglePage: true }}
      columns={props.columns}
    />
  );
}

/** The small Edit button of a row, named for the row it edits. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <Button size="small" onClick={onClick} aria-label={`${t('edit')} ${name}`}>
      {t('edit')}
    </Button>
  );
}
