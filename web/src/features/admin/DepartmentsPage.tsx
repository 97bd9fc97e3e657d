/** `/admin/departments`: the tenant's departments; create one or rename it. */
import { App, Input } from 'antd';
import { useEffect, useState } from 'react';
import type { DepartmentEntry } from '../../../../src/contracts/accounts';
import { RequiredItem } from '../common/RequiredItem';
import { useI18n } from '../../i18n/context';
import { useReloadable } from '../common/useAsync';
import { AdminDialog, BilingualNameFields, useAdminForm } from './AdminDialog';
import { AdminLayout, AdminTable, EditButton } from './AdminLayout';
import { createDepartment, listDepartments, updateDepartment } from './adminApi';

interface Values {
  code: string;
  name: string;
  name_en?: string;
}

function DepartmentDialog(props: {
  dept: DepartmentEntry | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { dept } = props;
  const { form, clear, dialog } = useAdminForm<Values>('department', async (v) => {
    const name_en = v.name_en?.trim() || null;
    if (dept === 'new') await createDepartment({ code: v.code, name: v.name, name_en: name_en ?? undefined });
    else if (dept) await updateDepartment(dept.code, { name: v.name, name_en });
    void message.success(t(dept === 'new' ? 'created' : 'saved'));
    props.onSaved();
    props.onClose();
  });

  useEffect(() => {
    clear();
    if (dept && dept !== 'new')
      form.setFieldsValue({ code: dept.code, name: dept.name, name_en: dept.name_en ?? '' });
  }, [dept, form]);

  return (
    <AdminDialog
      {...dialog}
      open={dept !== null}
      title={dept === 'new' ? t('createDepartment') : dept ? t('editDepartment', { name: dept.name }) : ''}
      okText={t(dept === 'new' ? 'create' : 'save')}
      onCancel={props.onClose}
    >
      <RequiredItem label={t('code')} name="code">
        <Input autoComplete="off" disabled={dept !== 'new'} />
      </RequiredItem>
      <BilingualNameFields />
    </AdminDialog>
  );
}

export default function DepartmentsPage() {
  const { t } = useI18n();
  const [departments, reload] = useReloadable((signal) => listDepartments(signal), 'departments');
  const [editing, setEditing] = useState<DepartmentEntry | 'new' | null>(null);
  return (
    <AdminLayout
      section="departments"
      create={{ label: t('createDepartment'), onClick: () => setEditing('new') }}
    >
      <AdminTable<DepartmentEntry>
        rows={departments}
        rowKey="code"
        columns={[
          { key: 'code', title: t('code'), dataIndex: 'code' },
          { key: 'name', title: t('nameZh'), dataIndex: 'name' },
          { key: 'name_en', title: t('nameEn'), render: (_, d) => d.name_en ?? t('noValue') },
          {
            key: 'actions',
            title: t('actions'),
            render: (_, d) => <EditButton name={d.name} onClick={() => setEditing(d)} />,
          },
        ]}
      />
      <DepartmentDialog dept={editing} onClose={() => setEditing(null)} onSaved={reload} />
    </AdminLayout>
  );
}
