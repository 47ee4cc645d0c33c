import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { roleLabels } from '../../../../shared/roles';
import { reusePromise } from '../../../../shared/schemas/assessment';
import { useSession } from '../../features/auth/api/get-session';

interface Tile {
  to: string;
  title: string;
  text: string;
}

const buyerTiles: Tile[] = [
  { to: '/engagements', title: 'Engagements', text: 'What you outsource, to whom, from which sites, touching which data; the inherent risk tier and why.' },
  { to: '/assessments', title: 'Questionnaires', text: 'Send ISO/IEC 27002:2022 questionnaires, follow progress, review each answer with the provider.' },
  { to: '/documents', title: 'Documents', text: 'Certificates, scope statements and SoAs your providers shared, with the facts read from them.' },
  { to: '/templates', title: 'Templates', text: 'ISO 27002:2022 full, BPO essentials and your own, built in the app or imported from Excel.' },
  { to: '/catalog', title: 'Control catalog', text: 'The 93 controls with their attributes and 2013 predecessors.' },
];

const providerTiles: Tile[] = [
  { to: '/assessments', title: 'Inbox', text: `Questionnaires from your customers. ${reusePromise}` },
  { to: '/documents', title: 'Document library', text: 'Upload your certificate, SoA, policies and evidence once; share them with each engagement.' },
  { to: '/engagements', title: 'Engagements', text: "Your customers' engagements: the services and sites they contracted." },
  { to: '/catalog', title: 'Control catalog', text: 'The 93 ISO/IEC 27002:2022 controls your answers map to.' },
];

export default function HomePage() {
  const { data: user } = useSession();
  if (!user) return null;
  const buyer = user.organization.kind === 'buyer';
  return (
    <Stack>
      <Title order={2}>Welcome, {user.name}</Title>
      <Text c="dimmed">
        {user.organization.name} · {buyer ? 'Buyer' : 'Provider'} organization · you are {roleLabels[user.role]}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {(buyer ? buyerTiles : providerTiles).map((t) => (
          <Card key={t.to + t.title} withBorder>
            <Anchor component={Link} to={t.to} fw={600}>
              {t.title}
            </Anchor>
            <Text size="sm" c="dimmed" mt={4}>
              {t.text}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
