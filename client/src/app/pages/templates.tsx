import { Stack, Text, Title } from '@mantine/core';
import { TemplatesTable } from '../../features/templates/components/templates-table';

export default function TemplatesPage() {
  return (
    <Stack>
      <Title order={2}>Questionnaire templates</Title>
      <Text c="dimmed">Built-in templates written for ISO/IEC 27002:2022, and your own. Sending a questionnaire keeps the template version it was sent with.</Text>
      <TemplatesTable />
    </Stack>
  );
}
