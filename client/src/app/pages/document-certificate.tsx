import { Alert, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useCertificatesOf } from '../../features/documents/api/certificates';
import { useDocument } from '../../features/documents/api/documents';
import { CertificateForm } from '../../features/documents/components/certificate-form';
import { dayLabel } from '../../lib/dates';

export default function DocumentCertificatePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const doc = useDocument(id);
  const certificates = useCertificatesOf(id);
  if (doc.isPending) return <Text c="dimmed">Loading…</Text>;
  if (doc.isError) return <Alert color="red">{doc.error.message}</Alert>;
  const existing = certificates.data?.[0];
  return (
    <Stack>
      <Title order={2}>Certificate facts: {doc.data.document.title}</Title>
      {existing && (
        <Alert color="blue" title="Already recorded">
          {existing.edition} certificate {existing.certificateNumber} by {existing.certificationBody}, valid until {dayLabel(existing.expiryDate)}. Saving again records a corrected reading.
        </Alert>
      )}
      <CertificateForm documentId={id} onSaved={() => navigate('/documents')} />
    </Stack>
  );
}
