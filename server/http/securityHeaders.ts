// Security headers on every response, through helmet. The built client is one script file and
// stylesheets from our own origin, so scripts are 'self' only (no inline script is needed or
// allowed). Nobody may frame the app (clickjacking of the facilitator's console). HSTS and
// upgrade-insecure-requests only when the public origin is https: on plain http (localhost,
// a LAN demo) they would make browsers refuse or rewrite the app's own addresses.
import helmet from 'helmet';

export function securityHeaders({ https }: { https: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // React sets style attributes through the DOM; TipTap's editor adds inline styles too.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        // socket.io and the collab endpoint are same-origin websockets ('self' covers ws/wss).
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // Same-origin referrers only: invite and calendar-feed addresses never leak to other sites.
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
}
