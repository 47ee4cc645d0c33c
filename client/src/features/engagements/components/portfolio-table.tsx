import { Anchor, Badge, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useUrlParams } from '../../../lib/url-params';
import { usePortfolio } from '../api/findings';
import { dayLabel, momentLabel } from '../../../lib/dates';

const riskColor: Record<string, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'green' };
const ratingColor: Record<string, string> = { A: 'green', B: 'teal', C: 'orange', D: 'red' };

/** Every engagement with its dashboard row; filter, sort and pages are done by the server. */
export function PortfolioTable() {
  const [params, update] = useUrlParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const portfolio = usePortfolio(params);
  const set = (k: string, v: string | null) =>
    update((next) => {
      if (v) next.set(k, v);
      else next.delete(k);
      if (k !== 'page') next.delete('page');
    });
  useEffect(() => {
    const t = setTimeout(() => (params.get('q') ?? '') !== q && set('q', q || null), 300);
    return () => clearTimeout(t);
  });
  const data = portfolio.data;
  return (
    <Stack>
      <Group align="end">
        <TextInput label="Search" placeholder="Engagement or provider" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select label="Sort by" data={[{ value: 'risk', label: 'Residual risk' }, { value: 'score', label: 'Score' }, { value: 'findings', label: 'Open findings' }, { value: 'certificate_expiry', label: 'Certificate expiry' }, { value: 'next_review', label: 'Next review' }, { value: 'name', label: 'Name' }]} value={params.get('sort') ?? 'risk'} onChange={(v) => set('sort', v)} allowDeselect={false} w={200} />
        <Select label="Rating" clearable data={['A', 'B', 'C', 'D'].map((r) => ({ value: r, label: r })).concat([{ value: 'none', label: 'Not scored' }])} value={params.get('rating')} onChange={(v) => set('rating', v)} w={140} />
        <Select label="Residual risk" clearable data={['critical', 'high', 'medium', 'low']} value={params.get('residualRisk')} onChange={(v) => set('residualRisk', v)} w={160} />
      </Group>
      {portfolio.isError && <Text c="red">{portfolio.error.message}</Text>}
      {data && (
        <>
          <Table striped highlightOnHover aria-label="Portfolio">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Engagement</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Tier</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th>Residual risk</Table.Th>
                <Table.Th>Open findings</Table.Th>
                <Table.Th>Certificate</Table.Th>
                <Table.Th>Next review</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.engagement.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/engagements/${r.engagement.id}`}>
                      {r.engagement.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.provider.name}</Table.Td>
                  <Table.Td>{r.inherentTier}</Table.Td>
                  <Table.Td>
                    {r.rating ? <Badge color={ratingColor[r.rating]}>{r.rating} · {r.score?.toFixed(1)}</Badge> : <Text size="sm" c="dimmed">not scored</Text>}
                    {r.stale && (
                      <Text size="xs" c="orange.8" title={r.computedAt ? `Computed ${momentLabel(r.computedAt)}` : 'Never computed'}>
                        recomputing… (open it for the current figures)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.residualRisk ? <Badge color={riskColor[r.residualRisk]}>{r.residualRisk}</Badge> : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.findings.critical > 0 && <Badge color="red">{r.findings.critical} critical</Badge>}
                      {r.findings.high > 0 && <Badge color="orange">{r.findings.high} high</Badge>}
                      {r.findings.medium > 0 && <Badge color="yellow">{r.findings.medium} medium</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{r.certificate ? `${r.certificate.edition} · ${dayLabel(r.certificate.expiryDate)}` : <Text size="sm" c="red">none shared</Text>}</Table.Td>
                  <Table.Td>{r.nextReview ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {data.total} engagement{data.total === 1 ? '' : 's'}
            </Text>
            <Pagination total={Math.max(1, Math.ceil(data.total / data.pageSize))} value={data.page} onChange={(p) => set('page', String(p))} />
          </Group>
        </>
      )}
    </Stack>
  );
}
