import { SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { AssessmentStatus } from '../../../../shared/schemas/assessment';
import { useSession } from '../../features/auth/api/get-session';
import { AssessmentsTable } from '../../features/assessments/components/assessments-table';

const filters: Record<string, AssessmentStatus[] | undefined> = {
  all: undefined,
  open: ['sent', 'in_progress', 'returned'],
  review: ['submitted'],
  done: ['completed', 'cancelled'],
};

export default function AssessmentsPage() {
  const { data: user } = useSession();
  const [filter, setFilter] = useState('all');
  if (!user) return null;
  const provider = user.organization.kind === 'provider';
  return (
    <Stack>
      <Title order={2}>{provider ? 'Inbox' : 'Questionnaires'}</Title>
      <SegmentedControl
        w="fit-content"
        value={filter}
        onChange={setFilter}
        data={[
          { value: 'all', label: 'All' },
          { value: 'open', label: provider ? 'To answer' : 'With the provider' },
          { value: 'review', label: provider ? 'Submitted' : 'To review' },
          { value: 'done', label: 'Closed' },
        ]}
      />
      <AssessmentsTable provider={provider} status={filters[filter]} />
    </Stack>
  );
}
