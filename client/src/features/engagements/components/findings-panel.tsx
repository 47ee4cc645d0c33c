import { Alert, Badge, Button, Group, Modal, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { severities } from '../../../../../shared/findings/codes';
import { isOpenFinding, type FindingAction, type FindingDto } from '../../../../../shared/schemas/finding';
import { ApiError } from '../../../lib/api-client';
import { useEngagementAssessments } from '../api/engagements';
import { useFindingAction, useFindings } from '../api/findings';
import { describeBasis, emptyVerdict, pendingQuestionnaire, type BasisLine } from '../findings-basis';
import { FindingActionForm, type FindingFormKind } from './finding-action-form';
import { dayLabel } from '../../../lib/dates';

export const severityColor: Record<string, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'blue', info: 'gray' };
const statusLabel: Record<string, string> = { open: 'Open', remediation_planned: 'Remediation planned', resolved: 'Resolved', risk_accepted: 'Risk accepted', dismissed: 'Dismissed' };

type Form = { kind: FindingFormKind; finding: FindingDto } | null;

const stateOptions = [
  { value: 'all', label: 'All states' },
  { value: 'open', label: 'Still open' },
  { value: 'closed', label: 'Resolved, accepted or dismissed' },
];

interface Filter {
  state: string;
  severity: string | null;
  code: string | null;
}

/** Severity, state and rule filters over the loaded findings, each option with its count. */
/** The options for the values present, in the given order, each labelled with how many findings have it. */
function countedOptions(values: readonly string[], order: readonly string[]) {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return order.filter((v) => counts.has(v)).map((v) => ({ value: v, label: `${v} (${counts.get(v)})` }));
}

function FindingFilters({ findings, filter, onChange }: { findings: FindingDto[]; filter: Filter; onChange: (f: Filter) => void }) {
  const codes = findings.map((f) => f.code);
  return (
    <Group align="end" gap="sm">
      <Select label="State" data={stateOptions} value={filter.state} onChange={(v) => onChange({ ...filter, state: v ?? 'all' })} allowDeselect={false} w={240} />
      <Select label="Severity" clearable placeholder="Any severity" data={countedOptions(findings.map((f) => f.severity), severities)} value={filter.severity} onChange={(v) => onChange({ ...filter, severity: v })} w={180} />
      <Select label="Rule" clearable placeholder="Any rule" data={countedOptions(codes, [...new Set(codes)].sort())} value={filter.code} onChange={(v) => onChange({ ...filter, code: v })} w={300} />
    </Group>
  );
}

const formTitle: Record<FindingFormKind, string> = { plan_remediation: 'Plan remediation', respond: 'Respond', accept_risk: 'Accept the risk', dismiss: 'Dismiss' };

/** The engagement's findings, most severe first, with the workflow actions the server allows. */
export function FindingsPanel({ engagementId }: { engagementId: string }) {
  const loaded = useFindings(engagementId);
  const assessments = useEngagementAssessments(engagementId);
  const act = useFindingAction(engagementId);
  const [form, setForm] = useState<Form>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>({ state: 'all', severity: null, code: null });
  const shown = useMemo(
    () =>
      (loaded.data?.findings ?? []).filter(
        (f) => (filter.state === 'all' || (filter.state === 'open') === isOpenFinding(f)) && (!filter.severity || f.severity === filter.severity) && (!filter.code || f.code === filter.code),
      ),
    [loaded.data, filter],
  );

  // Resolve and reopen need no form: one click, errors shown above the list.
  const submit = async (body: FindingAction, id: string) => {
    setError(null);
    try {
      await act.mutateAsync({ ...body, id });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Not saved');
    }
  };
  // No verdict, not even "no finding", until the findings and the questionnaires they rest on are both loaded.
  if (loaded.isError) return <Alert color="red" role="alert">The findings could not be loaded: {loaded.error.message}. Nothing is known about this engagement's gaps until they are.</Alert>;
  if (assessments.isError) return <Alert color="red" role="alert">The questionnaires could not be loaded: {assessments.error.message}. The findings are not shown without knowing which answers they rest on.</Alert>;
  if (loaded.isPending || assessments.isPending) return <FindingsSkeleton />;
  const findings = loaded.data.findings;
  const basis = describeBasis(loaded.data.basis, pendingQuestionnaire(loaded.data.basis, assessments.data));
  const empty = emptyVerdict(basis);
  return (
    <Stack gap="sm">
      <Title order={4}>Findings ({findings.length})</Title>
      <BasisText basis={basis} listUnchecked={findings.length > 0} />
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {findings.length === 0 &&
        (empty.complete ? (
          <Text c="dimmed">{empty.text}</Text>
        ) : (
          <Alert color="yellow" title="Not a clean bill of health yet">
            {empty.text}
          </Alert>
        ))}
      {findings.length > 1 && (
        <>
          <FindingFilters findings={findings} filter={filter} onChange={setFilter} />
          {shown.length < findings.length && (
            <Text size="sm" c="dimmed">
              Showing {shown.length} of {findings.length}
              {shown.length === 0 ? ': no finding matches these filters.' : ''}
            </Text>
          )}
        </>
      )}
      {shown.map((f) => (
        <Paper key={f.id} withBorder p="sm" aria-label={`Finding ${f.code}`}>
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <Badge color={severityColor[f.severity]}>{f.severity}</Badge>
                <Text fw={600}>{f.title}</Text>
              </Group>
              <Group gap={4}>
                <Badge variant="outline">{f.code}</Badge>
                <Badge variant="light" color={f.status === 'open' ? 'red' : 'gray'}>
                  {statusLabel[f.status]}
                  {f.riskAcceptanceExpired ? ' (expired)' : ''}
                </Badge>
              </Group>
            </Group>
            <Text size="sm">{f.explanation}</Text>
            {f.remediation && (
              <Text size="sm" c="dimmed">
                Plan: {f.remediation.plan} — {f.remediation.owner}, by {dayLabel(f.remediation.dueDate)}
              </Text>
            )}
            {f.providerResponse && <Text size="sm">Provider: “{f.providerResponse}”</Text>}
            {f.riskAcceptance && (
              <Text size="sm" c="dimmed">
                Risk accepted{f.riskAcceptance.approver ? ` by ${f.riskAcceptance.approver}` : ''} until {dayLabel(f.riskAcceptance.expiresAt)}
                {f.riskAcceptance.justification ? `: ${f.riskAcceptance.justification}` : ''}
              </Text>
            )}
            {f.dismissReason && <Text size="sm" c="dimmed">Dismissed: {f.dismissReason}</Text>}
            <Group gap="xs">
              {f.abilities.plan && <Button size="xs" variant="light" onClick={() => setForm({ kind: 'plan_remediation', finding: f })}>Plan remediation</Button>}
              {f.abilities.respond && <Button size="xs" variant="light" onClick={() => setForm({ kind: 'respond', finding: f })}>Respond</Button>}
              {f.abilities.resolve && <Button size="xs" variant="light" color="green" onClick={() => submit({ action: 'resolve' }, f.id)}>Resolve</Button>}
              {f.abilities.acceptRisk && <Button size="xs" variant="light" color="orange" onClick={() => setForm({ kind: 'accept_risk', finding: f })}>Accept risk</Button>}
              {f.abilities.dismiss && <Button size="xs" variant="subtle" onClick={() => setForm({ kind: 'dismiss', finding: f })}>Dismiss</Button>}
              {f.abilities.reopen && <Button size="xs" variant="subtle" onClick={() => submit({ action: 'reopen' }, f.id)}>Reopen</Button>}
            </Group>
          </Stack>
        </Paper>
      ))}
      <Modal opened={form !== null} onClose={() => setForm(null)} title={form ? `${formTitle[form.kind]}: ${form.finding.title}` : ''} size="lg">
        {form && <FindingActionForm key={`${form.kind}:${form.finding.id}`} kind={form.kind} engagementId={engagementId} finding={form.finding} onDone={() => setForm(null)} onCancel={() => setForm(null)} />}
      </Modal>
    </Stack>
  );
}

/** Placeholders the size of the findings while they load: no text that could read as a verdict. */
function FindingsSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading the findings">
      <Title order={4}>Findings</Title>
      <Skeleton height={14} width="60%" />
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={72} radius="sm" />
      ))}
    </Stack>
  );
}

/** "Rests on …" and, where something was not read, "Not checked: …" (shown whenever there are findings; an empty list says it in its verdict). */
function BasisText({ basis, listUnchecked }: { basis: BasisLine; listUnchecked: boolean }) {
  return (
    <Stack gap={2} aria-label="What the findings rest on">
      <Text size="sm" c="dimmed">
        {basis.checked.length ? `Rests on ${basis.checked.join('; ')}.` : 'Nothing shared with this engagement has been checked yet.'}
      </Text>
      {listUnchecked && basis.unchecked.length > 0 && (
        <Text size="sm" c="orange.8">
          Not checked: {basis.unchecked.join('; ')}.
        </Text>
      )}
    </Stack>
  );
}
