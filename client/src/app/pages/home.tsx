import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { roleLabels } from '../../../../shared/roles';
import { useSession } from '../../features/auth/api/get-session';

export default function HomePage() {
  const { data: user } = useSession();
  if (!user) return null;
  const buyer = user.organization.kind === 'buyer';
  return (
    <>
      <Title order={2} mb="md">
        Welcome, {user.name}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600}>{user.organization.name}</Text>
          <Text c="dimmed" size="sm">
            {buyer ? 'Buyer organization' : 'Provider organization'} · you are {roleLabels[user.role]}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm">
            {buyer
              ? 'Assess your providers: engagements, questionnaires mapped to ISO/IEC 27002:2022, certificate scope and SoA checks.'
              : 'Answer your customers’ questionnaires once, share your certificate, scope statement and SoA, and respond to findings.'}
          </Text>
        </Card>
      </SimpleGrid>
    </>
  );
}
