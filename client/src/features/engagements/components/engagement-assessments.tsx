import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { applyServerErrors, useZodForm } from '../../../components/ui/form';
import type { FormWording } from '../../../lib/error-wording';
import { assessmentStatusColor } from '../../../components/ui/status';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { createAssessmentBody, isoDate, statusLabels } from '../../../../../shared/schemas/assessment';
import { useCreateAssessment, useEngagementAssessments, useSendAssessment, useUsableTemplates } from '../api/engagements';
import { dayLabel } from '../../../lib/dates';

/** The server refuses a due date before its today; the form says so before sending, by the reader's own calendar. */
const newQuestionnaire = createAssessmentBody.extend({
  dueDate: isoDate.refine((d) => d >= new Date().toLocaleDateString('en-CA'), { message: 'must be today or later' }),
});
const wording: FormWording = { templateId: { choose: 'Choose a template' }, dueDate: 'Due date', title: 'Title' };

/** The engagement's questionnaires, and a form to create and send a new one. */
export function EngagementAssessments({ engagementId, canCreate }: { engagementId: string; canCreate: boolean }) {
  const list = useEngagementAssessments(engagementId);
  const templates = useUsableTemplates();
  const create = useCreateAssessment(engagementId);
  const send = useSendAssessment(engagementId);
  const form = useZodForm(newQuestionnaire, { wording, defaultValues: { templateId: '', dueDate: new Date(Date.now() + 21 * 86400000).toLocaleDateString('en-CA') } });
  const { errors } = form.formState;
  const [error, setError] = useState<string | null>(null);

  const createIt = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await create.mutateAsync(values);
      notifications.show({ color: 'green', message: 'Draft created: review it, then send it to the provider' });
    } catch (err) {
      setError(applyServerErrors(form, err, ['templateId', 'dueDate'], wording));
    }
  });
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
                <Table.Td>{dayLabel(a.dueDate)}</Table.Td>
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
        <Paper withBorder p="md" component="form" onSubmit={createIt} noValidate aria-label="New questionnaire">
          <Stack gap="xs">
            <Text fw={500}>New questionnaire</Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group align="start">
              {/* Disabled until the templates are in, so that a click never opens an empty list. */}
              <Controller
                control={form.control}
                name="templateId"
                render={({ field }) => (
                  <Select
                    label="Template"
                    placeholder={templates.isPending ? 'Loading templates…' : 'Choose a template'}
                    disabled={!templates.data}
                    nothingFoundMessage="No template matches"
                    error={templates.isError ? templates.error.message : errors.templateId?.message}
                    data={(templates.data ?? []).map((t) => ({ value: t.id, label: `${t.name}${t.builtin ? ' (built-in)' : ''} · ${t.questionCount} questions` }))}
                    value={field.value || null}
                    onChange={(v) => field.onChange(v ?? '')}
                    onBlur={field.onBlur}
                    w={420}
                    searchable
                  />
                )}
              />
              <TextInput type="date" label="Due date" {...form.register('dueDate')} error={errors.dueDate?.message} />
              <Button type="submit" mt={25} loading={create.isPending}>
                Create questionnaire
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
