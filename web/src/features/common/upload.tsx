/** What the upload pages share: the file and its preview with a busy/error runner, the file row, the preview tables. */
import { Alert, Button, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { type ReactNode, useState } from 'react';

/** Runs one action at a time: `busy` meanwhile, its failure as `error` (in words). */
function useRun(words: (e: unknown) => string) {
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
function FileInput(props: { label: string; accept: string; onFile: (file: File | null) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input type="file" accept={props.accept} onChange={(e) => props.onFile(e.target.files?.[0] ?? null)} />
    </label>
  );
}

/** An upload's file and its preview: another file drops the preview; one action runs at a time. */
export function useUpload<P>(words: (e: unknown) => string, read: (file: File) => Promise<P>) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const { busy, error, run } = useRun(words);
  const choose = (f: File | null) => {
    setFile(f);
    setPreview(null);
  };
  const askPreview = () =>
    run(async () => {
      if (file) setPreview(await read(file));
    });
  return { file, preview, setPreview, busy, error, run, choose, askPreview };
}

/** The row that picks a file and asks for its preview (the button waits for a file), and a refusal below it. */
export function PickAndPreview<P>(props: {
  upload: ReturnType<typeof useUpload<P>>;
  className: string;
  label: string;
  accept: string;
  previewLabel: string;
  /** Besides dropping the preview, what another file resets. */
  onChoose?: () => void;
}) {
  const { upload } = props;
  return (
    <>
      <div className={props.className}>
        <FileInput
          label={props.label}
          accept={props.accept}
          onFile={(f) => {
            upload.choose(f);
            props.onChoose?.();
          }}
        />
        <Button
          type="primary"
          disabled={!upload.file}
          loading={upload.busy}
          onClick={() => void upload.askPreview()}
        >
          {props.previewLabel}
        </Button>
      </div>
      {upload.error && <Alert type="error" showIcon message={upload.error} style={{ marginBottom: 16 }} />}
    </>
  );
}

/**
 * Commits what the preview showed (by its token: none while a row is bad), then drops the preview;
 * `onCommitted` says what was done.
 */
export function CommitButton<P extends { token: string | null }, R>(props: {
  upload: ReturnType<typeof useUpload<P>>;
  label: string;
  commit: (token: string) => Promise<R>;
  onCommitted: (result: R) => void;
}) {
  const { upload } = props;
  const token = upload.preview?.token;
  return (
    <Space style={{ marginTop: 16 }}>
      <Button
        type="primary"
        disabled={!token}
        loading={upload.busy}
        onClick={() =>
          void upload.run(async () => {
            props.onCommitted(await props.commit(token ?? ''));
            upload.setPreview(null);
          })
        }
      >
        {props.label}
      </Button>
    </Space>
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
