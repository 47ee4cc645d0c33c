import { Stack, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { EngagementForm } from '../../features/engagements/components/engagement-form';

export default function NewEngagementPage() {
  const navigate = useNavigate();
  return (
    <Stack>
      <Title order={2}>New engagement</Title>
      <EngagementForm onCreated={(e) => navigate(`/engagements/${e.id}`)} />
    </Stack>
  );
}
