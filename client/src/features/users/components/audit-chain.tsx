import { Alert, Anchor, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useVerifyAuditChain } from '../api/audit';

/** Checks the audit trail's hash chain and offers the export an auditor recomputes on their own. */
export function AuditChain() {
  const verify = useVerifyAuditChain();
  const r = verify.data;
  return (
    <Stack gap="xs" aria-label="Audit chain">
      <Text size="sm" c="dimmed">
        Each event is sealed with a SHA-256 hash of itself and of the event before it: a change to any past event breaks the chain from there on.
      </Text>
      <Group>
        <Button size="xs" variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          Verify the audit trail
        </Button>
        <Anchor size="sm" href="/api/audit/export">
          Export for an auditor (JSON Lines, with the hashes and how to recompute them)
        </Anchor>
      </Group>
      {verify.isError && (
        <Alert color="red" role="alert">
          The check could not run: {verify.error.message}
        </Alert>
      )}
      {r &&
        (r.firstBrokenAt === null ? (
          <Alert color="green" role="status" title="The chain holds">
            {r.events} events, each following from the one before. Note the last hash to check later that the trail only grew: <Code style={{ wordBreak: 'break-all' }}>{r.headHash ?? '—'}</Code> (event {r.headSeq}).
          </Alert>
        ) : (
          <Alert color="red" role="alert" title={`The chain breaks at event ${r.firstBrokenAt}`}>
            {r.problem} Events from there on cannot be trusted as recorded; ask your administrator and keep this result.
          </Alert>
        ))}
    </Stack>
  );
}
