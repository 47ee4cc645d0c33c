import { useNavigate } from 'react-router';
import { ResetPasswordForm } from '../../features/auth/components/password-forms';
import { PublicFrame } from './public-frame';

/** The token travels in the URL fragment (#token=…), which browsers never send to the server. */
function tokenFromHash(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

export default function ResetPasswordPage() {
  const navigate = useNavigate();
  return (
    <PublicFrame title="Set a new password">
      <ResetPasswordForm token={tokenFromHash()} onDone={() => navigate('/', { replace: true })} />
    </PublicFrame>
  );
}
