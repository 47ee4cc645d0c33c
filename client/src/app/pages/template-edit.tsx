import { Alert, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { useTemplate } from '../../features/templates/api/templates';
import { TemplateBuilder } from '../../features/templates/components/template-builder';

export default function TemplateEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const template = useTemplate(id);
  if (id && template.isPending) return <Text c="dimmed">Loading…</Text>;
  if (id && template.isError) return <Alert color="red">{template.error.message}</Alert>;
  return (
    <Stack>
      <Title order={2}>{id ? (template.data?.builtin ? `New template from ${template.data.name}` : `Edit ${template.data?.name}`) : 'New template'}</Title>
      <TemplateBuilder
        template={template.data}
        onSaved={(t) => {
          notifications.show({ color: 'green', message: `Saved “${t.name}” v${t.version}` });
          navigate(`/templates/${t.id}`);
        }}
      />
    </Stack>
  );
}
