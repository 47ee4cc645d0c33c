import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { riskTierLabels, type RiskTier } from '../../../../../shared/engagements/risk-tier';
import { useEngagements } from '../api/engagements';
import { tierColor } from './risk-panel';

export function EngagementsTable() {
  const list = useEngagements();
  if (list.isPending) return <Text c="dimmed">Loading engagements…</Text>;
  if (list.isError) return <Text c="red">{list.error.message}</Text>;
  const engagements = list.data.engagements;
  if (engagements.length === 0) return <Text c="dimmed">No engagement yet.</Text>;
  return (
    <Table striped highlightOnHover aria-label="Engagements">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Engagement</Table.Th>
          <Table.Th>{engagements[0]!.risk ? 'Provider' : 'Customer'}</Table.Th>
          <Table.Th>Delivery sites</Table.Th>
          {engagements[0]!.risk && <Table.Th>Inherent risk</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {engagements.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>
              <Anchor component={Link} to={`/engagements/${e.id}`}>
                {e.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {e.services.join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td>{e.risk ? e.provider.name : e.buyer.name}</Table.Td>
            <Table.Td>{e.sites.map((s) => `${s.city} (${s.country})`).join(', ')}</Table.Td>
            {e.risk && (
              <Table.Td>
                <Badge color={tierColor[e.risk.tier]}>
                  Tier {e.risk.tier} · {riskTierLabels[e.risk.tier as RiskTier]}
                </Badge>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
