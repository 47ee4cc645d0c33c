import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { describeApiError } from '../../lib/error-wording';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useScoringTables, useSaveWeights } from '../../features/scoring/api/scoring';

export default function ScoringPage() {
  const tables = useScoringTables();
  const save = useSaveWeights();
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [adding, setAdding] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setWeights(tables.data?.weights ?? {}), [tables.data]);
  if (!tables.data) return <Text c="dimmed">Loading…</Text>;
  const t = tables.data;
  const title = (id: string) => t.controls.find((c) => c.id === id)?.title ?? id;
  return (
    <Stack>
      <Title order={2}>How scores are computed</Title>
      <Text c="dimmed">Every score can be recomputed by hand from these tables and the breakdown of each assessment.</Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Title order={4}>Engagement multipliers</Title>
          <Table aria-label="Multipliers">
            <Table.Tbody>
              {t.multipliers.map((m) => (
                <Table.Tr key={m.reason}>
                  <Table.Td>{m.reason}</Table.Td>
                  <Table.Td>{m.controlIds.join(', ')}</Table.Td>
                  <Table.Td>× {m.factor}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4}>Controls an engagement requires</Title>
          <Table aria-label="Required controls">
            <Table.Tbody>
              {t.requiredControls.map((r) => (
                <Table.Tr key={r.when}>
                  <Table.Td>{r.when}</Table.Td>
                  <Table.Td>{r.controlIds.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4}>Rating and residual risk</Title>
          <Text size="sm">{t.ratingThresholds.map((r) => (r.min === null ? `${r.rating} below` : `${r.rating} ≥ ${r.min}`)).join(' · ')}; an open critical finding caps at C, an open high finding at B.</Text>
          <Table aria-label="Residual risk">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tier</Table.Th>
                {['A', 'B', 'C', 'D'].map((r) => (
                  <Table.Th key={r}>{r}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.entries(t.residualRisk).map(([tier, row]) => (
                <Table.Tr key={tier}>
                  <Table.Td>{tier}</Table.Td>
                  {['A', 'B', 'C', 'D'].map((r) => (
                    <Table.Td key={r}>{row[r]}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4}>Your scoring profile</Title>
          <Text size="sm" c="dimmed">Controls weigh 1 unless set here (0 takes a control out of the score, at most 10).</Text>
          {t.abilities.editWeights ? (
            <>
              {error && <Alert color="red">{error}</Alert>}
              {Object.entries(weights).map(([id, w]) => (
                <Group key={id} wrap="nowrap">
                  <Text size="sm" style={{ flex: 1 }}>
                    {id} {title(id)}
                  </Text>
                  <NumberInput aria-label={`Weight of ${id}`} w={100} min={0} max={10} step={0.5} value={w} onChange={(v) => setWeights((all) => ({ ...all, [id]: typeof v === 'number' ? v : 0 }))} />
                  <Button size="xs" variant="subtle" color="red" onClick={() => setWeights(({ [id]: _gone, ...rest }) => rest)}>
                    Remove
                  </Button>
                </Group>
              ))}
              <Group align="end" mt="sm">
                <Select label="Add a control" searchable data={t.controls.filter((c) => !(c.id in weights)).map((c) => ({ value: c.id, label: `${c.id} ${c.title}` }))} value={adding} onChange={setAdding} w={320} />
                <Button variant="default" disabled={!adding} onClick={() => adding && (setWeights((all) => ({ ...all, [adding]: 2 })), setAdding(null))}>
                  Add
                </Button>
              </Group>
              <Button
                mt="sm"
                loading={save.isPending}
                onClick={async () => {
                  setError(null);
                  try {
                    await save.mutateAsync(weights);
                    notifications.show({ color: 'green', message: 'Scoring profile saved: engagements rescored' });
                  } catch (err) {
                    setError(describeApiError(err, { weights: 'The weight of control' }));
                  }
                }}
              >
                Save profile
              </Button>
            </>
          ) : Object.keys(t.weights).length === 0 ? (
            <Text size="sm">Every control weighs 1.</Text>
          ) : (
            <Table aria-label="Control weights">
              <Table.Tbody>
                {Object.entries(t.weights).map(([id, w]) => (
                  <Table.Tr key={id}>
                    <Table.Td>
                      {id} {title(id)}
                    </Table.Td>
                    <Table.Td>{w}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
