import { Button, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../../features/auth/api/get-session';
import { EngagementsTable } from '../../features/engagements/components/engagements-table';

export default function EngagementsPage() {
  const { data: user } = useSession();
  if (!user) return null;
  const manages = user.organization.kind === 'buyer' && user.role !== 'legal';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{user.organization.kind === 'buyer' ? 'Engagements' : "Your customers' engagements"}</Title>
        {manages && (
          <Button component={Link} to="/engagements/new">
            New engagement
          </Button>
        )}
      </Group>
      <EngagementsTable />
    </Stack>
  );
}
