import { useNavigate } from 'react-router';
import { AcceptInvitationForm } from '../../features/auth/components/accept-invitation-form';
import { PublicFrame } from './public-frame';

/** The token travels in the URL fragment (#token=…), which browsers never send to the server. */
function tokenFromHash(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

export default function AcceptInvitationPage() {
  const navigate = useNavigate();
  return (
    <PublicFrame title="Accept your invitation">
      <AcceptInvitationForm token={tokenFromHash()} onAccepted={() => navigate('/', { replace: true })} />
    </PublicFrame>
  );
}
