import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { describeApiError } from '../../../lib/error-wording';
import { assessmentStatusColor } from '../../../components/ui/status';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { statusLabels } from '../../../../../shared/schemas/assessment';
import { useCreateAssessment, useEngagementAssessments, useSendAssessment, useUsableTemplates } from '../api/engagements';

/** The engagement's questionnaires, and a form to create and send a new one. */
export function EngagementAssessments({ engagementId, canCreate }: { engagementId: string; canCreate: boolean }) {
  const list = useEngagementAssessments(engagementId);
  const templates = useUsableTemplates();
  const create = useCreateAssessment(engagementId);
  const send = useSendAssessment(engagementId);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState(new Date(Date.now() + 21 * 86400000).toISOString().slice(0, 10));
  const [error, setError] = useState<string | null>(null);

  const createIt = async () => {
    setError(null);
    if (!templateId) return setError('Choose a template.');
    if (dueDate < new Date().toLocaleDateString('en-CA')) return setError('The due date must be today or later.');
    try {
      await create.mutateAsync({ templateId: templateId ?? '', dueDate });
      notifications.show({ color: 'green', message: 'Draft created: review it, then send it to the provider' });
    } catch (err) {
      setError(describeApiError(err, { templateId: { choose: 'Choose a template' }, dueDate: 'The due date', title: 'The title' }, 'Not created: try again'));
    }
  };
  const sendIt = async (id: string) => {
    try {
      await send.mutateAsync(id);
      notifications.show({ color: 'green', message: 'Sent: the provider was notified by email' });
    } catch (err) {
      notifications.show({ color: 'red', message: (err as Error).message });
    }
  };

  return (
    <Stack>
      <Title order={4}>Questionnaires</Title>
      {list.data?.length === 0 && <Text c="dimmed">No questionnaire yet.</Text>}
      {list.data && list.data.length > 0 && (
        <Table aria-label="Questionnaires">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Questionnaire</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Progress</Table.Th>
              <Table.Th />
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
                    {a.template.name} v{a.template.version}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={assessmentStatusColor[a.status]}>{statusLabels[a.status]}</Badge>
                </Table.Td>
                <Table.Td>{a.dueDate}</Table.Td>
                <Table.Td w={160}>
                  <Progress value={a.progress.total ? (100 * a.progress.answered) / a.progress.total : 0} aria-label={`Progress of ${a.title}`} />
                  <Text size="xs" c="dimmed">
                    {a.progress.answered} / {a.progress.total}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {a.abilities.send && (
                    <Button size="xs" onClick={() => sendIt(a.id)} loading={send.isPending}>
                      Send to provider
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canCreate && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={500}>New questionnaire</Text>
            {error && <Alert color="red">{error}</Alert>}
            <Group align="end">
              {/* Disabled until the templates are in, so that a click never opens an empty list. */}
              <Select
                label="Template"
                placeholder={templates.isPending ? 'Loading templates…' : 'Choose a template'}
                disabled={!templates.data}
                nothingFoundMessage="No template matches"
                error={templates.isError ? templates.error.message : undefined}
                data={(templates.data ?? []).map((t) => ({ value: t.id, label: `${t.name}${t.builtin ? ' (built-in)' : ''} · ${t.questionCount} questions` }))}
                value={templateId}
                onChange={setTemplateId}
                w={420}
                searchable
              />
              <TextInput type="date" label="Due date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
              <Button onClick={createIt} loading={create.isPending}>
                Create questionnaire
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
