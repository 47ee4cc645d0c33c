import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { dataCategoryLabels, type DataCategory } from '../../../../shared/schemas/engagement-profile';
import { useEngagement } from '../../features/engagements/api/engagements';
import { EngagementAssessments } from '../../features/engagements/components/engagement-assessments';
import { RiskPanel } from '../../features/engagements/components/risk-panel';
import { FindingsPanel } from '../../features/engagements/components/findings-panel';
import { ScopePanel } from '../../features/engagements/components/scope-panel';
import { ScorePanel } from '../../features/engagements/components/score-panel';
import { SchedulePanel } from '../../features/engagements/components/schedule-panel';

export default function EngagementPage() {
  const { id = '' } = useParams();
  const engagement = useEngagement(id);
  if (engagement.isPending) return <Text c="dimmed">Loading…</Text>;
  if (engagement.isError) return <Alert color="red">{engagement.error.message}</Alert>;
  const e = engagement.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{e.name}</Title>
        <Text c="dimmed">
          {e.buyer.name} ↔ {e.provider.name} · contract with {e.contractingEntity}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={4}>The work</Title>
            {e.description && <Text size="sm">{e.description}</Text>}
            <Text fw={500} size="sm">Services</Text>
            {e.services.map((s) => (
              <Text size="sm" key={s}>
                {s}
              </Text>
            ))}
            <Text fw={500} size="sm">Delivery sites</Text>
            <Table aria-label="Delivery sites">
              <Table.Tbody>
                {e.sites.map((s) => (
                  <Table.Tr key={`${s.name}${s.city}`}>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>{s.address}</Table.Td>
                    <Table.Td>
                      {s.city} ({s.country})
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group gap="xs">
              {e.dataCategories.map((c) => (
                <Badge key={c} variant="light">
                  {dataCategoryLabels[c as DataCategory]}
                </Badge>
              ))}
              {e.usesCloud && <Badge variant="outline">Cloud</Badge>}
              {e.remoteWork && <Badge variant="outline">Remote work</Badge>}
              {e.developsSoftware && <Badge variant="outline">Software development</Badge>}
            </Group>
            {e.subcontractors.length > 0 && <Text size="sm">Sub-contractors: {e.subcontractors.join(', ')}</Text>}
          </Stack>
        </Paper>
        {e.risk && <RiskPanel engagement={e} />}
      </SimpleGrid>
      {e.risk && <ScorePanel engagementId={e.id} />}
      <ScopePanel engagement={e} />
      <FindingsPanel engagementId={e.id} />
      <EngagementAssessments engagementId={e.id} canCreate={e.abilities.createAssessment} />
      {e.abilities.createSchedule && <SchedulePanel engagementId={e.id} />}
    </Stack>
  );
}
