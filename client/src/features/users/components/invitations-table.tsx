import { Badge, Button, Table, Text } from '@mantine/core';
import { roleLabels } from '../../../../../shared/roles';
import type { InvitationDto } from '../../../../../shared/schemas/users';
import { Can } from '../../../components/ui/can';
import { useInvitations, useRevokeInvitation } from '../api/users';
import { dayLabel } from '../../../lib/dates';

function state(i: InvitationDto): { label: string; color: string } {
  if (i.acceptedAt) return { label: 'accepted', color: 'green' };
  if (i.revokedAt) return { label: 'withdrawn', color: 'gray' };
  if (new Date(i.expiresAt) < new Date()) return { label: 'expired', color: 'orange' };
  return { label: 'pending', color: 'blue' };
}

export function InvitationsTable() {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  if (invitations.isPending) return <Text c="dimmed">Loading invitations…</Text>;
  if (invitations.isError) return <Text c="red">{invitations.error.message}</Text>;
  if (invitations.data.length === 0) return <Text c="dimmed">No invitations yet.</Text>;
  return (
    <Table aria-label="Invitations">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Email</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Invited by</Table.Th>
          <Table.Th>Expires</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invitations.data.map((i) => {
          const s = state(i);
          return (
            <Table.Tr key={i.id}>
              <Table.Td>{i.email}</Table.Td>
              <Table.Td>{roleLabels[i.role]}</Table.Td>
              <Table.Td>{i.invitedBy ?? '—'}</Table.Td>
              <Table.Td>{dayLabel(i.expiresAt)}</Table.Td>
              <Table.Td>
                <Badge color={s.color}>{s.label}</Badge>
              </Table.Td>
              <Table.Td>
                <Can ability={i.abilities.revoke && s.label === 'pending'}>
                  <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(i.id)}>
                    Withdraw
                  </Button>
                </Can>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
