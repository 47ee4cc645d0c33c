import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EngagementDto } from '../../../../../shared/schemas/engagement';
import { StringList } from '../../../components/ui/string-list';
import { ApiError } from '../../../lib/api-client';
import { useUpdateEngagement } from '../api/engagements';

/** The contracting entity's own other names: the certificate holder is compared with the entity and these only (audited). */
export function EntityNames({ engagement }: { engagement: EngagementDto }) {
  const update = useUpdateEngagement(engagement.id);
  const [names, setNames] = useState<string[]>(engagement.contractingEntityAliases);
  const [errors, setErrors] = useState<(string | undefined)[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  if (!engagement.abilities.update) {
    return engagement.contractingEntityAliases.length ? (
      <Text size="xs" c="dimmed">
        Also known as: {engagement.contractingEntityAliases.join('; ')}
      </Text>
    ) : null;
  }
  const save = async () => {
    setMessage(null);
    setErrors([]);
    try {
      await update.mutateAsync({ contractingEntityAliases: names.map((n) => n.trim()).filter(Boolean) });
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setErrors(names.map((_n, i) => err.fields.find((f) => f.path === `contractingEntityAliases.${i}`)?.message));
        setMessage(err.fields.find((f) => f.path === 'contractingEntityAliases')?.message ?? null);
      } else setMessage(err instanceof Error ? err.message : 'Not saved');
    }
  };
  return (
    <Stack gap={4}>
      {message && <Alert color="red">{message}</Alert>}
      <StringList label={`Other names of ${engagement.contractingEntity}`} itemLabel="Other name" addLabel="Add another name" value={names} onChange={setNames} errors={errors} />
      <Group>
        <Button size="xs" variant="light" onClick={save} loading={update.isPending}>
          Save names
        </Button>
      </Group>
    </Stack>
  );
}
