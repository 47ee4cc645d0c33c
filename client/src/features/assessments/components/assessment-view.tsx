import { Alert, Anchor, Badge, Button, FileButton, Grid, Group, List, Modal, NavLink, Paper, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { assessmentStatusColor } from '../../../components/ui/status';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { statusLabels, type AssessmentDto, type CommentDto } from '../../../../../shared/schemas/assessment';
import { ApiError } from '../../../lib/api-client';
import { useEvidenceLibrary, useImportWorkbook, useSuggestions, useTransition } from '../api/assessments';
import { QuestionCard } from './question-card';
import { dayLabel } from '../../../lib/dates';

const noComments: (CommentDto & { questionKey: string })[] = [];

/** The questionnaire for both sides: the provider answers, the buyer reviews; buttons follow the server's abilities. */
export function AssessmentView({ assessment: a }: { assessment: AssessmentDto }) {
  const can = a.abilities;
  const transition = useTransition(a.id);
  const suggestions = useSuggestions(a.id, can.answer);
  const library = useEvidenceLibrary(can.answer);
  const importing = useImportWorkbook(a.id);
  const [unanswered, setUnanswered] = useState<string[] | null>(null);
  const [problems, setProblems] = useState<{ row: number; column: string; message: string }[] | null>(null);
  const [returning, setReturning] = useState(false);
  const [returnMessage, setReturnMessage] = useState('');
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const visible = useMemo(() => new Set(a.visibleQuestionKeys), [a.visibleQuestionKeys]);
  const answered = useMemo(() => new Set(a.answers.map((x) => x.questionKey)), [a.answers]);
  const answerOf = useMemo(() => new Map(a.answers.map((x) => [x.questionKey, x])), [a.answers]);
  // One array per question, rebuilt only when the comments change, so the cards' props keep their identity.
  const commentsOf = useMemo(() => {
    const m = new Map<string, (CommentDto & { questionKey: string })[]>();
    for (const c of a.comments) if (c.questionKey) m.set(c.questionKey, [...(m.get(c.questionKey) ?? []), c as CommentDto & { questionKey: string }]);
    return m;
  }, [a.comments]);

  const run = async (step: 'send' | 'submit' | 'return' | 'complete' | 'cancel', message?: string) => {
    setUnanswered(null);
    try {
      await transition.mutateAsync({ step, message });
      notifications.show({ color: 'green', message: `Questionnaire ${step === 'return' ? 'returned' : step === 'send' ? 'sent' : `${step}${step.endsWith('e') ? 'd' : 'ted'}`}` });
    } catch (err) {
      if (err instanceof ApiError && Array.isArray((err.details as { unanswered?: string[] })?.unanswered)) setUnanswered((err.details as { unanswered: string[] }).unanswered);
      else notifications.show({ color: 'red', message: (err as Error).message });
    }
  };
  const upload = async (file: File | null) => {
    if (!file) return;
    setProblems(null);
    try {
      const r = await importing.mutateAsync(file);
      notifications.show({ color: 'green', message: `${r.applied} answer${r.applied === 1 ? '' : 's'} imported` });
    } catch (err) {
      const list = (err as ApiError).details as { problems?: { row: number; column: string; message: string }[] } | undefined;
      if (list?.problems) setProblems(list.problems);
      else notifications.show({ color: 'red', message: (err as Error).message });
    }
  };

  let n = 0;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between" align="start">
            <div>
              <Title order={2}>{a.title}</Title>
              <Text c="dimmed" size="sm">
                {a.buyer.name} → {a.provider.name} · {a.template.name} v{a.template.version} · due {dayLabel(a.dueDate)}
              </Text>
            </div>
            <Badge size="lg" color={assessmentStatusColor[a.status]} aria-label="Status">
              {statusLabels[a.status]}
            </Badge>
          </Group>
          <Progress value={a.progress.total ? (100 * a.progress.answered) / a.progress.total : 0} aria-label="Overall progress" />
          <Text size="sm">
            {a.progress.answered} of {a.progress.total} questions answered
          </Text>
          {a.returnMessage && a.status !== 'completed' && (
            <Alert color="orange" title="Returned by the buyer">
              {a.returnMessage}
            </Alert>
          )}
          <Group gap="xs">
            {can.send && <Button onClick={() => run('send')}>Send to provider</Button>}
            {can.submit && <Button onClick={() => setConfirmSubmit(true)}>Submit questionnaire</Button>}
            {can.complete && (
              <Button color="green" onClick={() => run('complete')}>
                Complete review
              </Button>
            )}
            {can.return && (
              <Button variant="light" color="orange" onClick={() => setReturning(true)}>
                Return to provider
              </Button>
            )}
            {can.answer && (
              <>
                <Button variant="default" component="a" href={`/api/assessments/${a.id}/export`}>
                  Download for Excel
                </Button>
                <FileButton onChange={upload} accept=".xlsx">
                  {(props) => (
                    <Button variant="default" {...props} loading={importing.isPending}>
                      Upload filled workbook
                    </Button>
                  )}
                </FileButton>
              </>
            )}
            {can.cancel && (
              <Button variant="subtle" color="red" onClick={() => run('cancel')}>
                Cancel questionnaire
              </Button>
            )}
          </Group>
          {unanswered && (
            <Alert color="red" title="Some questions are not answered yet">
              <List size="sm">
                {unanswered.map((k) => (
                  <List.Item key={k}>
                    <Anchor href={`#q-${k}`}>{a.content.sections.flatMap((s) => s.questions).find((q) => q.key === k)?.text ?? k}</Anchor>
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {problems && (
            <Alert color="red" title="Nothing was imported: fix these rows and upload again">
              <Table aria-label="Import problems">
                <Table.Tbody>
                  {problems.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>Row {p.row}</Table.Td>
                      <Table.Td>{p.column}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Alert>
          )}
        </Stack>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p="xs" component="nav" aria-label="Sections">
            {a.content.sections.map((s) => {
              const qs = s.questions.filter((q) => visible.has(q.key));
              const done = qs.filter((q) => answered.has(q.key)).length;
              return <NavLink key={s.key} href={`#section-${s.key}`} label={s.title} description={`${done} / ${qs.length}`} />;
            })}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="lg">
            {a.content.sections.map((s) => (
              <Stack key={s.key} gap="sm" id={`section-${s.key}`}>
                <Title order={3}>{s.title}</Title>
                {s.description && <Text c="dimmed">{s.description}</Text>}
                {s.questions
                  .filter((q) => visible.has(q.key))
                  .map((q) => (
                    <QuestionCard
                      key={q.key}
                      assessmentId={a.id}
                      abilities={a.abilities}
                      submitted={a.submittedAt !== null}
                      question={q}
                      answer={answerOf.get(q.key)}
                      comments={commentsOf.get(q.key) ?? noComments}
                      index={++n}
                      suggestion={suggestions.data?.find((x) => x.questionKey === q.key)}
                      library={library.data}
                    />
                  ))}
              </Stack>
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={returning} onClose={() => setReturning(false)} title="Return to the provider">
        <Stack>
          <Textarea label="What should the provider change?" autosize minRows={3} value={returnMessage} onChange={(e) => setReturnMessage(e.currentTarget.value)} />
          <Button
            onClick={async () => {
              await run('return', returnMessage);
              setReturning(false);
            }}
          >
            Return questionnaire
          </Button>
        </Stack>
      </Modal>
      <Modal opened={confirmSubmit} onClose={() => setConfirmSubmit(false)} title="Submit your answers?">
        <Stack>
          <Text>After submitting, answers can change only if {a.buyer.name} returns the questionnaire.</Text>
          <Group>
            <Button
              onClick={async () => {
                setConfirmSubmit(false);
                await run('submit');
              }}
            >
              Submit now
            </Button>
            <Button variant="default" onClick={() => setConfirmSubmit(false)}>
              Keep answering
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
