import { Alert, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useDocument } from '../../features/documents/api/documents';
import { useSoasOf } from '../../features/documents/api/soas';
import { SoaReview } from '../../features/documents/components/soa-review';

export default function DocumentSoaPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const doc = useDocument(id);
  const soas = useSoasOf(id);
  if (doc.isPending) return <Text c="dimmed">Loading…</Text>;
  if (doc.isError) return <Alert color="red">{doc.error.message}</Alert>;
  const d = doc.data.document;
  const readable = d.mime.includes('spreadsheetml') || d.mime === 'text/csv' || d.mime === 'text/plain';
  return (
    <Stack>
      <Title order={2}>Statement of Applicability: {d.title}</Title>
      {soas.data && soas.data.length > 0 && (
        <Alert color="blue" title="Already recorded">
          {soas.data.length} reading{soas.data.length > 1 ? 's' : ''} saved; the latest has {soas.data[0]!.summary.applicable} applicable controls. Saving again records a corrected SoA.
        </Alert>
      )}
      {readable ? <SoaReview documentId={id} fileName={d.originalName} onSaved={() => navigate('/documents')} /> : <Alert color="yellow">This SoA is a {d.mime} file: only xlsx and csv SoAs are read automatically.</Alert>}
    </Stack>
  );
}
