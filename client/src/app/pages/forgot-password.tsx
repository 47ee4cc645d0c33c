import { ForgotPasswordForm } from '../../features/auth/components/password-forms';
import { PublicFrame } from './public-frame';

export default function ForgotPasswordPage() {
  return (
    <PublicFrame title="Reset your password">
      <ForgotPasswordForm />
    </PublicFrame>
  );
}
