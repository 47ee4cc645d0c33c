import { Button, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../../features/auth/api/get-session';
import { useEngagements } from '../../features/engagements/api/engagements';
import { EngagementsTable } from '../../features/engagements/components/engagements-table';

export default function EngagementsPage() {
  const { data: user } = useSession();
  const list = useEngagements();
  if (!user) return null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{user.organization.kind === 'buyer' ? 'Engagements' : "Your customers' engagements"}</Title>
        {list.data?.abilities.create && (
          <Button component={Link} to="/engagements/new">
            New engagement
          </Button>
        )}
      </Group>
      <EngagementsTable />
    </Stack>
  );
}
