import { Alert, Badge, Button, Collapse, FileButton, Group, MultiSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { memo, useState } from 'react';
import { suggestionStatusLabel, type AnswerDto, type AssessmentDto, type SuggestionDto, type ThreadCommentDto } from '../../../../../shared/schemas/assessment';
import type { DocumentDto } from '../../../../../shared/schemas/document';
import type { Question } from '../../../../../shared/schemas/template';
import { ApiError } from '../../../lib/api-client';
import { useComment, useReuse, useReview, useSaveAnswer } from '../api/assessments';
import { useUploadEvidence } from '../api/upload-evidence';
import { AnswerInput } from './answer-input';
import { momentLabel } from '../../../lib/dates';

const verdictColor = { accepted: 'green', rejected: 'red', clarification_requested: 'orange' } as const;
const verdictLabel = { accepted: 'Accepted', rejected: 'Rejected', clarification_requested: 'Clarification requested' } as const;
const suggestionColor = { accepted: 'green', submitted: 'gray', changes_requested: 'orange' } as const;

/** How an answer reads for someone who cannot change it. */
export function formatValue(q: Question, a: AnswerDto): string {
  const v = a.value;
  if (v === null) return '—';
  if (q.answerType === 'yes_no') return ({ yes: 'Yes', partial: 'Partial', no: 'No', na: 'N/A' } as Record<string, string>)[String(v)] ?? String(v);
  const label = (k: string) => q.options.find((o) => o.key === k)?.label ?? k;
  if (Array.isArray(v)) return v.map(label).join('; ');
  if (q.answerType === 'single_choice') return label(String(v));
  return String(v);
}

interface Props {
  assessmentId: string;
  abilities: AssessmentDto['abilities'];
  submitted: boolean;
  question: Question;
  answer: AnswerDto | undefined;
  comments: ThreadCommentDto[];
  index: number;
  suggestion?: SuggestionDto;
  library?: DocumentDto[];
}

/**
 * One question with its answer, evidence, review and thread. Memoised: saving
 * one answer replaces only that answer in the cached questionnaire, so only
 * its card renders again (every prop keeps its identity otherwise).
 */
export const QuestionCard = memo(function QuestionCard({ assessmentId, abilities: can, submitted, question: q, answer, comments, index, suggestion, library }: Props) {
  const [guidance, setGuidance] = useState(false);
  return (
    <Paper withBorder p="md" id={`q-${q.key}`} aria-label={`Question ${index}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="start" wrap="nowrap">
          <Text fw={500}>
            {index}. {q.text}
          </Text>
          <Group gap={4} justify="flex-end" style={{ flexShrink: 0, maxWidth: '40%' }}>
            {q.controlIds.map((c) => (
              <Badge key={c} variant="light" size="sm">
                {c}
              </Badge>
            ))}
            {q.evidence === 'required' && (
              <Badge color="grape" variant="outline" size="sm">
                evidence required
              </Badge>
            )}
          </Group>
        </Group>
        {q.guidance && (
          <>
            <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setGuidance((g) => !g)} aria-expanded={guidance}>
              {guidance ? 'Hide guidance' : 'What a good answer says'}
            </Button>
            <Collapse expanded={guidance}>
              <Text size="sm" c="dimmed">
                {q.guidance}
              </Text>
            </Collapse>
          </>
        )}
        {suggestion && can.answer && <SuggestionBanner assessmentId={assessmentId} suggestion={suggestion} question={q} />}
        {can.answer ? (
          <AnswerInput key={q.key} assessmentId={assessmentId} question={q} value={answer?.value} comment={answer?.comment} />
        ) : answer ? (
          <Stack gap={2}>
            <Text>
              <Text span fw={600}>
                {formatValue(q, answer)}
              </Text>
              {answer.reused && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  (reused from an earlier answer)
                </Text>
              )}
            </Text>
            {answer.comment && <Text size="sm">“{answer.comment}”</Text>}
          </Stack>
        ) : (
          <Text c="dimmed" size="sm">
            {submitted || can.answer ? 'Not answered' : 'Answers are visible once the provider submits.'}
          </Text>
        )}
        {q.evidence !== 'none' && <Evidence assessmentId={assessmentId} canAnswer={can.answer} question={q} answer={answer} library={library} />}
        {answer?.review && (
          <Badge color={verdictColor[answer.review.verdict]} w="fit-content">
            {verdictLabel[answer.review.verdict]}
            {answer.review.reviewedBy ? ` by ${answer.review.reviewedBy}` : ''}
          </Badge>
        )}
        {can.review && answer && <ReviewBar assessmentId={assessmentId} questionKey={q.key} />}
        <Thread assessmentId={assessmentId} questionKey={q.key} comments={comments} canComment={can.comment} />
      </Stack>
    </Paper>
  );
});

function SuggestionBanner({ assessmentId, suggestion, question }: { assessmentId: string; suggestion: SuggestionDto; question: Question }) {
  const reuse = useReuse(assessmentId);
  const shown = formatValue(question, { value: suggestion.value } as AnswerDto);
  return (
    <Alert color="blue" variant="light" title="You answered this before" p="xs">
      <Stack gap={4}>
        <Text size="sm">
          “{shown}”{suggestion.comment ? ` — ${suggestion.comment}` : ''}
        </Text>
        <Group gap="xs">
          <Badge size="sm" variant="light" color={suggestionColor[suggestion.source.status]}>
            {suggestionStatusLabel(suggestion.source.status)} · {suggestion.source.statusAt.slice(0, 10)}
          </Badge>
          <Text size="xs" c="dimmed">
            for “{suggestion.source.questionText}” · shared controls {suggestion.sharedControlIds.join(', ')}
          </Text>
        </Group>
        <Button size="xs" w="fit-content" onClick={() => reuse.mutate({ questionKey: suggestion.questionKey, sourceAnswerId: suggestion.sourceAnswerId })} loading={reuse.isPending}>
          Use this answer
        </Button>
      </Stack>
    </Alert>
  );
}

function Evidence({ assessmentId, canAnswer, question, answer, library }: { assessmentId: string; canAnswer: boolean; question: Question; answer: AnswerDto | undefined; library?: DocumentDto[] }) {
  const save = useSaveAnswer(assessmentId);
  const upload = useUploadEvidence();
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const attached = answer?.evidence ?? [];
  if (!canAnswer) {
    return attached.length ? (
      <Stack gap={2}>
        <Text size="sm" fw={500}>Evidence</Text>
        {attached.map((e) => (
          <a key={e.id} href={`/api/documents/${e.id}/content`}>
            {e.title} ({e.originalName})
          </a>
        ))}
      </Stack>
    ) : null;
  }
  const change = async (ids: string[]) => {
    setError(null);
    if (!answer) return setError('Answer the question first, then attach evidence');
    try {
      await save.mutateAsync({ questionKey: question.key, value: answer.value, comment: answer.comment ?? undefined, evidenceIds: ids });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Not saved');
    }
  };
  // A new file goes to the library as evidence, then is attached to this answer.
  const uploadAndAttach = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (!answer) return setError('Answer the question first, then attach evidence');
    setProgress(0);
    try {
      const { document } = await upload.mutateAsync({ file, onProgress: setProgress });
      await change([...attached.map((e) => e.id), document.id]);
    } catch (err) {
      setError(err instanceof ApiError ? `${file.name} was not uploaded: ${err.message}` : `${file.name} was not uploaded`);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Stack gap={4}>
      <MultiSelect
        label={question.evidence === 'required' ? 'Evidence (required)' : 'Evidence (optional)'}
        placeholder="Attach documents from your library"
        data={[
          ...(library ?? []).map((d) => ({ value: d.id, label: `${d.title} (v${d.version})` })),
          // Just uploaded, before the library is fetched again.
          ...attached.filter((e) => !library?.some((d) => d.id === e.id)).map((e) => ({ value: e.id, label: e.title })),
        ]}
        value={attached.map((e) => e.id)}
        onChange={change}
        error={error}
        searchable
      />
      <Group gap="xs">
        <FileButton onChange={uploadAndAttach} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.csv,.txt">
          {(props) => (
            <Button {...props} size="xs" variant="default" loading={progress !== null} disabled={!answer}>
              Upload evidence
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {progress !== null ? `Uploading… ${Math.round(progress * 100)} %` : answer ? 'A new file is added to your library and attached here.' : 'Answer the question first, then attach evidence.'}
        </Text>
      </Group>
    </Stack>
  );
}

function ReviewBar({ assessmentId, questionKey }: { assessmentId: string; questionKey: string }) {
  const review = useReview(assessmentId);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (verdict: 'accepted' | 'rejected' | 'clarification_requested') => {
    setError(null);
    try {
      await review.mutateAsync({ questionKey, verdict, comment: note.trim() || undefined });
      setNote('');
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : 'Not saved');
    }
  };
  return (
    <Stack gap={4}>
      <Textarea aria-label={`Review note on ${questionKey}`} placeholder="Note to the provider (required to reject or ask for clarification)" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={error} />
      <Group gap="xs">
        <Button size="xs" color="green" onClick={() => act('accepted')} loading={review.isPending}>
          Accept
        </Button>
        <Button size="xs" color="red" variant="light" onClick={() => act('rejected')}>
          Reject
        </Button>
        <Button size="xs" color="orange" variant="light" onClick={() => act('clarification_requested')}>
          Ask for clarification
        </Button>
      </Group>
    </Stack>
  );
}

function Thread({ assessmentId, questionKey, comments, canComment }: { assessmentId: string; questionKey: string; comments: ThreadCommentDto[]; canComment: boolean }) {
  const post = useComment(assessmentId);
  const [body, setBody] = useState('');
  if (!comments.length && !canComment) return null;
  return (
    <Stack gap={4}>
      {comments.map((c) => (
        <Text size="sm" key={c.id}>
          <Text span fw={600} c={c.side === 'buyer' ? 'blue' : 'teal'}>
            {c.author}
          </Text>{' '}
          <Text span size="xs" c="dimmed">
            {momentLabel(c.createdAt)}
          </Text>
          : {c.body}
        </Text>
      ))}
      {canComment && (
        <Group gap="xs" wrap="nowrap">
          <Textarea aria-label={`Reply on ${questionKey}`} placeholder="Reply in this thread" autosize minRows={1} style={{ flex: 1 }} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <Button
            size="xs"
            variant="light"
            disabled={!body.trim()}
            loading={post.isPending}
            onClick={async () => {
              await post.mutateAsync({ questionKey, body });
              setBody('');
            }}
          >
            Post
          </Button>
        </Group>
      )}
    </Stack>
  );
}
