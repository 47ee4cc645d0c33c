import { Grid, Stack, Text, Title } from '@mantine/core';
import { useControls } from '../../features/catalog/api/controls';
import { ControlFilters } from '../../components/catalog/control-filters';
import { ControlList } from '../../components/catalog/control-list';
import { useUrlParams } from '../../lib/url-params';

export default function CatalogPage() {
  const [params, update] = useUrlParams();
  const controls = useControls(params);
  return (
    <Stack>
      <Title order={2}>ISO/IEC 27002:2022 controls</Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ControlFilters params={params} onChange={update} />
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
