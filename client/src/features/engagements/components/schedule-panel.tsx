import { Alert, Anchor, Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ScheduleDto } from '../../../../../shared/schemas/schedule';
import { ApiError } from '../../../lib/api-client';
import { useEditSchedule, useFinalizeSchedule, useGenerateSchedule, useShareSchedule } from '../api/schedules';

/** Legal's schedule builder: generate from the engagement and its findings, review why each clause is there, finalise, download. */
export function SchedulePanel({ engagementId }: { engagementId: string }) {
  const generate = useGenerateSchedule(engagementId);
  const edit = useEditSchedule();
  const finalize = useFinalizeSchedule();
  const share = useShareSchedule();
  const [schedule, setSchedule] = useState<ScheduleDto | null>(null);
  const [hours, setHours] = useState<number>(24);
  const [locations, setLocations] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (f: () => Promise<ScheduleDto>) => {
    setError(null);
    try {
      setSchedule(await f());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Not saved');
    }
  };
  return (
    <Paper withBorder p="md" aria-label="Security schedule">
      <Stack gap="sm">
        <Title order={4}>Security schedule</Title>
        {error && <Alert color="red">{error}</Alert>}
        {!schedule && (
          <Group align="end">
            <NumberInput label="Incident notification (hours)" value={hours} onChange={(v) => setHours(typeof v === 'number' ? v : 24)} min={1} max={168} w={200} />
            <TextInput label="Data locations (if not the site countries)" value={locations} onChange={(e) => setLocations(e.currentTarget.value)} w={300} />
            <Button onClick={() => run(() => generate.mutateAsync({ notificationHours: String(hours), ...(locations ? { dataLocations: locations } : {}) }))} loading={generate.isPending}>
              Generate schedule
            </Button>
          </Group>
        )}
        {schedule && (
          <>
            <Group>
              <Badge color={schedule.status === 'final' ? 'green' : 'gray'}>{schedule.status}</Badge>
              <Text size="sm">
                {schedule.clauses.filter((c) => c.included).length} clauses · {schedule.findings.length} open findings in Annex A
              </Text>
              <Anchor href={`/api/security-schedules/${schedule.id}?format=docx`}>Download DOCX</Anchor>
              <Anchor href={`/api/security-schedules/${schedule.id}?format=md`}>Download Markdown</Anchor>
              {schedule.abilities.finalize && (
                <Button size="xs" color="green" onClick={() => run(() => finalize.mutateAsync(schedule.id))}>
                  Finalise schedule
                </Button>
              )}
              {schedule.abilities.share && (
                <Button size="xs" variant="light" onClick={() => run(() => share.mutateAsync(schedule.id))}>
                  Share with the provider
                </Button>
              )}
              {schedule.sharedAt && <Badge color="blue">shared {schedule.sharedAt.slice(0, 10)}</Badge>}
            </Group>
            {schedule.clauses.map((c) => (
              <Paper key={c.key} withBorder p="xs" bg={c.included ? undefined : 'gray.0'}>
                <Group justify="space-between" wrap="nowrap" align="start">
                  <Stack gap={2}>
                    <Text fw={600} size="sm">
                      {c.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.reasons.length ? `Why: ${c.reasons.join('; ')}` : 'Not called for by this engagement'}
                    </Text>
                    {c.included && <Text size="sm">{c.text}</Text>}
                    {c.missing.length > 0 && c.included && (
                      <Text size="xs" c="orange">
                        To be agreed: {c.missing.join(', ')}
                      </Text>
                    )}
                  </Stack>
                  <Checkbox aria-label={`Include ${c.title}`} checked={c.included} disabled={!schedule.abilities.edit} onChange={(e) => run(() => edit.mutateAsync({ id: schedule.id, ...(e.currentTarget.checked ? { include: [c.key] } : { exclude: [c.key] }) }))} />
                </Group>
              </Paper>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
