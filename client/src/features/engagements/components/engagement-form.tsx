import { ActionIcon, Alert, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useFieldArray } from 'react-hook-form';
import { dataCategories, dataCategoryLabels } from '../../../../../shared/schemas/engagement-profile';
import { createEngagementBody, type CreateEngagementInput, type EngagementDto, type ProviderDto } from '../../../../../shared/schemas/engagement';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import { ApiError } from '../../../lib/api-client';
import type { FormWording } from '../../../lib/error-wording';
import { StringList } from '../../../components/ui/string-list';
import { useCreateEngagement, useProviderSearch } from '../api/engagements';
import { describeProvider, providerLabel } from '../provider-label';

const fields = ['name', 'description', 'services', 'sites', 'contractingEntity', 'contractingEntityAliases', 'dataCategories', 'usesCloud', 'remoteWork', 'developsSoftware', 'subcontractors', 'providerOrganizationId', 'newProvider'];

/** The engagement's fields as the form labels them. */
const wording: FormWording = {
  name: 'Engagement name',
  description: 'Description',
  services: 'The list of services',
  'services.*': 'Service',
  sites: 'The list of delivery sites',
  'sites.*.name': 'Site name',
  'sites.*.address': 'Address',
  'sites.*.city': 'City',
  'sites.*.country': 'Country',
  contractingEntity: 'Contracting legal entity',
  contractingEntityAliases: 'The list of other names',
  'contractingEntityAliases.*': 'Other name',
  dataCategories: 'The list of data categories',
  providerOrganizationId: { choose: 'Choose a provider on Scopewise, or invite one that is not' },
  'newProvider.organizationName': 'Provider organization',
  'newProvider.adminEmail': 'Administrator email',
  'newProvider.adminName': 'Administrator name',
  'newProvider.confirmNewOrganization': 'Confirmation',
  subcontractors: 'The list of sub-contractors',
  'subcontractors.*': 'Sub-contractor',
};

/** Describe the outsourced work: provider, services, sites, data and delivery. */
export function EngagementForm({ onCreated }: { onCreated: (e: EngagementDto) => void }) {
  const create = useCreateEngagement();
  const [message, setMessage] = useState<string | null>(null);
  const [providerMode, setProviderMode] = useState<'existing' | 'invite'>('existing');
  const [providerQuery, setProviderQuery] = useState('');
  const [chosenProvider, setChosenProvider] = useState<ProviderDto | null>(null);
  const [namesakes, setNamesakes] = useState<ProviderDto[]>([]);
  // Once a provider is picked the search box shows its label: no new search for that.
  const providers = useProviderSearch(chosenProvider && providerQuery === providerLabel(chosenProvider) ? '' : providerQuery);
  const providerOptions = [...(chosenProvider ? [chosenProvider] : []), ...(providers.data ?? []).filter((p) => p.id !== chosenProvider?.id)];
  const form = useZodForm(createEngagementBody, {
    wording,
    defaultValues: { name: '', description: '', services: [''], sites: [{ name: '', address: '', city: '', country: '' }], contractingEntity: '', contractingEntityAliases: [], dataCategories: [], usesCloud: false, remoteWork: false, developsSoftware: false, subcontractors: [] },
  });
  const sites = useFieldArray({ control: form.control, name: 'sites' });
  const errors = form.formState.errors as Record<string, { message?: string } & Record<string | number, { message?: string } & Record<string, { message?: string }>>>;

  // The body takes one provider or the other: the schema refuses both, so the hidden one is cleared.
  const switchProviderMode = (mode: 'existing' | 'invite', chosen: ProviderDto | null = null) => {
    setProviderMode(mode);
    setNamesakes([]);
    setChosenProvider(chosen);
    setProviderQuery(chosen ? providerLabel(chosen) : '');
    if (mode === 'existing') form.setValue('newProvider', undefined);
    form.setValue('providerOrganizationId', chosen?.id);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const body = { ...values } as CreateEngagementInput;
    if (providerMode === 'existing') delete body.newProvider;
    else delete body.providerOrganizationId;
    try {
      onCreated(await create.mutateAsync(body));
    } catch (err) {
      setNamesakes(err instanceof ApiError ? ((err.details as { similarProviders?: ProviderDto[] } | undefined)?.similarProviders ?? []) : []);
      setMessage(applyServerErrors(form as never, err, fields, wording));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New engagement">
      <Stack>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <TextInput label="Engagement name" placeholder="Inbound customer support for card holders" {...form.register('name')} error={errors.name?.message} />
        <Textarea label="Description" autosize minRows={2} {...form.register('description')} />

        <Title order={4}>Provider</Title>
        <SegmentedControl
          value={providerMode}
          onChange={(v) => switchProviderMode(v as 'existing' | 'invite')}
          data={[
            { value: 'existing', label: 'A provider on Scopewise' },
            { value: 'invite', label: 'Invite a provider not on Scopewise' },
          ]}
          w="fit-content"
        />
        {providerMode === 'existing' ? (
          <Controller
            control={form.control}
            name="providerOrganizationId"
            render={({ field }) => (
              <Select
                label="Provider"
                placeholder="Type at least two letters of its name"
                searchable
                searchValue={providerQuery}
                onSearchChange={setProviderQuery}
                // The server already searched names and aliases; the labels carry more than the name.
                filter={({ options }) => options}
                data={providerOptions.map((p) => ({ value: p.id, label: providerLabel(p) }))}
                renderOption={({ option }) => {
                  const p = providerOptions.find((x) => x.id === option.value);
                  return p ? <ProviderLine provider={p} /> : (
                    option.label
                  );
                }}
                value={field.value ?? null}
                onChange={(v) => {
                  setChosenProvider(providerOptions.find((p) => p.id === v) ?? null);
                  field.onChange(v ?? undefined);
                }}
                description="Several organizations may share a name: check the verified email domain and who invited it."
                error={errors.providerOrganizationId?.message}
              />
            )}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput label="Provider organization" {...form.register('newProvider.organizationName')} error={errors.newProvider?.organizationName?.message} />
            <TextInput label="Administrator email" type="email" {...form.register('newProvider.adminEmail')} error={errors.newProvider?.adminEmail?.message} />
            <TextInput label="Administrator name" {...form.register('newProvider.adminName', { setValueAs: (v: string | undefined) => v?.trim() || undefined })} error={errors.newProvider?.adminName?.message} />
          </SimpleGrid>
        )}
        {providerMode === 'invite' && namesakes.length > 0 && (
          <Alert color="yellow" title="A provider with this name is already on Scopewise">
            <Stack gap="xs">
              {namesakes.map((p) => (
                <Group key={p.id} justify="space-between" wrap="nowrap">
                  <ProviderLine provider={p} />
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => switchProviderMode('existing', p)}
                  >
                    Use this provider
                  </Button>
                </Group>
              ))}
              <Checkbox label="This is another organization: create it anyway" {...form.register('newProvider.confirmNewOrganization')} error={errors.newProvider?.confirmNewOrganization?.message} />
            </Stack>
          </Alert>
        )}
        <TextInput label="Contracting legal entity" description="The provider entity named in the contract" {...form.register('contractingEntity')} error={errors.contractingEntity?.message} />
        <Controller
          control={form.control}
          name="contractingEntityAliases"
          render={({ field }) => (
            <StringList
              label="Other names of this legal entity"
              itemLabel="Other name"
              addLabel="Add another name"
              placeholder="Former or trading name of the same company"
              value={field.value ?? []}
              onChange={field.onChange}
              errors={(errors.contractingEntityAliases as unknown as ({ message?: string } | undefined)[] | undefined)?.map?.((e) => e?.message)}
              error={errors.contractingEntityAliases?.message}
            />
          )}
        />
        <Text size="xs" c="dimmed">
          A certificate counts for this engagement only when its holder is this entity or one of these names; other companies of the provider's group do not count.
        </Text>

        <Controller
          control={form.control}
          name="services"
          render={({ field }) => (
            <StringList label="Services" itemLabel="Service" addLabel="Add a service" placeholder="Inbound customer support (voice and chat)" value={field.value} onChange={field.onChange} min={1} errors={(errors.services as unknown as ({ message?: string } | undefined)[] | undefined)?.map?.((e) => e?.message)} error={errors.services?.message} />
          )}
        />

        <Title order={4}>Delivery sites</Title>
        {sites.fields.map((s, i) => (
          <Paper key={s.id} withBorder p="sm">
            <Group align="end" wrap="nowrap">
              <TextInput label="Site name" {...form.register(`sites.${i}.name`)} error={errors.sites?.[i]?.name?.message} />
              <TextInput label="Address" style={{ flex: 2 }} {...form.register(`sites.${i}.address`)} />
              <TextInput label="City" {...form.register(`sites.${i}.city`)} error={errors.sites?.[i]?.city?.message} />
              <TextInput label="Country" placeholder="PH" w={110} {...form.register(`sites.${i}.country`)} error={errors.sites?.[i]?.country?.message} />
              <ActionIcon variant="subtle" color="red" aria-label={`Remove site ${i + 1}`} onClick={() => sites.remove(i)} disabled={sites.fields.length === 1}>
                ✕
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Button variant="subtle" w="fit-content" onClick={() => sites.append({ name: '', address: '', city: '', country: '' })}>
          Add a site
        </Button>

        <Title order={4}>Data and delivery</Title>
        <Controller
          control={form.control}
          name="dataCategories"
          render={({ field }) => (
            <Checkbox.Group label="Data the provider will handle" value={field.value ?? []} onChange={field.onChange} error={errors.dataCategories?.message}>
              <Group mt="xs">
                {dataCategories.map((c) => (
                  <Checkbox key={c} value={c} label={dataCategoryLabels[c]} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Group>
          <Switch label="Uses cloud services" {...form.register('usesCloud')} />
          <Switch label="Remote work allowed" {...form.register('remoteWork')} />
          <Switch label="Builds or changes software for us" {...form.register('developsSoftware')} />
        </Group>
        <Controller
          control={form.control}
          name="subcontractors"
          render={({ field }) => <StringList label="Sub-contractors" itemLabel="Sub-contractor" addLabel="Add a sub-contractor" value={field.value} onChange={field.onChange} />}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            Create engagement
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A provider as the picker shows it: its name, and what tells it from a namesake. */
function ProviderLine({ provider }: { provider: ProviderDto }) {
  return (
    <div>
      <Text size="sm">{provider.name}</Text>
      <Text size="xs" c="dimmed">
        {describeProvider(provider)}
      </Text>
    </div>
  );
}
