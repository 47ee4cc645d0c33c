import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { describeApiError } from '../../../lib/error-wording';
import { useState } from 'react';
import { riskTierLabels, type RiskTier } from '../../../../../shared/engagements/risk-tier';
import type { EngagementDto } from '../../../../../shared/schemas/engagement';
import { useUpdateEngagement } from '../api/engagements';

export const tierColor: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'green' };

/** The inherent risk tier, the reasons that add up to it, and the audited override. */
export function RiskPanel({ engagement }: { engagement: EngagementDto }) {
  const risk = engagement.risk!;
  const update = useUpdateEngagement(engagement.id);
  const [tier, setTier] = useState<string>(String(risk.override?.tier ?? risk.computedTier));
  const [reason, setReason] = useState(risk.override?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (override: { tier: RiskTier; reason: string } | null) => {
    setError(null);
    try {
      await update.mutateAsync({ riskOverride: override });
    } catch (err) {
      setError(describeApiError(err, { 'riskOverride.reason': 'The reason', 'riskOverride.tier': { choose: 'Choose a risk tier' } }));
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group>
          <Title order={4}>Inherent risk</Title>
          <Badge color={tierColor[risk.tier]} size="lg" aria-label="Risk tier">
            Tier {risk.tier} · {riskTierLabels[risk.tier as RiskTier]}
          </Badge>
          {risk.override && <Badge variant="outline">overridden (computed: tier {risk.computedTier})</Badge>}
        </Group>
        <Table aria-label="Why this tier">
          <Table.Tbody>
            {risk.reasons.map((r) => (
              <Table.Tr key={r.factor}>
                <Table.Td>{r.factor}</Table.Td>
                <Table.Td ta="right">{r.points > 0 ? `+${r.points}` : ''}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={600}>Points (≥ 6 critical, ≥ 4 high, ≥ 2 medium)</Table.Td>
              <Table.Td ta="right" fw={600}>
                {risk.points}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {risk.override && <Text size="sm">Override reason: {risk.override.reason}</Text>}
        {engagement.abilities.overrideRisk && (
          <Stack gap="xs">
            {error && <Alert color="red">{error}</Alert>}
            <Group align="end">
              <Select label="Override the tier" data={[1, 2, 3, 4].map((t) => ({ value: String(t), label: `Tier ${t} · ${riskTierLabels[t as RiskTier]}` }))} value={tier} onChange={(v) => v && setTier(v)} allowDeselect={false} w={200} />
              <Textarea label="Reason (audited)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize style={{ flex: 1 }} />
            </Group>
            <Group>
              <Button size="xs" onClick={() => save({ tier: Number(tier) as RiskTier, reason })} loading={update.isPending}>
                Save override
              </Button>
              {risk.override && (
                <Button size="xs" variant="subtle" onClick={() => save(null)}>
                  Back to the computed tier
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
