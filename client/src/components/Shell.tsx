// The page frame: header with the app name, the user and Logout; the page in <main>.
import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useStore } from '../store/index.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { PageLoading } from './PageLoading.tsx';

export function Shell() {
  const me = useStore((s) => s.me);
  const status = useStore((s) => s.sessionStatus);
  const loadSession = useStore((s) => s.loadSession);
  const logout = useStore((s) => s.logout);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const setupNeeded = useStore((s) => s.setupNeeded);

  // Public pages (login, invite) also want to know who is signed in.
  useEffect(() => {
    if (status === 'unknown') void loadSession();
  }, [status, loadSession]);

  const onLogout = async () => {
    await logout().catch(() => undefined);
    navigate('/login');
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Peerboard
        </Link>
        {me && (
          <nav aria-label="Main" className="app-nav">
            <Link to="/">My groups</Link>
            <Link to="/me">My page</Link>
          </nav>
        )}
        <div className="app-user">
          {me ? (
            <>
              <span className="app-user-name">{me.user.name}</span>
              <button type="button" className="btn btn-quiet" onClick={onLogout}>
                Logout
              </button>
            </>
          ) : (
            // Nothing to sign in to before set-up, and no need for the link on the sign-in page.
            !setupNeeded && pathname !== '/login' && <Link to="/login">Sign in</Link>
          )}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {/* A new page gets a fresh boundary: an error on one page (or its chunk failing to load)
            does not follow you to the next. */}
        <ErrorBoundary key={pathname} what="This page">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
