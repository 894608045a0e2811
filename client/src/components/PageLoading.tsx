// Shown for the moment a page's chunk is on its way (routes are loaded lazily).
export function PageLoading() {
  return <p className="loading">Loading…</p>;
}
