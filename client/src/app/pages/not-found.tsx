import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <Title order={2}>Page not found</Title>
      <Text c="dimmed">This page does not exist, or it is not shared with your organization.</Text>
      <Button component={Link} to="/">
        Home
      </Button>
    </Stack>
  );
}
