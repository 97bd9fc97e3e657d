/**
 * `/admin/tenants`: the administrator's tenant and those below it as a tree (a city above its
 * districts), and a new tenant below one of them. Who may add where is the server's rule (only
 * below the administrator's own tenant, so a district cannot add its siblings); the page words
 * its refusal through the problem's code.
 */
import { App, Input, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { TenantEntry } from '../../../../src/contracts/city';
import { RequiredItem } from '../common/RequiredItem';
import { useI18n } from '../../i18n/context';
import { useReloadable } from '../common/useAsync';
import { AdminDialog, BilingualNameFields, useAdminForm } from './AdminDialog';
import { AdminLayout, LoadError } from './AdminLayout';
import { createTenant, listTenants } from './adminApi';

interface Values {
  slug: string;
  name: string;
  name_en?: string;
  parent: string;
}

type Row = TenantEntry & { rows?: Row[] };

/** The flat list as a tree: each tenant under its parent; tenants whose parent is not listed are roots. */
export function tenantTree(tenants: readonly TenantEntry[]): Row[] {
  const bySlug = new Map<string, Row>(tenants.map((t) => [t.slug, { ...t }]));
  const roots: Row[] = [];
  for (const row of bySlug.values()) {
    const parent = row.parent === null ? undefined : bySlug.get(row.parent);
    if (parent) (parent.rows ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

function TenantDialog(props: {
  open: boolean;
  tenants: readonly TenantEntry[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { open, tenants } = props;
  const { form, clear, dialog } = useAdminForm<Values>('tenant', async (v) => {
    await createTenant({
      slug: v.slug.trim(),
      name: v.name.trim(),
      name_en: v.name_en?.trim() || undefined,
      parent: v.parent,
    });
    void message.success(t('created'));
    props.onSaved();
    props.onClose();
  });

  useEffect(() => {
    clear();
    // Default parent: the top of what the administrator manages (their own tenant), not the
    // first by id (a district created before its city would come first).
    const own = tenantTree(tenants)[0];
    if (open && own) form.setFieldsValue({ parent: own.slug });
  }, [open, tenants, form]);

  return (
    <AdminDialog
      {...dialog}
      open={open}
      title={t('createTenant')}
      okText={t('create')}
      onCancel={props.onClose}
    >
      <RequiredItem label={t('tenantSlug')} name="slug" extra={t('tenantSlugHelp')}>
        <Input autoComplete="off" lang="en" />
      </RequiredItem>
      <BilingualNameFields />
      <RequiredItem label={t('tenantParent')} name="parent">
        <Select
          options={tenants.map((x) => ({ value: x.slug, label: `${x.name}（${x.slug}）` }))}
          aria-label={t('tenantParent')}
        />
      </RequiredItem>
    </AdminDialog>
  );
}

export default function TenantsPage() {
  const { t, lang } = useI18n();
  const [tenants, reload] = useReloadable((signal) => listTenants(signal), 'tenants');
  const [adding, setAdding] = useState(false);
  const list = tenants.state === 'done' ? tenants.data : [];
  return (
    <AdminLayout
      section="tenants"
      create={{
        label: t('createTenant'),
        onClick: () => setAdding(true),
        disabled: tenants.state !== 'done',
      }}
    >
      {tenants.state === 'error' ? (
        <LoadError error={tenants.error} retry={tenants.retry} />
      ) : (
        <Table<Row>
          // Mounted again once loaded, so that every level opens (expand-all acts on first render).
          key={tenants.state}
          rowKey="slug"
          aria-label={t('tenantTree')}
          loading={tenants.state === 'loading'}
          dataSource={tenantTree(list)}
          childrenColumnName="rows"
          expandable={{ defaultExpandAllRows: true }}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'name',
              title: t('nameZh'),
              render: (_, x) => (lang === 'en' && x.name_en ? x.name_en : x.name),
            },
            { key: 'slug', title: t('tenantSlug'), dataIndex: 'slug' },
            { key: 'children', title: t('tenantChildren'), dataIndex: 'children' },
          ]}
        />
      )}
      <TenantDialog open={adding} tenants={list} onClose={() => setAdding(false)} onSaved={reload} />
    </AdminLayout>
  );
}
