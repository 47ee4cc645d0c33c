import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { acceptRiskAction, dismissAction, planRemediationAction, respondAction, type FindingAction, type FindingDto } from '../../../../../shared/schemas/finding';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import type { FormWording } from '../../../lib/error-wording';
import { useFindingAction } from '../api/findings';

/** The workflow actions that need a form (resolve and reopen are one click). */
export type FindingFormKind = 'plan_remediation' | 'respond' | 'accept_risk' | 'dismiss';

interface Props {
  engagementId: string;
  finding: FindingDto;
  onDone: () => void;
  onCancel: () => void;
}

/** Each field as its form labels it, so a problem reads "The approver is required". */
const wording: FormWording = { justification: 'Justification', approver: 'Approver', expiresAt: 'Expiry date of the acceptance', owner: 'Owner', dueDate: 'Due date', plan: 'Plan', response: 'Response', reason: 'Reason' };

const tomorrow = () => new Date(Date.now() + 86400000).toISOString().slice(0, 10);

/** Sends one workflow action; on refusal, resolves with the message for what is not tied to a field. */
function useSend(engagementId: string, finding: FindingDto, onDone: () => void) {
  const act = useFindingAction(engagementId);
  const send = async (body: FindingAction, onError: (err: unknown) => string | null) => {
    try {
      await act.mutateAsync({ ...body, id: finding.id });
      onDone();
      return null;
    } catch (err) {
      return onError(err);
    }
  };
  return { send, pending: act.isPending };
}

function Frame({ message, children, submit, pending, onCancel, color }: { message: string | null; children: ReactNode; submit: string; pending: boolean; onCancel: () => void; color?: string }) {
  return (
    <Stack>
      {message && (
        <Alert color="red" role="alert" title="Not saved">
          {message}
        </Alert>
      )}
      {children}
      <Group>
        <Button type="submit" color={color} loading={pending}>
          {submit}
        </Button>
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

/** Risk acceptance: why the residual risk is tolerable, who owns it and until when. */
function AcceptRiskForm({ engagementId, finding, onDone, onCancel }: Props) {
  const form = useZodForm(acceptRiskAction, { wording, defaultValues: { action: 'accept_risk', justification: '', approver: '', expiresAt: '' } });
  const { send, pending } = useSend(engagementId, finding, onDone);
  const [message, setMessage] = useState<string | null>(null);
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setMessage(await send(values, (err) => applyServerErrors(form, err, ['justification', 'approver', 'expiresAt'], wording)));
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Risk acceptance">
      <Frame message={message} submit="Accept the risk" color="orange" pending={pending} onCancel={onCancel}>
        <Text size="sm" c="dimmed">
          The finding stays on record as accepted until the expiry date, then counts as open again.
        </Text>
        <Textarea label="Justification" description="Why the residual risk is acceptable, and any compensating controls" autosize minRows={3} withAsterisk {...form.register('justification')} error={errors.justification?.message} />
        <TextInput label="Approver" description="The risk owner who approves the acceptance (name and role)" withAsterisk {...form.register('approver')} error={errors.approver?.message} />
        <TextInput type="date" label="Acceptance expires" description="The risk is reviewed again on this date" min={tomorrow()} withAsterisk {...form.register('expiresAt')} error={errors.expiresAt?.message} />
      </Frame>
    </form>
  );
}

function PlanRemediationForm({ engagementId, finding, onDone, onCancel }: Props) {
  const form = useZodForm(planRemediationAction, { wording, defaultValues: { action: 'plan_remediation', owner: '', dueDate: '', plan: '' } });
  const { send, pending } = useSend(engagementId, finding, onDone);
  const [message, setMessage] = useState<string | null>(null);
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setMessage(await send(values, (err) => applyServerErrors(form, err, ['owner', 'dueDate', 'plan'], wording)));
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Remediation plan">
      <Frame message={message} submit="Save plan" pending={pending} onCancel={onCancel}>
        <TextInput label="Owner" withAsterisk {...form.register('owner')} error={errors.owner?.message} />
        <TextInput type="date" label="Due date" withAsterisk {...form.register('dueDate')} error={errors.dueDate?.message} />
        <Textarea label="Plan" autosize minRows={3} withAsterisk {...form.register('plan')} error={errors.plan?.message} />
      </Frame>
    </form>
  );
}

function RespondForm({ engagementId, finding, onDone, onCancel }: Props) {
  const form = useZodForm(respondAction, { wording, defaultValues: { action: 'respond', response: '' } });
  const { send, pending } = useSend(engagementId, finding, onDone);
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setMessage(await send(values, (err) => applyServerErrors(form, err, ['response'], wording)));
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Response to the finding">
      <Frame message={message} submit="Send response" pending={pending} onCancel={onCancel}>
        <Textarea label="Your response" autosize minRows={3} withAsterisk {...form.register('response')} error={form.formState.errors.response?.message} />
      </Frame>
    </form>
  );
}

function DismissForm({ engagementId, finding, onDone, onCancel }: Props) {
  const form = useZodForm(dismissAction, { wording, defaultValues: { action: 'dismiss', reason: '' } });
  const { send, pending } = useSend(engagementId, finding, onDone);
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setMessage(await send(values, (err) => applyServerErrors(form, err, ['reason'], wording)));
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Dismissal">
      <Frame message={message} submit="Dismiss" pending={pending} onCancel={onCancel}>
        <Textarea label="Why this finding does not apply" autosize minRows={3} withAsterisk {...form.register('reason')} error={form.formState.errors.reason?.message} />
      </Frame>
    </form>
  );
}

/** The form of one workflow action on a finding, validated with the schema the server uses. */
export function FindingActionForm({ kind, ...props }: Props & { kind: FindingFormKind }) {
  switch (kind) {
    case 'accept_risk':
      return <AcceptRiskForm {...props} />;
    case 'plan_remediation':
      return <PlanRemediationForm {...props} />;
    case 'respond':
      return <RespondForm {...props} />;
    case 'dismiss':
      return <DismissForm {...props} />;
  }
}
