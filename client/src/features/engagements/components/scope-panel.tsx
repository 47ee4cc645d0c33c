import { Badge, Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { EngagementDto } from '../../../../../shared/schemas/engagement';
import { useEngagementCertificates, useFindings } from '../api/findings';

const verdictOf = (code: string) => (code.startsWith('SCOPE_UNCERTAIN') ? { label: 'confirm', color: 'yellow' } : { label: 'not covered', color: 'red' });

/** The contracted sites and services beside the certificate's scope, with every mismatch marked. */
export function ScopePanel({ engagement }: { engagement: EngagementDto }) {
  const certificates = useEngagementCertificates(engagement.id);
  const findings = useFindings(engagement.id);
  const cert = certificates.data?.sort((a, b) => (a.expiryDate < b.expiryDate ? 1 : -1))[0];
  const mark = (kind: 'site' | 'service', value: string) => {
    const f = findings.data?.find((x) => x.code.startsWith('SCOPE_') && (x.facts as Record<string, unknown>)[kind] === value);
    return f ? { ...verdictOf(f.code), explanation: f.explanation } : { label: cert ? 'covered' : '—', color: cert ? 'green' : 'gray', explanation: '' };
  };
  return (
    <Paper withBorder p="md" aria-label="Scope check">
      <Title order={4} mb="sm">
        Scope check: contracted vs certified
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text fw={600} size="sm">
            Contracted ({engagement.contractingEntity})
          </Text>
          <Table aria-label="Contracted sites and services">
            <Table.Tbody>
              {engagement.sites.map((s) => (
                <ScopeRow key={`site-${s.name}`} title={s.name} detail={[s.address, s.city, s.country].filter(Boolean).join(', ')} verdict={mark('site', s.name || s.city)} />
              ))}
              {engagement.services.map((s) => (
                <ScopeRow key={`service-${s}`} title={s} verdict={mark('service', s)} />
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {cert ? (
            <Stack gap={4}>
              <Text fw={600} size="sm">
                Certified: {cert.legalEntity} · ISO/IEC 27001:{cert.edition} · {cert.certificateNumber} ({cert.certificationBody}) · until {cert.expiryDate}
              </Text>
              {cert.sites.map((s, i) => (
                <Text size="sm" key={i}>
                  Site: {[s.name, s.address].filter(Boolean).join(' — ')}
                </Text>
              ))}
              {cert.services.map((s) => (
                <Text size="sm" key={s}>
                  Service: {s}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                Scope: “{cert.scopeText}”
              </Text>
            </Stack>
          ) : (
            <Text c="dimmed">No certificate shared with this engagement.</Text>
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function ScopeRow({ title, detail, verdict }: { title: string; detail?: string; verdict: { label: string; color: string; explanation: string } }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{title}</Text>
        {detail && (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
        {verdict.explanation && (
          <Text size="xs" c={verdict.color}>
            {verdict.explanation}
          </Text>
        )}
      </Table.Td>
      <Table.Td w={130} ta="right">
        <Badge color={verdict.color} styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}>
          {verdict.label}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}
