import { Code, Group, Pagination, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useAuditEvents } from '../api/audit';
import { momentLabel } from '../../../lib/dates';

const PAGE_SIZE = 50;

export function AuditTable() {
  const [page, setPage] = useState(1);
  const events = useAuditEvents(page, PAGE_SIZE);
  if (events.isPending) return <Text c="dimmed">Loading the audit trail…</Text>;
  if (events.isError) return <Text c="red">{events.error.message}</Text>;
  const pages = Math.max(1, Math.ceil(events.data.total / PAGE_SIZE));
  return (
    <>
      <Table striped aria-label="Audit trail">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.data.events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{momentLabel(e.occurredAt)}</Table.Td>
              <Table.Td>{e.actorEmail ?? 'system'}</Table.Td>
              <Table.Td>{e.action}</Table.Td>
              <Table.Td>{e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8) ?? ''}` : '—'}</Table.Td>
              <Table.Td>{e.ip ?? '—'}</Table.Td>
              <Table.Td>
                <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(e.details)}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="center" mt="md">
        <Pagination total={pages} value={page} onChange={setPage} />
      </Group>
    </>
  );
}
