import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FindingAction, FindingDto } from '../../../../../shared/schemas/finding';
import { ApiError } from '../../../lib/api-client';
import { useFindingAction, useFindings } from '../api/findings';

export const severityColor: Record<string, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'blue', info: 'gray' };
const statusLabel: Record<string, string> = { open: 'Open', remediation_planned: 'Remediation planned', resolved: 'Resolved', risk_accepted: 'Risk accepted', dismissed: 'Dismissed' };

type Form = { kind: FindingAction['action']; finding: FindingDto } | null;

/** The engagement's findings, most severe first, with the workflow actions the server allows. */
export function FindingsPanel({ engagementId }: { engagementId: string }) {
  const findings = useFindings(engagementId);
  const act = useFindingAction(engagementId);
  const [form, setForm] = useState<Form>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const set = (k: string) => (e: { currentTarget: { value: string } }) => setFields((f) => ({ ...f, [k]: e.currentTarget.value }));

  const submit = async (body: FindingAction, id: string) => {
    setError(null);
    try {
      await act.mutateAsync({ ...body, id });
      setForm(null);
      setFields({});
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields.map((f) => `${f.path}: ${f.message}`).join('; ') || err.message) : 'Not saved');
    }
  };
  if (findings.isPending) return <Text c="dimmed">Checking the certificate, SoA and answers…</Text>;
  if (findings.isError) return <Alert color="red">{findings.error.message}</Alert>;
  return (
    <Stack gap="sm">
      <Title order={4}>Findings ({findings.data.length})</Title>
      {findings.data.length === 0 && <Text c="dimmed">No finding: the certificate, SoA and answers cover this engagement.</Text>}
      {findings.data.map((f) => (
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
                Plan: {f.remediation.plan} — {f.remediation.owner}, by {f.remediation.dueDate}
              </Text>
            )}
            {f.providerResponse && <Text size="sm">Provider: “{f.providerResponse}”</Text>}
            {f.riskAcceptance && (
              <Text size="sm" c="dimmed">
                Risk accepted by {f.riskAcceptance.approver} until {f.riskAcceptance.expiresAt}: {f.riskAcceptance.justification}
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
      <Modal opened={form !== null} onClose={() => setForm(null)} title={form?.finding.title}>
        {form && (
          <Stack>
            {error && <Alert color="red">{error}</Alert>}
            {form.kind === 'plan_remediation' && (
              <>
                <TextInput label="Owner" onChange={set('owner')} />
                <TextInput type="date" label="Due date" onChange={set('dueDate')} />
                <Textarea label="Plan" autosize minRows={3} onChange={set('plan')} />
                <Button onClick={() => submit({ action: 'plan_remediation', owner: fields.owner ?? '', dueDate: fields.dueDate ?? '', plan: fields.plan ?? '' }, form.finding.id)}>Save plan</Button>
              </>
            )}
            {form.kind === 'respond' && (
              <>
                <Textarea label="Your response" autosize minRows={3} onChange={set('response')} />
                <Button onClick={() => submit({ action: 'respond', response: fields.response ?? '' }, form.finding.id)}>Send response</Button>
              </>
            )}
            {form.kind === 'accept_risk' && (
              <>
                <Textarea label="Justification" autosize minRows={3} onChange={set('justification')} />
                <TextInput label="Approver" onChange={set('approver')} />
                <TextInput type="date" label="Acceptance expires" onChange={set('expiresAt')} />
                <Button color="orange" onClick={() => submit({ action: 'accept_risk', justification: fields.justification ?? '', approver: fields.approver ?? '', expiresAt: fields.expiresAt ?? '' }, form.finding.id)}>Accept the risk</Button>
              </>
            )}
            {form.kind === 'dismiss' && (
              <>
                <Textarea label="Why this finding does not apply" autosize minRows={3} onChange={set('reason')} />
                <Button onClick={() => submit({ action: 'dismiss', reason: fields.reason ?? '' }, form.finding.id)}>Dismiss</Button>
              </>
            )}
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
