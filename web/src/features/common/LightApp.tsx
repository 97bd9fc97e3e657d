/**
 * Stands in for antd's <App>: pages keep calling `App.useApp().message.success(…)`, but the toasts
 * are a few lines of our own instead of antd's message, notification and modal machinery, which
 * weighs about 30 KB compressed on every page's first load. Toasts are announced (role=status /
 * alert) and stay readable (dark text on a light background, never colour alone: an icon word).
 */
import type { MessageInstance, ArgsProps, JointContent, MessageType } from 'antd/es/message/interface';
import AppContext from 'antd/es/app/context';
import { isValidElement, type Key, type ReactNode, useContext, useMemo, useState } from 'react';

type Kind = NonNullable<ArgsProps['type']>;
interface Toast {
  key: Key;
  kind: Kind;
  content: ReactNode;
}

const isArgs = (c: JointContent): c is ArgsProps =>
  typeof c === 'object' && c !== null && !isValidElement(c) && 'content' in c;

let counter = 0;

export function LightApp({ top = 72, children }: { top?: number; children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const value = useMemo(() => {
    const close = (key?: Key) =>
      setToasts((list) => (key === undefined ? [] : list.filter((t) => t.key !== key)));
    const open = (args: ArgsProps): MessageType => {
      const key = args.key ?? `t${++counter}`;
      const toast: Toast = { key, kind: args.type ?? 'info', content: args.content };
      setToasts((list) => [...list.filter((t) => t.key !== key), toast].slice(-3));
      const seconds = args.duration ?? 3;
      let done: (v: boolean) => void = () => {};
      const closed = new Promise<boolean>((resolve) => (done = resolve));
      const finish = () => {
        close(key);
        args.onClose?.();
        done(true);
      };
      if (seconds > 0 && args.type !== 'loading') setTimeout(finish, seconds * 1000);
      const handle = (() => finish()) as MessageType;
      handle.then = (onOk, onFail) => closed.then(onOk, onFail);
      return handle;
    };
    const typed =
      (type: Kind) =>
      (content: JointContent, duration?: number | VoidFunction, onClose?: VoidFunction): MessageType =>
        isArgs(content)
          ? open({ ...content, type })
          : open({
              type,
              content,
              duration: typeof duration === 'number' ? duration : undefined,
              onClose: typeof duration === 'function' ? duration : onClose,
            });
    const message: MessageInstance = {
      open,
      destroy: close,
      info: typed('info'),
      success: typed('success'),
      error: typed('error'),
      warning: typed('warning'),
      loading: typed('loading'),
    };
    return { message, notification: {}, modal: {} } as React.ContextType<typeof AppContext>;
  }, []);
  return (
    <AppContext.Provider value={value}>
      {children}
      <div className="sx-toasts" style={{ top }}>
        {toasts.map((t) => (
          <div
            key={t.key}
            className={`sx-toast sx-toast-${t.kind}`}
            role={t.kind === 'error' ? 'alert' : 'status'}
          >
            <span className="sx-toast-mark" aria-hidden="true">
              {t.kind === 'success' ? '✓' : t.kind === 'error' ? '✕' : t.kind === 'warning' ? '!' : 'i'}
            </span>
            {t.content}
          </div>
        ))}
      </div>
    </AppContext.Provider>
  );
}

/** The toasts, without importing antd's App (whose static `useApp` brings modal and notification). */
export function useMessage(): MessageInstance {
  return useContext(AppContext).message;
}
