// Every page is its own chunk, loaded when its route is visited: the sign-in page must not
// pay for the meeting, the financial tables or the notes editor (issue 15: login <= 120 KB gzip).
import { lazy, type ComponentType } from 'react';

/** A page component loaded on first render of its route; `name` is its named export. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const CoachPage = page(() => import('./views/CoachPage.tsx'), 'CoachPage');
export const FiguresRedirect = page(() => import('./views/FinancialsPage.tsx'), 'FiguresRedirect');
export const FinancialsPage = page(() => import('./views/FinancialsPage.tsx'), 'FinancialsPage');
export const GoalsPage = page(() => import('./views/GoalsPage.tsx'), 'GoalsPage');
export const GroupPage = page(() => import('./views/GroupPage.tsx'), 'GroupPage');
export const HomePage = page(() => import('./views/HomePage.tsx'), 'HomePage');
export const InvitePage = page(() => import('./views/InvitePage.tsx'), 'InvitePage');
export const LoginPage = page(() => import('./views/LoginPage.tsx'), 'LoginPage');
export const MeetingPage = page(() => import('./views/MeetingPage.tsx'), 'MeetingPage');
export const MyPage = page(() => import('./views/MyPage.tsx'), 'MyPage');
export const NotFoundPage = page(() => import('./views/NotFoundPage.tsx'), 'NotFoundPage');
export const ProjectorPage = page(() => import('./views/ProjectorPage.tsx'), 'ProjectorPage');
export const RecapPage = page(() => import('./views/RecapPage.tsx'), 'RecapPage');
export const ResourcesPage = page(() => import('./views/ResourcesPage.tsx'), 'ResourcesPage');
export const SearchPage = page(() => import('./views/SearchPage.tsx'), 'SearchPage');
export const SetupPage = page(() => import('./views/SetupPage.tsx'), 'SetupPage');
export const SummaryRedirect = page(() => import('./views/SummaryRedirect.tsx'), 'SummaryRedirect');
export const ForgotPasswordPage = page(() => import('./views/PasswordResetPages.tsx'), 'ForgotPasswordPage');
export const ResetPasswordPage = page(() => import('./views/PasswordResetPages.tsx'), 'ResetPasswordPage');
export const UnsubscribePage = page(() => import('./views/UnsubscribePage.tsx'), 'UnsubscribePage');
export const ParkingPage = page(() => import('./views/ParkingPage.tsx'), 'ParkingPage');
export const UpdatePage = page(() => import('./views/UpdatePage.tsx'), 'UpdatePage');
export const OutboxPage = page(() => import('./views/OutboxPage.tsx'), 'OutboxPage');
export const CoachingPage = page(() => import('./views/CoachingPage.tsx'), 'CoachingPage');
export const OrganiserInvitePage = page(() => import('./views/OrganiserInvitePage.tsx'), 'OrganiserInvitePage');
export const NetworkLibraryPage = page(() => import('./views/NetworkLibraryPage.tsx'), 'NetworkLibraryPage');
export const EventPage = page(() => import('./views/EventPage.tsx'), 'EventPage');
export const NewEventPage = page(() => import('./views/NewEventPage.tsx'), 'NewEventPage');
