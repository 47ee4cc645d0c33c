import { Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { controlTypes, cybersecurityConcepts, operationalCapabilities, securityDomains, securityProperties, themes } from '../../../../shared/catalog';

export const families = [
  { param: 'theme', label: 'Theme', values: themes },
  { param: 'controlType', label: 'Control type', values: controlTypes },
  { param: 'property', label: 'Security properties', values: securityProperties },
  { param: 'concept', label: 'Cybersecurity concepts', values: cybersecurityConcepts },
  { param: 'capability', label: 'Operational capabilities', values: operationalCapabilities },
  { param: 'domain', label: 'Security domains', values: securityDomains },
] as const;

const pretty = (v: string) => v.replace(/_/g, ' ');

/** Search and attribute chips; the state lives in the given URL parameters (OR within a family, AND across). */
export function ControlFilters({ params, onChange }: { params: URLSearchParams; onChange: (p: URLSearchParams) => void }) {
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => {
    const t = setTimeout(() => {
      if ((params.get('q') ?? '') === q) return;
      const next = new URLSearchParams(params);
      if (q) next.set('q', q);
      else next.delete('q');
      onChange(next);
    }, 250);
    return () => clearTimeout(t);
  }, [q, params, onChange]);
  return (
    <Stack gap="xs">
      <TextInput label="Search controls" placeholder="Id, title or a 2013 id (A.9.2.3)" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {families.map((f) => (
        <div key={f.param}>
          <Text size="xs" fw={600} c="dimmed">
            {f.label}
          </Text>
          <Chip.Group
            multiple
            value={params.getAll(f.param)}
            onChange={(values) => {
              const next = new URLSearchParams(params);
              next.delete(f.param);
              for (const v of values) next.append(f.param, v);
              onChange(next);
            }}
          >
            <Group gap={6} mt={4}>
              {f.values.map((v) => (
                <Chip key={v} value={v} size="xs">
                  {pretty(v)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
      ))}
    </Stack>
  );
}
