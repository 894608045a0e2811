// Routes. The projector is outside the shell: the wall shows the meeting, not our header.
import { Outlet, Route, Routes } from 'react-router';
import { RequireAuth } from './components/RequireAuth.tsx';
import { Shell } from './components/Shell.tsx';
import { GroupPage } from './views/GroupPage.tsx';
import { HomePage } from './views/HomePage.tsx';
import { InvitePage } from './views/InvitePage.tsx';
import { LoginPage } from './views/LoginPage.tsx';
import { MeetingPage } from './views/MeetingPage.tsx';
import { NotFoundPage } from './views/NotFoundPage.tsx';
import { ProjectorPage } from './views/ProjectorPage.tsx';
import { SearchPage } from './views/SearchPage.tsx';
import { ResourcesPage } from './views/ResourcesPage.tsx';
import { RecapPage } from './views/RecapPage.tsx';
import { MyPage } from './views/MyPage.tsx';
import { CoachPage } from './views/CoachPage.tsx';
import { SetupPage } from './views/SetupPage.tsx';
import { SummaryRedirect } from './views/SummaryRedirect.tsx';
import { FiguresRedirect, FinancialsPage } from './views/FinancialsPage.tsx';
import { GoalsPage } from './views/GoalsPage.tsx';

export function App() {
  return (
    <Routes>
      <Route
        path="/meetings/:id/projector"
        element={
          <RequireAuth>
            <ProjectorPage />
          </RequireAuth>
        }
      />
      <Route element={<Shell />}>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route
          element={
            <RequireAuth>
              <Outlet />
            </RequireAuth>
          }
        >
          <Route path="/" element={<HomePage />} />
          <Route path="/me" element={<MyPage />} />
          <Route path="/groups/:id" element={<GroupPage />} />
          <Route path="/groups/:id/search" element={<SearchPage />} />
          <Route path="/groups/:id/coach" element={<CoachPage />} />
          <Route path="/groups/:id/figures" element={<FiguresRedirect />} />
          <Route path="/meetings/:id" element={<MeetingPage />} />
          <Route path="/meetings/:id/recap" element={<RecapPage />} />
          <Route path="/meetings/:id/summary" element={<SummaryRedirect />} />
          <Route path="/groups/:id/financials" element={<FinancialsPage />} />
          <Route path="/groups/:id/goals" element={<GoalsPage />} />
          <Route path="/groups/:id/resources" element={<ResourcesPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
