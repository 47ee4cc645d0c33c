import { Paper, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../features/auth/api/get-session';
import { ChangePasswordForm } from '../../features/auth/components/password-forms';

export default function AccountPage() {
  const user = useSession().data;
  return (
    <Stack>
      <Title order={2}>Your account</Title>
      {user && (
        <Text size="sm" c="dimmed">
          {user.name} · {user.email} · {user.organization.name}
        </Text>
      )}
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          Password
        </Title>
        <ChangePasswordForm />
      </Paper>
    </Stack>
  );
}
