import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { NavLink as RouterLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../../../shared/roles';
import { useSession } from '../../features/auth/api/get-session';
import { useLogout } from '../../features/auth/api/logout';
import { navigation } from '../navigation';
import { PageLoader } from './page-loader';

/** The signed-in shell: header, role-dependent navigation, and the page. No session: to the login page. */
export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [opened, { toggle }] = useDisclosure();

  if (session.isPending) return <PageLoader />;
  if (session.isError) return <Text c="red" p="xl">{session.error.message}</Text>;
  const user = session.data;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={3}>Scopewise</Title>
            <Text c="dimmed" size="sm">
              {user.organization.name}
            </Text>
          </Group>
          <Group>
            <Anchor component={RouterLink} to="/account" size="sm" data-testid="current-user" aria-label="Your account">
              {user.name} · {roleLabels[user.role]}
            </Anchor>
            <Button variant="subtle" size="xs" onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/login') })}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <Stack gap={2}>
          {navigation
            .filter((item) => item.show(user))
            .map((item) => (
              <NavLink key={item.to} component={RouterLink} to={item.to} label={item.label} end={item.to === '/'} />
            ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
