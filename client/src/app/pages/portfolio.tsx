import { Stack, Text, Title } from '@mantine/core';
import { PortfolioTable } from '../../features/engagements/components/portfolio-table';

export default function PortfolioPage() {
  return (
    <Stack>
      <Title order={2}>Portfolio</Title>
      <Text c="dimmed">Every provider engagement with its score, residual risk, open findings and certificate status.</Text>
      <PortfolioTable />
    </Stack>
  );
}
