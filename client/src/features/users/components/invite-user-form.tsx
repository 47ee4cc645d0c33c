import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { rolesFor, roleLabels, type OrganizationKind } from '../../../../../shared/roles';
import { inviteUserBody } from '../../../../../shared/schemas/users';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import type { FormWording } from '../../../lib/error-wording';
import { useInviteUser } from '../api/users';

const wording: FormWording = { email: 'Email', role: { choose: 'Choose a role this organization can have' } };

export function InviteUserForm({ organizationKind }: { organizationKind: OrganizationKind }) {
  const roles = rolesFor(organizationKind);
  const form = useZodForm(inviteUserBody, { wording, defaultValues: { email: '', role: roles[roles.length - 1] } });
  const invite = useInviteUser();
  const [message, setMessage] = useState<string | null>(null);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const inv = await invite.mutateAsync(values);
      notifications.show({ color: 'green', message: `Invitation sent to ${inv.email}` });
      form.reset({ email: '', role: values.role });
    } catch (err) {
      setMessage(applyServerErrors(form, err, ['email', 'role'], wording));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Invite a user">
      {message && <Alert color="red" mb="sm" role="alert">{message}</Alert>}
      <Group align="flex-start">
        <TextInput label="Email" placeholder="name@company.com" w={300} {...form.register('email')} error={errors.email?.message} />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select label="Role" data={roles.map((r) => ({ value: r, label: roleLabels[r] }))} allowDeselect={false} w={180} value={field.value} onChange={field.onChange} error={errors.role?.message} />
          )}
        />
        <Button type="submit" mt={25} loading={invite.isPending}>
          Send invitation
        </Button>
      </Group>
    </form>
  );
}
