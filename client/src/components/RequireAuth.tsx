// Guards signed-in pages: first-run goes to /setup, signed-out visitors to /login?next=<here>.
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useStore } from '../store/index.ts';

export function RequireAuth({ children }: { children: ReactNode }) {
  const status = useStore((s) => s.sessionStatus);
  const setupNeeded = useStore((s) => s.setupNeeded);
  const loadSession = useStore((s) => s.loadSession);
  const location = useLocation();

  useEffect(() => {
    if (status === 'unknown') void loadSession();
  }, [status, loadSession]);

  if (setupNeeded) return <Navigate to="/setup" replace />;
  if (status === 'signedOut') {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (status !== 'signedIn') return <p className="loading">Loading…</p>;
  return <>{children}</>;
}
