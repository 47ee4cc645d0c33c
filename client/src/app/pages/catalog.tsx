import { Grid, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useControls } from '../../features/catalog/api/controls';
import { ControlFilters } from '../../components/catalog/control-filters';
import { ControlList } from '../../components/catalog/control-list';

export default function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const controls = useControls(params);
  const onChange = useCallback((p: URLSearchParams) => setParams(p, { replace: true }), [setParams]);
  return (
    <Stack>
      <Title order={2}>ISO/IEC 27002:2022 controls</Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ControlFilters params={params} onChange={onChange} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Text size="sm" c="dimmed" mb="xs">
            {controls.data ? `${controls.data.length} of 93 controls` : 'Loading…'}
          </Text>
          {controls.data && <ControlList controls={controls.data} />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
