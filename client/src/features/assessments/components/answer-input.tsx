import { Checkbox, Group, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { AnswerValue } from '../../../../../shared/schemas/answer';
import type { Question } from '../../../../../shared/schemas/template';
import { ApiError } from '../../../lib/api-client';
import { useSaveAnswer } from '../api/assessments';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'partial', label: 'Partial' },
  { value: 'no', label: 'No' },
  { value: 'na', label: 'N/A' },
];

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const isNa = (q: Question, v: AnswerValue) =>
  q.answerType === 'yes_no' ? v === 'na' : q.options.some((o) => o.credit === null && (v === o.key || (Array.isArray(v) && v.length === 1 && v[0] === o.key)));

/**
 * One answer control with autosave: choices save at once, typing saves after
 * a pause; the state of the last save is shown, and nothing is lost between
 * keystrokes. N/A asks for a justification before it is saved.
 */
export function AnswerInput({ assessmentId, question, value: saved, comment: savedComment }: { assessmentId: string; question: Question; value: AnswerValue | undefined; comment: string | null | undefined }) {
  const save = useSaveAnswer(assessmentId);
  const [value, setValue] = useState<AnswerValue>(saved ?? null);
  const [comment, setComment] = useState(savedComment ?? '');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ value, comment });
  latest.current = { value, comment };

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const flush = async () => {
    const { value: v, comment: c } = latest.current;
    if (v !== null && isNa(question, v) && !c.trim()) {
      setState({ kind: 'error', message: 'N/A needs a justification: say why this does not apply' });
      return;
    }
    if (v === null || (typeof v === 'string' && v.trim() === '' && question.answerType !== 'yes_no')) {
      if (saved === undefined) return setState({ kind: 'idle' });
    }
    setState({ kind: 'saving' });
    try {
      await save.mutateAsync({ questionKey: question.key, value: typeof v === 'string' && v.trim() === '' ? null : v, comment: c });
      setState({ kind: 'saved' });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : 'Not saved: check your connection' });
    }
  };
  const schedule = (delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  };
  const choose = (v: AnswerValue) => {
    setValue(v);
    latest.current.value = v;
    schedule(0);
  };
  const type = (v: AnswerValue) => {
    setValue(v);
    schedule(700);
  };

  let control: React.ReactNode;
  switch (question.answerType) {
    case 'yes_no':
      control = (
        <Radio.Group value={typeof value === 'string' ? value : ''} onChange={choose} aria-label={question.text}>
          <Group>
            {yesNo.filter((o) => o.value !== 'na' || question.allowNa).map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Radio.Group>
      );
      break;
    case 'single_choice':
      control = (
        <Radio.Group value={typeof value === 'string' ? value : ''} onChange={choose} aria-label={question.text}>
          <Stack gap={6}>
            {question.options.map((o) => (
              <Radio key={o.key} value={o.key} label={o.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
      break;
    case 'multiple_choice':
      control = (
        <Checkbox.Group value={Array.isArray(value) ? value : []} onChange={(v) => choose(v.length ? v : null)} aria-label={question.text}>
          <Stack gap={6}>
            {question.options.map((o) => (
              <Checkbox key={o.key} value={o.key} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
      break;
    case 'date':
      control = <TextInput type="date" aria-label={question.text} value={typeof value === 'string' ? value : ''} onChange={(e) => choose(e.currentTarget.value || null)} w={200} />;
      break;
    case 'number':
      control = <NumberInput aria-label={question.text} value={typeof value === 'number' ? value : ''} onChange={(v) => type(typeof v === 'number' ? v : null)} w={200} />;
      break;
    default:
      control = <Textarea aria-label={question.text} autosize minRows={2} value={typeof value === 'string' ? value : ''} onChange={(e) => type(e.currentTarget.value)} />;
  }
  const needsJustification = value !== null && isNa(question, value);
  return (
    <Stack gap={6}>
      {control}
      <Textarea
        label={needsJustification ? 'Justification (required for N/A)' : 'Comment'}
        aria-label={needsJustification ? `Justification for ${question.text}` : `Comment on ${question.text}`}
        autosize
        minRows={1}
        value={comment}
        onChange={(e) => {
          setComment(e.currentTarget.value);
          schedule(700);
        }}
        error={state.kind === 'error' && needsJustification && !comment.trim() ? state.message : undefined}
      />
      <Text size="xs" c={state.kind === 'error' ? 'red' : 'dimmed'} role="status" aria-live="polite">
        {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : state.kind === 'error' ? `Not saved: ${state.message}` : ''}
      </Text>
    </Stack>
  );
}
