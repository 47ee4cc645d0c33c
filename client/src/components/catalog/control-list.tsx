import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { themes } from '../../../../shared/catalog';
import type { ControlDto } from '../../../../shared/schemas/catalog';

const pretty = (v: string) => v.replace(/_/g, ' ');

/** Controls grouped by theme, with their attributes and 2013 predecessors. */
export function ControlList({ controls, onPick, picked }: { controls: ControlDto[]; onPick?: (c: ControlDto) => void; picked?: readonly string[] }) {
  if (controls.length === 0) return <Text c="dimmed">No control matches these filters.</Text>;
  return (
    <Stack gap="lg">
      {themes.map((theme) => {
        const list = controls.filter((c) => c.theme === theme);
        if (!list.length) return null;
        return (
          <Stack key={theme} gap="xs" aria-label={`${theme} controls`}>
            <Title order={4}>
              {theme} ({list.length})
            </Title>
            {list.map((c) => (
              <Paper
                key={c.id}
                withBorder
                p="sm"
                onClick={onPick ? () => onPick(c) : undefined}
                onKeyDown={onPick ? (e) => (e.key === 'Enter' || e.key === ' ') && onPick(c) : undefined}
                tabIndex={onPick ? 0 : undefined}
                role={onPick ? 'button' : undefined}
                aria-pressed={onPick ? picked?.includes(c.id) : undefined}
                bg={picked?.includes(c.id) ? 'blue.0' : undefined}
                style={onPick ? { cursor: 'pointer' } : undefined}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={500}>
                    {c.id} {c.title}
                  </Text>
                  {c.newIn2022 && <Badge color="teal">New in 2022</Badge>}
                </Group>
                <Group gap={4} mt={4}>
                  {[...c.attributes.controlType, ...c.attributes.properties, ...c.attributes.concepts, ...c.attributes.capabilities, ...c.attributes.domains].map((a) => (
                    <Badge key={a} size="xs" variant="light" color="gray">
                      {pretty(a)}
                    </Badge>
                  ))}
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  2013: {c.iso2013.length ? c.iso2013.join(', ') : 'new control, no predecessor'}
                </Text>
              </Paper>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
