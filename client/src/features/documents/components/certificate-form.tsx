import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { Controller, useFieldArray } from 'react-hook-form';
import { certificateInput, type CertificateInput } from '../../../../../shared/schemas/certificate';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import { StringList } from '../../../components/ui/string-list';
import { ApiError } from '../../../lib/api-client';
import type { FormWording } from '../../../lib/error-wording';
import { useExtractCertificate, useRecordCertificate, type CertificateProposal } from '../api/certificates';

/** The certificate's facts as the form labels them. */
const wording: FormWording = {
  edition: { choose: 'Choose the edition of ISO/IEC 27001' },
  certificateNumber: 'Certificate number',
  certificationBody: 'Certification body',
  accreditationBody: 'Accreditation body',
  legalEntity: 'Certified legal entity',
  issueDate: 'Issue date',
  expiryDate: 'Expiry date',
  originalCertificationDate: 'Original certification date',
  scopeText: 'Scope',
  sites: 'The list of sites',
  'sites.*.name': 'Site name',
  'sites.*.address': 'Street address',
  'sites.*.city': 'City',
  'sites.*.country': 'Country',
  services: 'The list of services',
  'services.*': 'Service',
  soaReference: 'SoA reference',
  'soaReference.version': 'SoA version cited',
  'soaReference.date': 'SoA date cited',
};

const formFields = ['edition', 'certificateNumber', 'certificationBody', 'accreditationBody', 'legalEntity', 'issueDate', 'expiryDate', 'originalCertificationDate', 'scopeText', 'sites', 'services', 'soaReference'];

type Proposed = { source: { snippet: string } | null; confidence: 'high' | 'medium' | 'low'; warning?: string } | null | undefined;

/** The text a value was read from, so the person can check it against the certificate. */
function Source({ proposal }: { proposal: Proposed }) {
  if (!proposal) return null;
  const color = proposal.confidence === 'high' ? 'green' : proposal.confidence === 'medium' ? 'yellow' : 'orange';
  return (
    <>
      <Group gap={6} wrap="nowrap" mt={2}>
        <Badge size="xs" color={color} variant="light">
          {proposal.confidence === 'low' ? 'low: please confirm' : proposal.confidence}
        </Badge>
        {proposal.source && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            read from “{proposal.source.snippet}”
          </Text>
        )}
      </Group>
      {/* A conflict names both readings, so the person can pick from the certificate itself. */}
      {proposal.warning && (
        <Text size="xs" c="orange.8" mt={2} role="note">
          {proposal.warning}
        </Text>
      )}
    </>
  );
}

const withSource = (field: ReactNode, proposal: Proposed) => (
  <div>
    {field}
    <Source proposal={proposal} />
  </div>
);

/** Reads a certificate PDF into proposed facts, lets the provider confirm or correct them, and records the certificate. */
export function CertificateForm({ documentId, onSaved }: { documentId: string; onSaved: () => void }) {
  const extract = useExtractCertificate();
  const record = useRecordCertificate();
  const [proposal, setProposal] = useState<CertificateProposal | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(certificateInput, {
    wording,
    defaultValues: { documentId, standard: 'ISO/IEC 27001', edition: '2022', certificateNumber: '', certificationBody: '', accreditationBody: '', legalEntity: '', issueDate: '', expiryDate: '', originalCertificationDate: null, scopeText: '', sites: [], services: [], soaReference: null },
  });
  const sites = useFieldArray({ control: form.control, name: 'sites' });
  const errors = form.formState.errors;
  const f = proposal?.fields;

  const read = async () => {
    setMessage(null);
    try {
      const p = await extract.mutateAsync(documentId);
      setProposal(p);
      const v = p.fields;
      form.reset({
        documentId,
        standard: 'ISO/IEC 27001',
        edition: v.edition?.value ?? '2022',
        certificateNumber: v.certificateNumber?.value ?? '',
        certificationBody: v.certificationBody?.value ?? '',
        accreditationBody: v.accreditationBody ? v.accreditationBody.value : null,
        legalEntity: v.legalEntity?.value ?? '',
        issueDate: v.issueDate?.value ?? '',
        expiryDate: v.expiryDate?.value ?? '',
        originalCertificationDate: v.originalCertificationDate?.value ?? null,
        scopeText: v.scopeText?.value ?? '',
        sites: v.sites.map((s) => s.value),
        services: v.services.map((s) => s.value),
        soaReference: v.soaReference?.value ?? null,
      });
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : 'The certificate could not be read');
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await record.mutateAsync(values as CertificateInput);
      notifications.show({ color: 'green', message: 'Certificate recorded' });
      onSaved();
    } catch (err) {
      setMessage(applyServerErrors(form as never, err, formFields, wording));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Certificate facts">
      <Stack>
        <Group>
          <Button variant="light" onClick={read} loading={extract.isPending}>
            Read the facts from the PDF
          </Button>
          <Text size="sm" c="dimmed">
            Every value read is shown with the text it came from. Check each one before saving.
          </Text>
        </Group>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        {proposal?.warnings.map((w) => (
          <Alert key={w} color="yellow" title="Check this">
            {w}
          </Alert>
        ))}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label="Standard" value="ISO/IEC 27001" readOnly />
          <Controller
            control={form.control}
            name="edition"
            render={({ field }) => withSource(<Select label="Edition" data={[{ value: '2022', label: '2022' }, { value: '2013', label: '2013 (transition ended 31 Oct 2025)' }]} value={field.value} onChange={(v) => field.onChange(v)} allowDeselect={false} error={errors.edition?.message} />, f?.edition)}
          />
          {withSource(<TextInput label="Certificate number" {...form.register('certificateNumber')} error={errors.certificateNumber?.message} />, f?.certificateNumber)}
          {withSource(<TextInput label="Certification body" {...form.register('certificationBody')} error={errors.certificationBody?.message} />, f?.certificationBody)}
          <Controller
            control={form.control}
            name="accreditationBody"
            render={({ field }) =>
              withSource(
                <Stack gap={4}>
                  <TextInput label="Accreditation body" value={field.value ?? ''} disabled={field.value === null} onChange={(e) => field.onChange(e.currentTarget.value)} error={errors.accreditationBody?.message} />
                  <Checkbox size="xs" label="The certificate names no accreditation body" checked={field.value === null} onChange={(e) => field.onChange(e.currentTarget.checked ? null : '')} />
                </Stack>,
                f?.accreditationBody,
              )
            }
          />
          {withSource(<TextInput label="Certified legal entity" {...form.register('legalEntity')} error={errors.legalEntity?.message} />, f?.legalEntity)}
          {withSource(<TextInput type="date" label="Issue date" {...form.register('issueDate')} error={errors.issueDate?.message} />, f?.issueDate)}
          {withSource(<TextInput type="date" label="Expiry date" {...form.register('expiryDate')} error={errors.expiryDate?.message} />, f?.expiryDate)}
        </SimpleGrid>
        {withSource(<Textarea label="Scope" autosize minRows={3} {...form.register('scopeText')} error={errors.scopeText?.message} />, f?.scopeText)}
        <Controller
          control={form.control}
          name="soaReference"
          render={({ field }) =>
            withSource(
              <Group grow>
                <TextInput label="SoA version cited" value={field.value?.version ?? ''} onChange={(e) => field.onChange({ ...(field.value ?? {}), version: e.currentTarget.value || undefined })} />
                <TextInput type="date" label="SoA date cited" value={field.value?.date ?? ''} onChange={(e) => field.onChange({ ...(field.value ?? {}), date: e.currentTarget.value || undefined })} />
              </Group>,
              f?.soaReference,
            )
          }
        />
        <Title order={4}>Sites covered</Title>
        {sites.fields.map((s, i) => (
          <Paper key={s.id} withBorder p="sm">
            <Group align="end" wrap="nowrap">
              <TextInput label="Name" {...form.register(`sites.${i}.name`)} />
              <TextInput label="Street address (optional)" style={{ flex: 2 }} {...form.register(`sites.${i}.address`)} error={errors.sites?.[i]?.address?.message} />
              <TextInput label="City" {...form.register(`sites.${i}.city`)} error={errors.sites?.[i]?.city?.message} />
              <TextInput label="Country" {...form.register(`sites.${i}.country`)} />
              <ActionIcon variant="subtle" color="red" aria-label={`Remove site ${i + 1}`} onClick={() => sites.remove(i)}>
                ✕
              </ActionIcon>
            </Group>
            <Source proposal={f?.sites[i]} />
          </Paper>
        ))}
        <Button variant="subtle" onClick={() => sites.append({ address: '' })} w="fit-content">
          Add a site
        </Button>
        <Controller
          control={form.control}
          name="services"
          render={({ field }) => <StringList label="Services covered" itemLabel="Service" addLabel="Add a service" value={field.value} onChange={field.onChange} />}
        />
        <Group>
          <Button type="submit" loading={record.isPending}>
            Save certificate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
