import { Button, Checkbox, Group, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
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

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string; retry: boolean }
  | { kind: 'needs-value' };

const RETRY_MS = 3000;
const isNa = (q: Question, v: AnswerValue) =>
  q.answerType === 'yes_no' ? v === 'na' : q.options.some((o) => o.credit === null && (v === o.key || (Array.isArray(v) && v.length === 1 && v[0] === o.key)));
const hhmm = (d: Date) => d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * One answer control with autosave: choices save at once, typing saves after
 * a pause. What is typed stays in the box while saves come and go: one save is
 * in flight at a time, and an edit made meanwhile is sent when it returns, so
 * the server always ends with the latest value. A save that fails for the
 * network is retried; its state ("Saved · 14:32", "Not saved — Retry") is
 * shown. The server's values are taken only when nothing typed is unsaved.
 * N/A asks for a justification before it is saved.
 */
export function AnswerInput({ assessmentId, question, value: saved, comment: savedComment }: { assessmentId: string; question: Question; value: AnswerValue | undefined; comment: string | null | undefined }) {
  const save = useSaveAnswer(assessmentId);
  const [value, setValue] = useState<AnswerValue>(saved ?? null);
  const [comment, setComment] = useState(savedComment ?? '');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ value, comment });
  // Edits are numbered; `acked` is the last edit the server confirmed, `inFlight` the one being sent.
  const edits = useRef({ made: 0, acked: 0, inFlight: false });
  const flushRef = useRef<() => Promise<void>>(async () => {});

  // Take the server's values (a reused answer, another tab's save) only when no edit here is unsaved.
  useEffect(() => {
    const e = edits.current;
    if (e.inFlight || e.made !== e.acked) return;
    setValue(saved ?? null);
    setComment(savedComment ?? '');
    latest.current = { value: saved ?? null, comment: savedComment ?? '' };
  }, [saved, savedComment]);

  // Leaving the page with an edit not yet sent sends it; the browser warns while one is unsaved.
  useEffect(() => {
    const warn = (ev: BeforeUnloadEvent) => {
      if (edits.current.made !== edits.current.acked) ev.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) {
        clearTimeout(timer.current);
        void flushRef.current();
      }
    };
  }, []);

  const flush = async (): Promise<void> => {
    timer.current = null;
    const e = edits.current;
    if (e.inFlight || e.made === e.acked) return;
    const { value: v, comment: c } = latest.current;
    if (v !== null && isNa(question, v) && !c.trim()) {
      setState({ kind: 'error', message: 'N/A needs a justification: say why this does not apply', retry: false });
      return;
    }
    const empty = v === null || (typeof v === 'string' && v.trim() === '' && question.answerType !== 'yes_no');
    if (empty && saved === undefined) {
      setState(c.trim() ? { kind: 'needs-value' } : { kind: 'idle' });
      return;
    }
    const sending = e.made;
    e.inFlight = true;
    setState({ kind: 'saving' });
    try {
      await save.mutateAsync({ questionKey: question.key, value: typeof v === 'string' && v.trim() === '' ? null : v, comment: c });
      e.acked = Math.max(e.acked, sending);
      e.inFlight = false;
      if (e.made !== e.acked) return void flush();
      setState({ kind: 'saved', at: new Date() });
    } catch (err) {
      e.inFlight = false;
      if (err instanceof ApiError && err.code !== 'NETWORK' && err.status < 500 && err.status !== 408 && err.status !== 429) {
        setState({ kind: 'error', message: err.fields[0]?.message ?? err.message, retry: false });
        return;
      }
      setState({ kind: 'error', message: 'the connection failed; retrying', retry: true });
      if (!timer.current) timer.current = setTimeout(() => void flush(), RETRY_MS);
    }
  };
  flushRef.current = flush;
  const schedule = (delay: number) => {
    edits.current.made += 1;
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
    latest.current.value = v;
    schedule(700);
  };
  const retryNow = () => {
    if (timer.current) clearTimeout(timer.current);
    void flush();
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
          const c = e.currentTarget.value;
          setComment(c);
          latest.current.comment = c;
          schedule(700);
        }}
        error={state.kind === 'error' && needsJustification && !comment.trim() ? state.message : undefined}
      />
      <Group gap="xs" mih={22}>
        <Text size="xs" c={state.kind === 'error' ? 'red' : state.kind === 'needs-value' ? 'orange' : 'dimmed'} role="status" aria-live="polite">
          {state.kind === 'saving'
            ? 'Saving…'
            : state.kind === 'saved'
              ? `Saved · ${hhmm(state.at)}`
              : state.kind === 'error'
                ? `Not saved: ${state.message}`
                : state.kind === 'needs-value'
                  ? 'Not saved yet: choose an answer to save this comment'
                  : ''}
        </Text>
        {state.kind === 'error' && state.retry && (
          <Button size="compact-xs" variant="light" color="red" onClick={retryNow}>
            Retry now
          </Button>
        )}
      </Group>
    </Stack>
  );
}
