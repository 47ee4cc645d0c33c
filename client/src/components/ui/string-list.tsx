import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';

/**
 * An editable list of strings (services, sub-contractors). react-hook-form's
 * field arrays hold objects, so a list of plain strings is one controlled value.
 */
export function StringList({
  label,
  itemLabel,
  addLabel,
  value,
  onChange,
  errors,
  error,
  placeholder,
  min = 0,
}: {
  label: string;
  itemLabel: string;
  addLabel: string;
  value: string[] | undefined;
  onChange: (v: string[]) => void;
  errors?: (string | undefined)[];
  error?: string;
  placeholder?: string;
  min?: number;
}) {
  const items = value ?? [];
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {items.map((item, i) => (
        <Group key={i} wrap="nowrap">
          <TextInput aria-label={`${itemLabel} ${i + 1}`} placeholder={placeholder} style={{ flex: 1 }} value={item} onChange={(e) => onChange(items.map((x, j) => (j === i ? e.currentTarget.value : x)))} error={errors?.[i]} />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`} disabled={items.length <= min} onClick={() => onChange(items.filter((_x, j) => j !== i))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text c="red" size="xs">
          {error}
        </Text>
      )}
      <Button variant="subtle" w="fit-content" onClick={() => onChange([...items, ''])}>
        {addLabel}
      </Button>
    </Stack>
  );
}
