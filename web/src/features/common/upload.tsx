/** What the upload pages share: a busy/error runner, the file input, the preview tables. */
import { Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { type ReactNode, useState } from 'react';

/** Runs one action at a time: `busy` meanwhile, its failure as `error` (in words). */
export function useRun(words: (e: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(words(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** A labelled file input; choosing a file hands it (or null) on. */
export function FileInput(props: { label: string; accept: string; onFile: (file: File | null) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input type="file" accept={props.accept} onChange={(e) => props.onFile(e.target.files?.[0] ?? null)} />
    </label>
  );
}

/** A heading with a count in red (the errors of a preview). */
export function CountHeading({ title, n }: { title: ReactNode; n: number }) {
  return (
    <h2 style={{ fontSize: 18 }}>
      {title} <Tag color="error">{n}</Tag>
    </h2>
  );
}

/** A small table of a preview, twenty rows a page. */
export function PreviewTable<T extends object>(props: Omit<TableProps<T>, 'size' | 'pagination'>) {
  return <Table<T> size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} {...props} />;
}
