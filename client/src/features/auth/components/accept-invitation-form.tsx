import { Alert, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { roleLabels } from '../../../../../shared/roles';
import { acceptInvitationBody } from '../../../../../shared/schemas/users';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import { useAcceptInvitation, useInvitationPreview } from '../api/invitations';

const formSchema = acceptInvitationBody
  .extend({ confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: 'does not match the password', path: ['confirm'] });

export function AcceptInvitationForm({ token, onAccepted }: { token: string | null; onAccepted: () => void }) {
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const form = useZodForm(formSchema, { defaultValues: { token: token ?? '', name: '', password: '', confirm: '' } });
  const [message, setMessage] = useState<string | null>(null);
  const { errors } = form.formState;

  if (!token) return <Alert color="red">This page needs the link from your invitation email.</Alert>;
  if (preview.isPending) return <Loader aria-label="Checking the invitation" />;
  if (preview.isError) return <Alert color="red" title="Invitation unavailable">{preview.error.message}</Alert>;
  const inv = preview.data;

  const onSubmit = form.handleSubmit(async ({ confirm: _confirm, ...values }) => {
    setMessage(null);
    try {
      await accept.mutateAsync(values);
      onAccepted();
    } catch (err) {
      setMessage(applyServerErrors(form, err, ['name', 'password']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Accept invitation">
      <Stack>
        <Text>
          You are invited to join <strong>{inv.organizationName}</strong> as <strong>{roleLabels[inv.role]}</strong> with the email <strong>{inv.email}</strong>.
        </Text>
        {message && <Alert color="red" role="alert">{message}</Alert>}
        <TextInput label="Your name" autoComplete="name" autoFocus {...form.register('name')} error={errors.name?.message} />
        <PasswordInput label="Password" description="At least 12 characters" autoComplete="new-password" {...form.register('password')} error={errors.password?.message} />
        <PasswordInput label="Repeat the password" autoComplete="new-password" {...form.register('confirm')} error={errors.confirm?.message} />
        <Button type="submit" loading={accept.isPending}>
          Create my account
        </Button>
      </Stack>
    </form>
  );
}
