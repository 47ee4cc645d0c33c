import { Alert, Badge, Button, Group, Paper, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { describeApiError } from '../../lib/error-wording';
import { useState } from 'react';
import type { ClauseDto } from '../../../../shared/schemas/clause';
import { useClauses, useUpdateClause } from '../../features/clauses/api/clauses';

function when(c: ClauseDto): string {
  if (c.when === 'always') return 'every engagement';
  const w = c.when as Record<string, unknown>;
  const parts = [...((w.dataCategories as string[] | undefined) ?? []).map((d) => d.replace('_', ' ')), w.usesCloud && 'cloud', w.remoteWork && 'remote work', w.subcontractors && 'sub-contractors', w.developsSoftware && 'software development'].filter(Boolean);
  return parts.length ? parts.join(', ') : 'only when a finding calls for it';
}

function ClauseCard({ clause }: { clause: ClauseDto }) {
  const update = useUpdateClause();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(clause.title);
  const [text, setText] = useState(clause.text);
  const [error, setError] = useState<string | null>(null);
  const save = async (body: { title?: string; text?: string; disabled?: boolean }) => {
    setError(null);
    try {
      await update.mutateAsync({ id: clause.id, ...body });
      setEditing(false);
    } catch (err) {
      setError(describeApiError(err, { title: 'Title', text: 'Clause text' }));
    }
  };
  return (
    <Paper withBorder p="sm" aria-label={`Clause ${clause.key}`} bg={clause.disabled ? 'gray.0' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text fw={600}>{clause.title}</Text>
            <Badge variant="outline">v{clause.version}</Badge>
            {clause.disabled && <Badge color="gray">disabled</Badge>}
          </Group>
          {clause.abilities.edit && <Switch label="In use" checked={!clause.disabled} onChange={(e) => save({ disabled: !e.currentTarget.checked })} />}
        </Group>
        <Text size="xs" c="dimmed">
          Applies to: {when(clause)}
          {clause.findingCodes.length ? ` · called for by ${clause.findingCodes.join(', ')}` : ''}
          {clause.controlIds.length ? ` · controls ${clause.controlIds.join(', ')}` : ''}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {editing ? (
          <>
            <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Textarea label="Text (variables as {{name}})" autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            <Group>
              <Button size="xs" onClick={() => save({ title, text })} loading={update.isPending}>
                Save new version
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">{clause.text}</Text>
            {clause.abilities.edit && (
              <Button size="xs" variant="subtle" w="fit-content" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

export default function ClausesPage() {
  const clauses = useClauses();
  return (
    <Stack>
      <Title order={2}>Clause library</Title>
      <Text c="dimmed">The contract security clauses schedules are built from. Edits make a new version; schedules already generated keep theirs.</Text>
      {clauses.isError && <Alert color="red">{clauses.error.message}</Alert>}
      {clauses.data?.map((c) => <ClauseCard key={c.id} clause={c} />)}
    </Stack>
  );
}
