import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TemplateContentInput } from '../../../../../shared/schemas/template';

const typeLabel: Record<string, string> = { yes_no: 'Yes / Partial / No', single_choice: 'One choice', multiple_choice: 'Several choices', text: 'Text', date: 'Date', number: 'Number' };

/** The questionnaire as the provider will see it. */
export function TemplatePreview({ content }: { content: TemplateContentInput }) {
  let n = 0;
  return (
    <Stack gap="lg">
      <div>
        <Title order={3}>{content.name || 'Untitled template'}</Title>
        {content.description && <Text c="dimmed">{content.description}</Text>}
      </div>
      {content.sections.map((s, si) => (
        <Stack key={`${s.key}-${si}`} gap="xs">
          <Title order={4}>{s.title || s.key}</Title>
          {s.questions.map((q, qi) => (
            <Paper key={`${q.key}-${qi}`} withBorder p="sm">
              <Group justify="space-between" wrap="nowrap" align="start">
                <Text fw={500}>
                  {++n}. {q.text}
                </Text>
                <Group gap={4} wrap="nowrap">
                  {(q.controlIds ?? []).map((c) => (
                    <Badge key={c} size="xs" variant="light">
                      {c}
                    </Badge>
                  ))}
                </Group>
              </Group>
              <Text size="xs" c="dimmed">
                {typeLabel[q.answerType]}
                {q.options?.length ? `: ${q.options.map((o) => `${o.label}${o.credit === null ? ' (n.a.)' : ` (${o.credit})`}`).join(' · ')}` : ''}
                {q.evidence && q.evidence !== 'none' ? ` · evidence ${q.evidence}` : ''}
                {q.weight !== undefined && q.weight !== 1 ? ` · weight ${q.weight}` : ''}
                {q.condition ? ` · only if "${q.condition.questionKey}" is ${q.condition.anyOf.join(' or ')}` : ''}
              </Text>
              {q.guidance && (
                <Text size="sm" mt={4}>
                  {q.guidance}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
