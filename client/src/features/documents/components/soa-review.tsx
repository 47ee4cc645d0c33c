import { Alert, Badge, Button, Group, List, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useReadSoa, useSaveSoa, type SoaImport } from '../api/soas';
import { dayLabel } from '../../../lib/dates';

type Row = SoaImport['rows'][number];
type Source = SoaImport['report']['versionSource'];
/** " sheet “Cover” C10 (value of the label …)": where the import found a value. */
const where = (src: Source) => (src ? ` ${src.sheet ? `sheet “${src.sheet}”` : 'the file'}${src.cell ? ` ${src.cell}` : ''} (${src.how})` : '');
const methodLabel: Record<string, { label: string; color: string }> = {
  direct: { label: 'read', color: 'green' },
  mapped_2013: { label: 'from 2013 id', color: 'blue' },
  repaired_by_title: { label: 'id repaired by title', color: 'yellow' },
  repaired_by_order: { label: 'id repaired by order', color: 'yellow' },
  inferred: { label: 'inferred', color: 'orange' },
  missing: { label: 'missing in file', color: 'red' },
  entered: { label: 'entered', color: 'gray' },
};
const applicableOptions = [
  { value: 'yes', label: 'Applicable' },
  { value: 'no', label: 'Excluded' },
  { value: 'unknown', label: 'Not stated' },
];
const implementationOptions = [
  { value: 'full', label: 'Full' },
  { value: 'partial', label: 'Partial' },
  { value: 'none', label: 'None' },
  { value: 'unknown', label: 'Not stated' },
];

/** Reads the SoA file, shows every control with how it was read, lets the provider correct rows, then saves. */
export function SoaReview({ documentId, fileName, onSaved }: { documentId: string; fileName: string; onSaved: () => void }) {
  const read = useReadSoa();
  const save = useSaveSoa();
  const [reading, setReading] = useState<SoaImport | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [onlyFlagged, setOnlyFlagged] = useState(false);

  const start = async () => {
    setMessage(null);
    try {
      const r = await read.mutateAsync({ documentId, fileName });
      setReading(r);
      setRows(r.rows);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : 'The SoA could not be read');
    }
  };

  const change = (controlId: string, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.controlId === controlId ? { ...r, ...patch, source: { ...r.source, method: r.source.method === 'missing' ? 'entered' : r.source.method } } : r)));

  const submit = async () => {
    if (!reading) return;
    setMessage(null);
    try {
      await save.mutateAsync({
        documentId,
        version: reading.version,
        date: reading.date,
        numbering: reading.numbering,
        rows: rows.map(({ title: _title, ...r }) => r),
        importReport: reading.report,
      });
      notifications.show({ color: 'green', message: 'SoA saved' });
      onSaved();
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : 'The SoA could not be saved');
    }
  };

  if (!reading) {
    return (
      <Stack>
        {message && <Alert color="red">{message}</Alert>}
        <Button onClick={start} loading={read.isPending} w="fit-content">
          Read the SoA file
        </Button>
      </Stack>
    );
  }
  const flagged = (r: Row) => r.source.method !== 'direct' || r.applicable === null;
  const shown = onlyFlagged ? rows.filter(flagged) : rows;
  return (
    <Stack>
      {message && <Alert color="red">{message}</Alert>}
      <Text>
        Read {reading.sheetName ? `sheet “${reading.sheetName}”, ` : ''}numbering {reading.numbering}
        {reading.version ? `, version ${reading.version}` : ''}
        {reading.date ? `, dated ${dayLabel(reading.date)}` : ''}: {reading.summary.applicable} applicable, {reading.summary.excluded} excluded ({reading.summary.excludedWithoutJustification} without justification), {reading.summary.missing} missing.
      </Text>
      <Text size="sm" c="dimmed">
        {reading.version ? `Version read at${where(reading.report.versionSource)}` : 'No version found in any sheet'}
        {'; '}
        {reading.date ? `date read at${where(reading.report.dateSource)}` : 'no date found in any sheet'}.
      </Text>
      {reading.numbering === '2005' && (
        <Alert color="red" title="ISO/IEC 27001:2005 numbering">
          {reading.report.numberingEvidence.join('; ')}. Its controls were not mapped to the 2022 controls: every control is shown as missing in the file.
        </Alert>
      )}
      {(reading.report.inferred.length > 0 || reading.report.ambiguous.length > 0) && (
        <Alert color="yellow" title="Check what was inferred">
          <List size="sm">
            {reading.report.ambiguous.map((a, i) => (
              <List.Item key={`a${i}`}>{a.row ? `Row ${a.row}: ` : ''}{a.message}</List.Item>
            ))}
            {reading.report.inferred.map((a, i) => (
              <List.Item key={`i${i}`}>{a.row ? `Row ${a.row}` : a.controlId}: {a.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {reading.report.ignoredRows.length > 0 && (
        <details>
          <summary>
            {reading.report.ignoredRows.length} row{reading.report.ignoredRows.length === 1 ? '' : 's'} of the sheet not used, and why
          </summary>
          <List size="sm">
            {reading.report.ignoredRows.map((r) => (
              <List.Item key={`g${r.row}`}>
                Row {r.row}: {r.reason}
              </List.Item>
            ))}
          </List>
        </details>
      )}
      <Group>
        <Button variant={onlyFlagged ? 'filled' : 'light'} size="xs" onClick={() => setOnlyFlagged((v) => !v)}>
          {onlyFlagged ? 'Show all 93 controls' : 'Show only rows to check'}
        </Button>
      </Group>
      <Table striped aria-label="SoA rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Control</Table.Th>
            <Table.Th>Applicability</Table.Th>
            <Table.Th>Implementation</Table.Th>
            <Table.Th>Justification</Table.Th>
            <Table.Th>Read as</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r) => (
            <Table.Tr key={r.controlId}>
              <Table.Td>
                <Text fw={500}>{r.controlId}</Text>
                <Text size="xs" c="dimmed">
                  {r.title}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select aria-label={`Applicability of ${r.controlId}`} data={applicableOptions} w={140} value={r.applicable === null ? 'unknown' : r.applicable ? 'yes' : 'no'} allowDeselect={false} onChange={(v) => change(r.controlId, { applicable: v === 'unknown' ? null : v === 'yes' })} />
              </Table.Td>
              <Table.Td>
                <Select aria-label={`Implementation of ${r.controlId}`} data={implementationOptions} w={130} value={r.implementation ?? 'unknown'} allowDeselect={false} onChange={(v) => change(r.controlId, { implementation: v === 'unknown' ? null : (v as Row['implementation']) })} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label={`Justification of ${r.controlId}`} value={r.justification} onChange={(e) => change(r.controlId, { justification: e.currentTarget.value })} error={r.applicable === false && !r.justification.trim() ? 'an exclusion needs a justification' : undefined} />
              </Table.Td>
              <Table.Td>
                <Badge color={methodLabel[r.source.method]?.color ?? 'gray'} variant="light">
                  {methodLabel[r.source.method]?.label ?? r.source.method}
                </Badge>
                {r.source.row && <Text size="xs" c="dimmed">row {r.source.row}</Text>}
                {r.source.note && <Text size="xs" c="dimmed">{r.source.note}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>Saving records these {rows.length} rows as this document's SoA.</Title>
      <Button onClick={submit} loading={save.isPending} w="fit-content">
        Save SoA
      </Button>
    </Stack>
  );
}
