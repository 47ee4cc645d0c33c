import { Alert, Button, Group, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import { documentKindLabels, documentKinds, type DocumentKind } from '../../../../../shared/schemas/document';
import { ApiError } from '../../../lib/api-client';
import { uploadDocument, useInvalidateDocuments } from '../api/documents';

interface Item {
  id: number;
  name: string;
  size: number;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  message?: string;
}

const kindOptions = documentKinds.map((k) => ({ value: k, label: documentKindLabels[k] }));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Drag-and-drop (or pick) files; each uploads on its own with a progress bar and a clear result. */
export function UploadPanel({ replaces, fixedKind }: { replaces?: { id: string; kind: DocumentKind; title: string }; fixedKind?: DocumentKind }) {
  const [kind, setKind] = useState<DocumentKind>(replaces?.kind ?? fixedKind ?? 'evidence');
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const invalidate = useInvalidateDocuments();
  const counter = useRef(0);

  const update = (id: number, patch: Partial<Item>) => setItems((all) => all.map((i) => (i.id === id ? { ...i, ...patch } : i)));

  const send = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const id = ++counter.current;
      setItems((all) => [...all, { id, name: file.name, size: file.size, progress: 0, state: 'uploading' }]);
      uploadDocument(file, { kind, replaces: replaces?.id }, (p) => update(id, { progress: p }))
        .then(() => {
          update(id, { state: 'done', progress: 1 });
          void invalidate();
        })
        .catch((err: unknown) => update(id, { state: 'failed', message: err instanceof ApiError ? err.message : 'The upload failed' }));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) send(e.dataTransfer.files);
  };

  return (
    <Stack gap="sm">
      <Group align="end">
        {!replaces && !fixedKind && <Select label="Kind of document" data={kindOptions} value={kind} onChange={(v) => v && setKind(v as DocumentKind)} allowDeselect={false} w={260} />}
        {replaces && <Text size="sm">New version of “{replaces.title}”</Text>}
      </Group>
      <Paper
        withBorder
        p="xl"
        role="button"
        tabIndex={0}
        aria-label="Drop files here or choose files to upload"
        onClick={() => input.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{ borderStyle: 'dashed', cursor: 'pointer', background: over ? 'var(--mantine-color-blue-0)' : undefined, textAlign: 'center' }}
      >
        <Text fw={500}>Drop files here, or click to choose</Text>
        <Text size="sm" c="dimmed">
          PDF, PNG, JPEG, DOCX, XLSX, CSV or TXT (UTF-8). The type is checked from the file itself.
        </Text>
        <input ref={input} type="file" multiple={!replaces} hidden aria-label="Files to upload" onChange={(e) => e.target.files && send(e.target.files)} data-testid="upload-input" />
      </Paper>
      {items.map((i) => (
        <Stack key={i.id} gap={4} aria-label={`Upload of ${i.name}`}>
          <Group justify="space-between">
            <Text size="sm">
              {i.name} <Text span c="dimmed">({mb(i.size)})</Text>
            </Text>
            <Text size="sm" c={i.state === 'failed' ? 'red' : i.state === 'done' ? 'green' : 'dimmed'}>
              {i.state === 'uploading' ? `${Math.round(i.progress * 100)} %` : i.state === 'done' ? 'Uploaded' : 'Failed'}
            </Text>
          </Group>
          <Progress value={i.progress * 100} color={i.state === 'failed' ? 'red' : i.state === 'done' ? 'green' : 'blue'} aria-label={`Progress of ${i.name}`} />
          {i.message && (
            <Alert color="red" p="xs">
              {i.message}
            </Alert>
          )}
        </Stack>
      ))}
      {items.some((i) => i.state !== 'uploading') && (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setItems((all) => all.filter((i) => i.state === 'uploading'))}>
            Clear finished
          </Button>
        </Group>
      )}
    </Stack>
  );
}
