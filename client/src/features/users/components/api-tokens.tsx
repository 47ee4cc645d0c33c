import { Alert, Badge, Button, Code, CopyButton, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { rolesFor, roleLabels, type OrganizationKind } from '../../../../../shared/roles';
import { apiTokenInput } from '../../../../../shared/schemas/api-token';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import type { FormWording } from '../../../lib/error-wording';

const wording: FormWording = { name: 'What it is for', role: { choose: 'Choose the role the token acts as' }, access: { choose: 'Choose read only or read and write' }, expiresInDays: 'Expiry' };
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/tokens';

const stateColor = { active: 'green', expired: 'gray', revoked: 'red' } as const;
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The organization's API tokens: create one (shown once), see when each was last used, revoke. */
export function ApiTokens({ organizationKind }: { organizationKind: OrganizationKind }) {
  const roles = rolesFor(organizationKind);
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(apiTokenInput, { wording, defaultValues: { name: '', role: roles[roles.length - 1], access: 'read', expiresInDays: 90 } });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const r = await create.mutateAsync(values);
      setCreated({ name: r.apiToken.name, token: r.token });
      form.reset({ ...values, name: '' });
    } catch (err) {
      setMessage(applyServerErrors(form, err, ['name', 'role', 'access', 'expiresInDays'], wording));
    }
  });
  return (
    <Stack gap="sm" aria-label="API tokens">
      <Text size="sm" c="dimmed">
        For scripts and integrations: send a token as “Authorization: Bearer …”. It acts with the role you give it; a read token can change nothing.
      </Text>
      {created && (
        <Alert color="yellow" role="status" title={`Token “${created.name}” — copy it now: it is not shown again`}>
          <Group gap="xs">
            <Code aria-label="New API token">{created.token}</Code>
            <CopyButton value={created.token}>{({ copied, copy }) => <Button size="compact-xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Create an API token">
        {message && <Alert color="red" mb="sm" role="alert">{message}</Alert>}
        <Group align="flex-start">
          <TextInput label="What it is for" w={240} {...form.register('name')} error={errors.name?.message} />
          <Controller control={form.control} name="role" render={({ field }) => <Select label="Acts as" data={roles.map((r) => ({ value: r, label: roleLabels[r] }))} allowDeselect={false} w={150} value={field.value} onChange={field.onChange} error={errors.role?.message} />} />
          <Controller
            control={form.control}
            name="access"
            render={({ field }) => <Select label="Access" data={[{ value: 'read', label: 'Read only' }, { value: 'write', label: 'Read and write' }]} allowDeselect={false} w={150} value={field.value} onChange={field.onChange} error={errors.access?.message} />}
          />
          <Controller control={form.control} name="expiresInDays" render={({ field }) => <NumberInput label="Expires in (days)" min={1} max={365} w={140} value={field.value} onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))} error={errors.expiresInDays?.message} />} />
          <Button type="submit" mt={25} loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </form>
      {tokens.isError && <Alert color="red">{tokens.error.message}</Alert>}
      {tokens.data && tokens.data.length > 0 && (
        <Table aria-label="API tokens list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Token</Table.Th>
              <Table.Th>Acts as</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td><Code>{t.prefix}…</Code></Table.Td>
                <Table.Td>{roleLabels[t.role]} · {t.access === 'read' ? 'read only' : 'read and write'}</Table.Td>
                <Table.Td>{day(t.createdAt)} by {t.createdBy.name}</Table.Td>
                <Table.Td>{day(t.expiresAt)}</Table.Td>
                <Table.Td>{t.lastUsedAt ? day(t.lastUsedAt) : 'never'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Badge color={stateColor[t.state]} variant="light">{t.state}</Badge>
                    {t.abilities.revoke && t.state === 'active' && (
                      <Button size="compact-xs" color="red" variant="subtle" loading={revoke.isPending && revoke.variables === t.id} onClick={() => revoke.mutate(t.id)}>
                        Revoke
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
