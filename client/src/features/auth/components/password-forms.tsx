import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { changePasswordBody, passwordResetBody, passwordResetRequestBody } from '../../../../../shared/schemas/users';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import type { FormWording } from '../../../lib/error-wording';

const forgotWording: FormWording = { email: 'Email' };
const resetWording: FormWording = { password: 'New password', token: 'Reset link' };
const changeWording: FormWording = { currentPassword: 'Current password', newPassword: 'New password' };
import { useChangePassword, useRequestPasswordReset, useResetPassword } from '../api/password';

/** Asks for a reset link by email; says the same whatever the address. */
export function ForgotPasswordForm() {
  const form = useZodForm(passwordResetRequestBody, { wording: forgotWording, defaultValues: { email: '' } });
  const request = useRequestPasswordReset();
  const [sent, setSent] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async ({ email }) => {
    setMessage(null);
    try {
      setSent((await request.mutateAsync(email)).message);
    } catch (err) {
      setMessage(applyServerErrors(form, err, ['email'], forgotWording));
    }
  });
  if (sent) {
    return (
      <Stack>
        <Alert color="blue" role="status">
          {sent}
        </Alert>
        <Anchor component={RouterLink} to="/login" size="sm">
          Back to sign in
        </Anchor>
      </Stack>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Reset your password">
      <Stack>
        <Text size="sm">Give the email you sign in with: we send a link to set a new password.</Text>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <TextInput label="Email" type="email" autoComplete="username" autoFocus {...form.register('email')} error={form.formState.errors.email?.message} />
        <Button type="submit" loading={request.isPending} fullWidth>
          Send the link
        </Button>
        <Anchor component={RouterLink} to="/login" size="sm">
          Back to sign in
        </Anchor>
      </Stack>
    </form>
  );
}

/** Sets a new password with the token from the emailed link. */
export function ResetPasswordForm({ token, onDone }: { token: string | null; onDone: () => void }) {
  const form = useZodForm(passwordResetBody, { wording: resetWording, defaultValues: { token: token ?? '', password: '' } });
  const reset = useResetPassword();
  const [message, setMessage] = useState<string | null>(null);
  if (!token) {
    return (
      <Alert color="red" role="alert">
        This page needs the link from the email. <Anchor component={RouterLink} to="/forgot-password">Ask for a new one</Anchor>.
      </Alert>
    );
  }
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await reset.mutateAsync(values);
      onDone();
    } catch (err) {
      setMessage(applyServerErrors(form, err, ['password'], resetWording));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Set a new password">
      <Stack>
        {message && (
          <Alert color="red" role="alert">
            {message} {/not valid/.test(message) && <Anchor component={RouterLink} to="/forgot-password">Ask for a new link</Anchor>}
          </Alert>
        )}
        <PasswordInput label="New password" description="At least 12 characters; not one of the most common passwords" autoComplete="new-password" autoFocus {...form.register('password')} error={form.formState.errors.password?.message} />
        <Button type="submit" loading={reset.isPending} fullWidth>
          Set the password and sign in
        </Button>
      </Stack>
    </form>
  );
}

/** Changes the signed-in user's password. */
export function ChangePasswordForm() {
  const form = useZodForm(changePasswordBody, { wording: changeWording, defaultValues: { currentPassword: '', newPassword: '' } });
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setDone(false);
    try {
      await change.mutateAsync(values);
      form.reset({ currentPassword: '', newPassword: '' });
      setDone(true);
    } catch (err) {
      setMessage(applyServerErrors(form, err, ['currentPassword', 'newPassword'], changeWording));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change your password">
      <Stack maw={420}>
        {done && (
          <Alert color="green" role="status">
            Password changed. Your other sessions were signed out.
          </Alert>
        )}
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <PasswordInput label="Current password" autoComplete="current-password" {...form.register('currentPassword')} error={errors.currentPassword?.message} />
        <PasswordInput label="New password" description="At least 12 characters; not one of the most common passwords" autoComplete="new-password" {...form.register('newPassword')} error={errors.newPassword?.message} />
        <Button type="submit" loading={change.isPending} w="fit-content">
          Change password
        </Button>
      </Stack>
    </form>
  );
}
