import { Alert, Button, Checkbox, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DocumentDto } from '../../../../../shared/schemas/document';
import { useEngagementsToShareWith, useShareDocuments, useUnshareDocument } from '../api/documents';

/** Share one document with the buyers' engagements the provider works on (or stop sharing). */
export function ShareDialog({ document, onClose }: { document: DocumentDto; onClose: () => void }) {
  const engagements = useEngagementsToShareWith();
  const share = useShareDocuments();
  const unshare = useUnshareDocument();
  const sharedIds = new Set((document.sharedWith ?? []).map((s) => s.engagementId));
  const [error, setError] = useState<string | null>(null);

  const toggle = async (engagementId: string, on: boolean) => {
    setError(null);
    try {
      if (on) await share.mutateAsync({ engagementId, documentIds: [document.id] });
      else await unshare.mutateAsync({ engagementId, documentId: document.id });
      notifications.show({ color: 'green', message: on ? 'Shared' : 'No longer shared' });
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Share “${document.title}” (v${document.version})`}>
      <Stack>
        <Text size="sm" c="dimmed">
          A buyer sees a document only once you share it with one of its engagements.
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        {engagements.isPending && <Text c="dimmed">Loading engagements…</Text>}
        {engagements.data?.length === 0 && <Text>No engagement yet: a buyer must create one with your organization first.</Text>}
        {engagements.data?.map((e) => (
          <Checkbox key={e.id} label={`${e.buyer.name} — ${e.name}`} checked={sharedIds.has(e.id)} onChange={(ev) => toggle(e.id, ev.currentTarget.checked)} disabled={share.isPending || unshare.isPending} />
        ))}
        <Button variant="default" onClick={onClose}>
          Done
        </Button>
      </Stack>
    </Modal>
  );
}
