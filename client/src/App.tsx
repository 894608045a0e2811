// Routes, each page a chunk loaded when visited (routePages.ts). The projector is outside the
// shell: the wall shows the meeting, not our header.
import { Suspense } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { Shell } from './components/Shell.tsx';
import {
  CoachPage,
  CoachingPage,
  EventPage,
  NewEventPage,
  FiguresRedirect,
  FinancialsPage,
  ForgotPasswordPage,
  GoalsPage,
  GroupPage,
  HomePage,
  InvitePage,
  LoginPage,
  MeetingPage,
  MyPage,
  NotFoundPage,
  OrganiserInvitePage,
  OutboxPage,
  NetworkLibraryPage,
  ProjectorPage,
  RecapPage,
  UpdatePage,
  ParkingPage,
  ResetPasswordPage,
  ResourcesPage,
  SearchPage,
  SetupPage,
  SummaryRedirect,
  UnsubscribePage,
} from './routePages.ts';

export function App() {
  return (
    <Routes>
      <Route
        path="/meetings/:id/projector"
        element={
          <ErrorBoundary what="The projector view">
            <RequireAuth>
              <Suspense fallback={<PageLoading />}>
                <ProjectorPage />
              </Suspense>
            </RequireAuth>
          </ErrorBoundary>
        }
      />
      <Route element={<Shell />}>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route path="/organiser-invite/:token" element={<OrganiserInvitePage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
        <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
        <Route
          element={
            <RequireAuth>
              <Outlet />
            </RequireAuth>
          }
        >
          <Route path="/" element={<HomePage />} />
          <Route path="/me" element={<MyPage />} />
          <Route path="/coaching" element={<CoachingPage />} />
          <Route path="/me/mail" element={<MyPage />} />
          <Route path="/networks/:id/outbox" element={<OutboxPage />} />
          <Route path="/networks/:id/library" element={<NetworkLibraryPage />} />
          <Route path="/networks/:id/events/new" element={<NewEventPage />} />
          <Route path="/events/:id" element={<EventPage />} />
          <Route path="/groups/:id" element={<GroupPage />} />
          <Route path="/groups/:id/search" element={<SearchPage />} />
          <Route path="/groups/:id/coach" element={<CoachPage />} />
          <Route path="/groups/:id/figures" element={<FiguresRedirect />} />
          <Route path="/meetings/:id" element={<MeetingPage />} />
          <Route path="/meetings/:id/recap" element={<RecapPage />} />
          <Route path="/meetings/:id/update" element={<UpdatePage />} />
          <Route path="/meetings/:id/summary" element={<SummaryRedirect />} />
          <Route path="/groups/:id/financials" element={<FinancialsPage />} />
          <Route path="/groups/:id/goals" element={<GoalsPage />} />
          <Route path="/groups/:id/resources" element={<ResourcesPage />} />
          <Route path="/groups/:id/parking" element={<ParkingPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
