import { Alert, Anchor, Badge, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { useImportTemplate, useTemplates } from '../api/templates';

/** Built-in and own templates, with import from xlsx (problems listed by sheet, row and column) and export; writing shows when the server allows it. */
export function TemplatesTable() {
  const list = useTemplates();
  const importing = useImportTemplate();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<{ sheet?: string; row: number; column: string; message: string }[] | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setProblems(null);
    try {
      const t = await importing.mutateAsync(file);
      notifications.show({ color: 'green', message: `Imported “${t.name}”` });
      navigate(`/templates/${t.id}`);
    } catch (err) {
      const details = (err as ApiError).details as { problems?: typeof problems } | undefined;
      if (details?.problems) setProblems(details.problems);
      else notifications.show({ color: 'red', message: (err as Error).message });
    }
  };
  return (
    <Stack>
      {list.data?.abilities.create && (
        <Group>
          <Button component={Link} to="/templates/new">
            New template
          </Button>
          <FileButton onChange={upload} accept=".xlsx">
            {(props) => (
              <Button variant="default" {...props} loading={importing.isPending}>
                Import from xlsx
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {problems && (
        <Alert color="red" title="Nothing was imported: fix these cells and try again">
          <Table aria-label="Import problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sheet</Table.Th>
                <Table.Th>Row</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{p.sheet}</Table.Td>
                  <Table.Td>{p.row || ''}</Table.Td>
                  <Table.Td>{p.column}</Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
      {list.isPending && <Text c="dimmed">Loading…</Text>}
      {list.data && (
        <Table striped aria-label="Templates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Template</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Questions</Table.Th>
              <Table.Th>Controls</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.templates.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/templates/${t.id}`}>
                    {t.name}
                  </Anchor>{' '}
                  {t.builtin && <Badge size="xs">built-in</Badge>} {t.archived && <Badge size="xs" color="gray">archived</Badge>}
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {t.description}
                  </Text>
                </Table.Td>
                <Table.Td>v{t.version}</Table.Td>
                <Table.Td>{t.questionCount}</Table.Td>
                <Table.Td>{t.controlCount} / 93</Table.Td>
                <Table.Td>
                  <Anchor href={`/api/templates/${t.id}/export`}>Export xlsx</Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
