import { Stack, Title } from '@mantine/core';
import { useSession } from '../../features/auth/api/get-session';
import { ApiTokens } from '../../features/users/components/api-tokens';
import { InvitationsTable } from '../../features/users/components/invitations-table';
import { InviteUserForm } from '../../features/users/components/invite-user-form';
import { UsersTable } from '../../features/users/components/users-table';

export default function UsersPage() {
  const { data: user } = useSession();
  if (!user) return null;
  return (
    <Stack gap="lg">
      <Title order={2}>Users of {user.organization.name}</Title>
      <UsersTable organizationKind={user.organization.kind} />
      <Title order={3}>Invite someone</Title>
      <InviteUserForm organizationKind={user.organization.kind} />
      <Title order={3}>Invitations</Title>
      <InvitationsTable />
      <Title order={3}>API tokens</Title>
      <ApiTokens organizationKind={user.organization.kind} />
    </Stack>
  );
}
