import { useLocation, useNavigate } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { PublicFrame } from './public-frame';

export default function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  return (
    <PublicFrame title="Sign in">
      <LoginForm onSignedIn={() => navigate(from, { replace: true })} />
    </PublicFrame>
  );
}
