import { Anchor, Badge, Progress, Table, Text } from '@mantine/core';
import { assessmentStatusColor } from '../../../components/ui/status';
import { Link } from 'react-router';
import { statusLabels, type AssessmentStatus } from '../../../../../shared/schemas/assessment';
import { useAssessments } from '../api/assessments';
import { dayLabel } from '../../../lib/dates';

export function AssessmentsTable({ provider, status }: { provider: boolean; status?: AssessmentStatus[] }) {
  const list = useAssessments(status);
  if (list.isPending) return <Text c="dimmed">Loading…</Text>;
  if (list.isError) return <Text c="red">{list.error.message}</Text>;
  if (list.data.length === 0) return <Text c="dimmed">{provider ? 'No questionnaire waiting for you.' : 'No questionnaire yet.'}</Text>;
  return (
    <Table striped highlightOnHover aria-label={provider ? 'Inbox' : 'Questionnaires'}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Questionnaire</Table.Th>
          <Table.Th>{provider ? 'From' : 'Provider'}</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Progress</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.data.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor component={Link} to={`/assessments/${a.id}`}>
                {a.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {a.engagement.name}
              </Text>
            </Table.Td>
            <Table.Td>{provider ? a.buyer.name : a.provider.name}</Table.Td>
            <Table.Td>
              <Badge color={assessmentStatusColor[a.status]}>{statusLabels[a.status]}</Badge>
            </Table.Td>
            <Table.Td>{dayLabel(a.dueDate)}</Table.Td>
            <Table.Td w={160}>
              <Progress value={a.progress.total ? (100 * a.progress.answered) / a.progress.total : 0} />
              <Text size="xs" c="dimmed">
                {a.progress.answered} / {a.progress.total}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
