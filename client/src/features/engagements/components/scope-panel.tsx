import { Alert, Badge, Grid, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { EngagementDto, ScopeJudgementDto } from '../../../../../shared/schemas/engagement';
import { useSession } from '../../auth/api/get-session';
import { CertificateCheck } from '../../documents/components/certificate-check';
import { useEngagementCertificates } from '../api/findings';
import { useEngagementScope } from '../api/scope';
import { EntityNames } from './entity-names';
import { dayLabel } from '../../../lib/dates';

const verdictLabel = { covered: { label: 'covered', color: 'green' }, uncertain: { label: 'confirm', color: 'yellow' }, not_covered: { label: 'not covered', color: 'red' } } as const;

type Judged = ScopeJudgementDto['sites'][number] | ScopeJudgementDto['services'][number];

/**
 * The contracted sites and services beside every certificate shared: each
 * row says which certificate covers it, or why none does (coverage is the
 * union of the valid certificates).
 */
export function ScopePanel({ engagement }: { engagement: EngagementDto }) {
  const certificates = useEngagementCertificates(engagement.id);
  // Directory checks are the buyer's own due diligence.
  const isBuyer = useSession().data?.organization.kind === 'buyer';
  const scope = useEngagementScope(engagement.id, engagement.updatedAt);
  const standing = new Map((scope.data?.certificates ?? []).map((c) => [c.id, c]));
  // A verdict only from a loaded judgement: while it loads the row says so; a row the judgement left out is unknown, never a pass.
  const mark = (row: Judged | undefined) =>
    scope.isPending
      ? { label: 'checking…', color: 'gray', explanation: '' }
      : scope.isError
        ? { label: 'unknown', color: 'yellow', explanation: 'Not judged: the scope check could not be loaded.' }
        : row
          ? { ...verdictLabel[row.verdict], explanation: row.explanation }
          : { label: 'unknown', color: 'yellow', explanation: 'Not judged: please confirm this against the certificate.' };
  const certs = [...(certificates.data ?? [])].sort((a, b) => (a.expiryDate < b.expiryDate ? 1 : -1));
  return (
    <Paper withBorder p="md" aria-label="Scope check">
      <Title order={4} mb="sm">
        Scope check: contracted vs certified
      </Title>
      {scope.isError && (
        <Alert color="red" role="alert" mb="sm">
          The scope check could not be loaded ({scope.error.message}): no site or service is judged covered until it is.
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text fw={600} size="sm">
            Contracted ({engagement.contractingEntity})
          </Text>
          <EntityNames engagement={engagement} />
          <Table aria-label="Contracted sites and services">
            <Table.Tbody>
              {engagement.sites.map((s) => (
                <ScopeRow key={`site-${s.name}`} title={s.name} detail={[s.address, s.city, s.country].filter(Boolean).join(', ')} verdict={mark(scope.data?.sites.find((x) => x.site === (s.name || s.city)))} />
              ))}
              {engagement.services.map((s) => (
                <ScopeRow key={`service-${s}`} title={s} verdict={mark(scope.data?.services.find((x) => x.service === s))} />
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {certificates.isPending ? (
            <Stack gap="xs" aria-busy="true" aria-label="Loading the certificates">
              <Skeleton height={14} width="80%" />
              <Skeleton height={12} width="60%" />
              <Skeleton height={12} width="70%" />
            </Stack>
          ) : certificates.isError ? (
            <Alert color="red" role="alert">
              The certificates could not be loaded ({certificates.error.message}): whether one is shared is not known.
            </Alert>
          ) : certs.length ? (
            <Stack gap="sm">
              {certs.map((cert) => {
                const st = standing.get(cert.id);
                return (
                  <Stack gap={4} key={cert.id} aria-label={`Certificate ${cert.certificateNumber}`}>
                    <Text fw={600} size="sm">
                      Certified: {cert.legalEntity} · ISO/IEC 27001:{cert.edition} · {cert.certificateNumber} ({cert.certificationBody}) · until {dayLabel(cert.expiryDate)}{' '}
                      {st && <Badge color={st.valid ? 'green' : 'red'} variant="light">{st.valid ? 'valid' : 'covers nothing'}</Badge>}
                    </Text>
                    {isBuyer && <CertificateCheck certificateId={cert.id} engagementId={engagement.id} />}
                    {st?.voidReason && (
                      <Text size="xs" c="red">
                        Covers nothing: {st.voidReason}.
                      </Text>
                    )}
                    {cert.sites.map((s, i) => (
                      <Text size="sm" key={i}>
                        Site: {[s.name, s.address, s.city, s.country].filter(Boolean).join(' — ')}
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
                );
              })}
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
