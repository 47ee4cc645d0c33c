import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { rolesFor, roleLabels, type OrganizationKind, type Role } from '../../../../../shared/roles';
import type { UserDto } from '../../../../../shared/schemas/users';
import { Can } from '../../../components/ui/can';
import { useUpdateUser, useUsers } from '../api/users';
import { momentLabel } from '../../../lib/dates';

export function UsersTable({ organizationKind }: { organizationKind: OrganizationKind }) {
  const users = useUsers();
  const update = useUpdateUser();
  const roleOptions = rolesFor(organizationKind).map((r) => ({ value: r, label: roleLabels[r] }));

  const change = async (user: UserDto, patch: { role?: Role; status?: 'active' | 'disabled' }) => {
    try {
      await update.mutateAsync({ id: user.id, ...patch });
      notifications.show({ color: 'green', message: `${user.name} updated` });
    } catch (err) {
      notifications.show({ color: 'red', message: (err as Error).message });
    }
  };

  if (users.isPending) return <Text c="dimmed">Loading users…</Text>;
  if (users.isError) return <Text c="red">{users.error.message}</Text>;
  return (
    <Table striped highlightOnHover aria-label="Users">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Email</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Last sign-in</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.data.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td>{u.name}</Table.Td>
            <Table.Td>{u.email}</Table.Td>
            <Table.Td>
              <Can ability={u.abilities.update} fallback={roleLabels[u.role]}>
                <Select aria-label={`Role of ${u.name}`} data={roleOptions} value={u.role} allowDeselect={false} w={160} onChange={(v) => v && v !== u.role && change(u, { role: v as Role })} />
              </Can>
            </Table.Td>
            <Table.Td>
              <Badge color={u.status === 'active' ? 'green' : 'gray'}>{u.status}</Badge>
            </Table.Td>
            <Table.Td>{u.lastLoginAt ? momentLabel(u.lastLoginAt) : 'never'}</Table.Td>
            <Table.Td>
              <Can ability={u.abilities.update}>
                <Group justify="flex-end">
                  <Button size="xs" variant="light" color={u.status === 'active' ? 'red' : 'green'} onClick={() => change(u, { status: u.status === 'active' ? 'disabled' : 'active' })}>
                    {u.status === 'active' ? 'Disable' : 'Enable'}
                  </Button>
                </Group>
              </Can>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
