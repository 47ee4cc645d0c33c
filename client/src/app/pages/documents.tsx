import { Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../features/auth/api/get-session';
import { LibraryTable } from '../../features/documents/components/library-table';
import { UploadPanel } from '../../features/documents/components/upload-panel';

export default function DocumentsPage() {
  const { data: user } = useSession();
  if (!user) return null;
  const provider = user.organization.kind === 'provider';
  return (
    <Stack gap="lg">
      <Title order={2}>{provider ? 'Document library' : 'Documents shared with you'}</Title>
      {provider ? (
        <>
          <Text c="dimmed">Upload your certificate, scope statement, SoA, policies and evidence once; share them with each customer's engagement.</Text>
          <UploadPanel />
        </>
      ) : (
        <Text c="dimmed">What your providers shared with your engagements or attached as evidence to submitted answers.</Text>
      )}
      <LibraryTable />
    </Stack>
  );
}
