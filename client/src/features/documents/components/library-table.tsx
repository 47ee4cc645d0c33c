import { Anchor, Badge, Button, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { documentKindLabels, type DocumentDto } from '../../../../../shared/schemas/document';
import { Can } from '../../../components/ui/can';
import { useDocuments } from '../api/documents';
import { ShareDialog } from './share-dialog';
import { UploadPanel } from './upload-panel';
import { momentLabel } from '../../../lib/dates';

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** The provider's library (latest versions), or what was shared with a buyer. */
export function LibraryTable() {
  const docs = useDocuments();
  const [sharing, setSharing] = useState<DocumentDto | null>(null);
  const [versioning, setVersioning] = useState<DocumentDto | null>(null);
  if (docs.isPending) return <Text c="dimmed">Loading documents…</Text>;
  if (docs.isError) return <Text c="red">{docs.error.message}</Text>;
  if (docs.data.length === 0) return <Text c="dimmed">No documents yet.</Text>;
  // Where a provider shared its documents is its own business: buyers get no such column.
  const showShares = docs.data.some((d) => d.sharedWith !== null);
  return (
    <>
      {/* Narrow windows scroll the table in its own box, not the page. */}
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover aria-label="Documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>File</Table.Th>
              <Table.Th>Uploaded</Table.Th>
              {showShares && <Table.Th>Shared with</Table.Th>}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {docs.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text fw={500}>{d.title}</Text>
                  {d.sharedWith === null && <Text size="xs" c="dimmed">{d.owner.name}</Text>}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{documentKindLabels[d.kind]}</Badge>
                </Table.Td>
                <Table.Td>v{d.version}</Table.Td>
                <Table.Td>
                  <Anchor href={`/api/documents/${d.id}/content`} download>
                    {d.originalName}
                  </Anchor>
                  <Tooltip label={`SHA-256 ${d.sha256}`}>
                    <Text size="xs" c="dimmed">
                      {size(d.size)} · sha256 {d.sha256.slice(0, 12)}…
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{momentLabel(d.uploadedAt)}</Text>
                  {d.uploadedBy && <Text size="xs" c="dimmed">{d.uploadedBy}</Text>}
                </Table.Td>
                {d.sharedWith && (
                  <Table.Td>{d.sharedWith.length === 0 ? <Text size="sm" c="dimmed">not shared</Text> : d.sharedWith.map((s) => <Text size="sm" key={s.engagementId}>{s.buyerName} — {s.engagementName}</Text>)}</Table.Td>
                )}
                <Table.Td>
                  <Stack gap={4} align="stretch">
                    {d.kind === 'certificate' && d.abilities.newVersion && (
                      <Button size="xs" variant="light" component={Link} to={`/documents/${d.id}/certificate`}>
                        Certificate facts
                      </Button>
                    )}
                    {d.kind === 'soa' && d.abilities.newVersion && (
                      <Button size="xs" variant="light" component={Link} to={`/documents/${d.id}/soa`}>
                        SoA rows
                      </Button>
                    )}
                    <Can ability={d.abilities.share}>
                      <Button size="xs" variant="light" onClick={() => setSharing(d)} aria-label={`Share ${d.title}`}>
                        Share
                      </Button>
                    </Can>
                    <Can ability={d.abilities.newVersion}>
                      <Button size="xs" variant="subtle" onClick={() => setVersioning(d)}>
                        New version
                      </Button>
                    </Can>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {sharing && <ShareDialog document={docs.data.find((x) => x.id === sharing.id) ?? sharing} onClose={() => setSharing(null)} />}
      {versioning && (
        <Modal opened onClose={() => setVersioning(null)} title="Upload a new version" size="lg">
          <UploadPanel replaces={{ id: versioning.id, kind: versioning.kind, title: versioning.title }} />
        </Modal>
      )}
    </>
  );
}
