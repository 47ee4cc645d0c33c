import { Alert, Anchor, Badge, Button, FileInput, Group, Select, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { checkedFactLabels } from '../../../../../shared/certificate/verification';
import { verificationInput, type VerificationsDto } from '../../../../../shared/schemas/certificate-verification';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import type { FormWording } from '../../../lib/error-wording';
import { useRecordVerification, useVerifications } from '../api/verifications';

const stateBadge: Record<VerificationsDto['state'], { label: string; color: string }> = {
  unverified: { label: 'not checked in a directory', color: 'yellow' },
  stale: { label: 'changed since it was checked', color: 'yellow' },
  verified: { label: 'checked in directory', color: 'green' },
  failed: { label: 'directory did not confirm it', color: 'red' },
};
const outcomeLabel = { verified: 'found, facts match', not_found: 'not found', mismatch: 'found, facts differ' } as const;
const today = () => new Date().toISOString().slice(0, 10);
const formFields = ['outcome', 'directoryUrl', 'checkedOn', 'note'];
const wording: FormWording = { outcome: { choose: 'Choose what the directory showed' }, directoryUrl: 'The directory page checked', checkedOn: 'The day checked', note: 'The note', directoryName: 'The directory' };

/**
 * Where to look a certificate up, what the buyer's last check found (who,
 * when, where) and a form to record a new one with its screenshot.
 */
export function CertificateCheck({ certificateId, engagementId }: { certificateId: string; engagementId: string }) {
  const checks = useVerifications(certificateId);
  const [open, setOpen] = useState(false);
  if (checks.isPending) return <Skeleton height={12} width="50%" aria-label="Loading the directory checks" />;
  if (checks.isError) {
    return (
      <Text size="xs" c="red" role="alert">
        Whether this certificate was checked in a directory is unknown: {checks.error.message}
      </Text>
    );
  }
  const { state, lookup, verifications, abilities } = checks.data;
  const last = verifications[0];
  return (
    <Stack gap={4} aria-label="Directory check">
      <Group gap={6}>
        <Badge color={stateBadge[state].color} variant="light">
          {stateBadge[state].label}
        </Badge>
        <Text size="xs">
          Look it up in{' '}
          <Anchor href={lookup.directoryUrl} target="_blank" rel="noopener noreferrer" size="xs">
            {lookup.directoryName}
          </Anchor>
          {lookup.directoryUrl !== lookup.iafCertSearchUrl && (
            <>
              {' '}or{' '}
              <Anchor href={lookup.iafCertSearchUrl} target="_blank" rel="noopener noreferrer" size="xs">
                IAF CertSearch
              </Anchor>
            </>
          )}
          {!lookup.knownBody && ` (“${lookup.certificationBody}” is not a body we know: check its accreditation too)`}
        </Text>
      </Group>
      {state !== 'verified' && (
        <Text size="xs" c="dimmed">
          Directories list many accredited certificates, not all: if it is not listed, ask {lookup.certificationBody}, which must confirm a certificate's status on request.
        </Text>
      )}
      {last && (
        <Text size="xs" c={state === 'failed' ? 'red' : 'dimmed'}>
          Last check: {outcomeLabel[last.outcome]} on {last.checkedOn} by {last.recordedBy?.name ?? 'a former user'} in{' '}
          <Anchor href={last.directoryUrl} target="_blank" rel="noopener noreferrer" size="xs">
            {last.directoryName}
          </Anchor>
          {last.note && ` — “${last.note}”`}
          {last.evidence && (
            <>
              {' · '}
              <Anchor href={`/api/certificate-verifications/${last.id}/evidence`} size="xs">
                screenshot
              </Anchor>
            </>
          )}
          {last.changedSince.length > 0 && ` · since then: ${last.changedSince.map((c) => `${checkedFactLabels[c.field]} “${c.checked}” → “${c.now}”`).join(', ')}`}
        </Text>
      )}
      {abilities.verify && (
        <>
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open} w="fit-content">
            {open ? 'Cancel' : 'Record a directory check'}
          </Button>
          {open && <CheckForm certificateId={certificateId} engagementId={engagementId} lookupUrl={lookup.directoryUrl} onDone={() => setOpen(false)} />}
        </>
      )}
    </Stack>
  );
}

function CheckForm({ certificateId, engagementId, lookupUrl, onDone }: { certificateId: string; engagementId: string; lookupUrl: string; onDone: () => void }) {
  const record = useRecordVerification(certificateId, engagementId);
  const [screenshot, setScreenshot] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(verificationInput, { wording, defaultValues: { outcome: 'verified', directoryUrl: lookupUrl, checkedOn: today(), note: '' } });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (body) => {
    setMessage(null);
    try {
      const { screenshotError } = await record.mutateAsync({ body, screenshot });
      if (screenshotError) setMessage(`The check was recorded, but its screenshot was not: ${screenshotError}`);
      else onDone();
    } catch (err) {
      setMessage(applyServerErrors(form, err, formFields, wording));
    }
  });
  return (
    <form onSubmit={submit} aria-label="Record a directory check" noValidate>
      <Stack gap="xs" maw={520} mt="xs">
        <Controller
          control={form.control}
          name="outcome"
          render={({ field }) => (
            <Select
              label="What the directory showed"
              data={[
                { value: 'verified', label: 'Found, and its facts match the certificate' },
                { value: 'not_found', label: 'Not found' },
                { value: 'mismatch', label: 'Found, but its facts differ' },
              ]}
              allowDeselect={false}
              value={field.value}
              onChange={(v) => field.onChange(v)}
              error={errors.outcome?.message}
            />
          )}
        />
        <TextInput label="Directory page checked" description="The result page's address if it has one" {...form.register('directoryUrl')} error={errors.directoryUrl?.message} />
        <TextInput type="date" label="Checked on" {...form.register('checkedOn')} error={errors.checkedOn?.message} />
        <Textarea label="Note" description="Required when it was not found or differs: say what differed" autosize minRows={2} {...form.register('note')} error={errors.note?.message} />
        <FileInput label="Screenshot (optional)" description="PNG, JPEG or PDF, up to 10 MB" accept="image/png,image/jpeg,application/pdf" value={screenshot} onChange={setScreenshot} clearable />
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Group>
          <Button type="submit" size="xs" loading={record.isPending}>
            Record the check
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
