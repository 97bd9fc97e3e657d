/**
 * A dialog that asks before a step that cannot be undone: what is about to happen (the title), why
 * or with what note (the body), the button that does it and the one that cancels (取消 / Cancel).
 */
import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context';

export function ConfirmModal(props: {
  open: boolean;
  title: ReactNode;
  okText: ReactNode;
  /** A step that refuses or sends back: its button is red. */
  danger?: boolean;
  busy?: boolean;
  /** The step still lacks what it needs (a reason, a comment). */
  okDisabled?: boolean;
  onCancel: () => void;
  onOk: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { open, title, okText, danger, busy, okDisabled, onCancel, onOk, children } = props;
  return (
    <Modal
      {...{ open, title, okText, onCancel, onOk }}
      cancelText={t('cancel')}
      confirmLoading={busy}
      okButtonProps={{ danger, disabled: okDisabled }}
    >
      {children}
    </Modal>
  );
}
