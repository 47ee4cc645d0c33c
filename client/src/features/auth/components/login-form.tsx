import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useState } from 'react';
import { loginBody } from '../../../../../shared/schemas/auth';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import type { FormWording } from '../../../lib/error-wording';

const wording: FormWording = { email: 'Email', password: 'Password' };
import { useLogin } from '../api/login';

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const form = useZodForm(loginBody, { wording, defaultValues: { email: '', password: '' } });
  const login = useLogin();
  const [message, setMessage] = useState<string | null>(null);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await login.mutateAsync(values);
      onSignedIn();
    } catch (err) {
      setMessage(applyServerErrors(form, err, ['email', 'password'], wording));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in">
      <Stack>
        {message && (
          <Alert color="red" role="alert" title="Sign-in failed">
            {message}
          </Alert>
        )}
        <TextInput label="Email" type="email" autoComplete="username" autoFocus {...form.register('email')} error={errors.email?.message} />
        <PasswordInput label="Password" autoComplete="current-password" {...form.register('password')} error={errors.password?.message} />
        <Button type="submit" loading={login.isPending} fullWidth>
          Sign in
        </Button>
        <Anchor component={RouterLink} to="/forgot-password" size="sm">
          Forgot your password?
        </Anchor>
      </Stack>
    </form>
  );
}
