import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTemplate } from '../../features/templates/api/templates';
import { TemplatePreview } from '../../features/templates/components/template-preview';

export default function TemplatePage() {
  const { id } = useParams();
  const template = useTemplate(id);
  if (template.isPending) return <Text c="dimmed">Loading…</Text>;
  if (template.isError) return <Alert color="red">{template.error.message}</Alert>;
  const t = template.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t.name}</Title>
          {t.builtin && <Badge>built-in</Badge>}
          <Badge variant="outline">v{t.version}</Badge>
        </Group>
        <Group>
          <Anchor href={`/api/templates/${t.id}/export`}>Export xlsx</Anchor>
          {(t.abilities.update || (t.builtin && t.abilities.use)) && (
            <Button component={Link} to={`/templates/${t.id}/edit`}>
              {t.builtin ? 'Save a copy to edit' : 'Edit'}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t.questionCount} question{t.questionCount === 1 ? '' : 's'} covering {t.controlCount} of the 93 controls · versions {t.versions.map((v) => `v${v.version}`).join(', ')}
      </Text>
      <TemplatePreview content={t.content} />
    </Stack>
  );
}
