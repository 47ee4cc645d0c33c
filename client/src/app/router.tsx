import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './layout/app-layout';

// Each page is its own chunk: the first load carries only the shell.
const LoginPage = lazy(() => import('./pages/login'));
const AcceptInvitationPage = lazy(() => import('./pages/accept-invitation'));
const ForgotPasswordPage = lazy(() => import('./pages/forgot-password'));
const ResetPasswordPage = lazy(() => import('./pages/reset-password'));
const AccountPage = lazy(() => import('./pages/account'));
const HomePage = lazy(() => import('./pages/home'));
const UsersPage = lazy(() => import('./pages/users'));
const AuditPage = lazy(() => import('./pages/audit'));
const PortfolioPage = lazy(() => import('./pages/portfolio'));
const ScoringPage = lazy(() => import('./pages/scoring'));
const ClausesPage = lazy(() => import('./pages/clauses'));
const EngagementsPage = lazy(() => import('./pages/engagements'));
const NewEngagementPage = lazy(() => import('./pages/engagement-new'));
const EngagementPage = lazy(() => import('./pages/engagement'));
const AssessmentsPage = lazy(() => import('./pages/assessments'));
const AssessmentPage = lazy(() => import('./pages/assessment'));
const CatalogPage = lazy(() => import('./pages/catalog'));
const TemplatesPage = lazy(() => import('./pages/templates'));
const TemplatePage = lazy(() => import('./pages/template'));
const TemplateEditPage = lazy(() => import('./pages/template-edit'));
const DocumentsPage = lazy(() => import('./pages/documents'));
const DocumentCertificatePage = lazy(() => import('./pages/document-certificate'));
const DocumentSoaPage = lazy(() => import('./pages/document-soa'));
const NotFoundPage = lazy(() => import('./pages/not-found'));

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invitations/accept', element: <AcceptInvitationPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'portfolio', element: <PortfolioPage /> },
      { path: 'scoring', element: <ScoringPage /> },
      { path: 'clauses', element: <ClausesPage /> },
      { path: 'engagements', element: <EngagementsPage /> },
      { path: 'engagements/new', element: <NewEngagementPage /> },
      { path: 'engagements/:id', element: <EngagementPage /> },
      { path: 'assessments', element: <AssessmentsPage /> },
      { path: 'assessments/:id', element: <AssessmentPage /> },
      { path: 'catalog', element: <CatalogPage /> },
      { path: 'templates', element: <TemplatesPage /> },
      { path: 'templates/new', element: <TemplateEditPage /> },
      { path: 'templates/:id', element: <TemplatePage /> },
      { path: 'templates/:id/edit', element: <TemplateEditPage /> },
      { path: 'documents', element: <DocumentsPage /> },
      { path: 'documents/:id/certificate', element: <DocumentCertificatePage /> },
      { path: 'documents/:id/soa', element: <DocumentSoaPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
