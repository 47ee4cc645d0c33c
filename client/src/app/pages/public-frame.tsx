import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';
import { PageLoader } from '../layout/page-loader';

/** The frame of the pages seen before signing in. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w={440} radius="md">
        <Stack gap="xs" mb="lg">
          <Title order={2}>Scopewise</Title>
          <Text c="dimmed" size="sm">
            Vendor due diligence against ISO/IEC 27002:2022
          </Text>
          <Title order={4} mt="sm">
            {title}
          </Title>
        </Stack>
        <Suspense fallback={<PageLoader />}>{children}</Suspense>
      </Paper>
    </Center>
  );
}
