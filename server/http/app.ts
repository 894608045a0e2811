// The express app: JSON API under /api, the built client for everything else.
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../../shared/limits.ts';
import type { Logger } from '../log.ts';
import { checkOrigin, loadUser, type HttpDeps } from './context.ts';
import { clientAssets } from './clientAssets.ts';
import { errorHandler, notFoundApi } from './errors.ts';
import { requestLog } from './requestLog.ts';
import { healthRoutes, metricsRoute, type OpsDeps } from './routes/ops.ts';
import { securityHeaders } from './securityHeaders.ts';
import { authRoutes } from './routes/auth.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { searchRoutes } from './routes/search.ts';
import { exportRoutes } from './routes/exports.ts';
import { overviewRoutes } from './routes/overview.ts';
import { financialsRoutes } from './routes/financials.ts';
import { goalRoutes } from './routes/goals.ts';
import { groupRoutes } from './routes/groups.ts';
import { networkRoutes } from './routes/networks.ts';
import { eventRoutes } from './routes/events.ts';
import { companyRoutes } from './routes/companies.ts';
import { groupKindRoutes } from './routes/groupKinds.ts';
import { myDataRoutes } from './routes/myData.ts';
import { normsRoutes } from './routes/norms.ts';
import { benchmarkRoutes } from './routes/benchmarks.ts';
import { mailRoutes } from './routes/mail.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { readinessRoutes } from './routes/readiness.ts';
import { resourceRoutes, resourceUploadParser } from './routes/resources.ts';
import { wallFileRoutes } from './routes/wallFile.ts';
import { libraryRoutes } from './routes/library.ts';
import { summaryRoutes } from './routes/summary.ts';
import { updateRoutes } from './routes/updates.ts';
import { parkingRoutes } from './routes/parking.ts';
import { attendanceRoutes } from './routes/attendance.ts';

export function createHttpApp(deps: HttpDeps & { log: Logger; clientDir: string | null; ops: OpsDeps }): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLog(deps.log));
  app.use(securityHeaders({ https: deps.secureCookies }));

  const api = express.Router();
  // Resource uploads carry a file as base64: their own larger limit, parsed before the general one.
  api.use('/meetings/:id/resources', resourceUploadParser);
  api.use(express.json({ limit: LIMITS.httpBodyMaxBytes, strict: true }));
  api.use(checkOrigin(deps.allowedOrigins));
  api.use(loadUser(deps.storage));
  api.use(healthRoutes(deps.ops));
  api.use(authRoutes(deps));
  api.use(mailRoutes(deps));
  api.use(readinessRoutes(deps));
  api.use(updateRoutes(deps));
  api.use(parkingRoutes(deps));
  api.use(attendanceRoutes(deps));
  api.use(groupRoutes(deps));
  api.use(normsRoutes(deps));
  api.use(myDataRoutes(deps));
  api.use(networkRoutes(deps));
  api.use(eventRoutes(deps));
  api.use(companyRoutes(deps));
  api.use(groupKindRoutes(deps));
  api.use(benchmarkRoutes(deps));
  api.use(meetingRoutes(deps));
  api.use(calendarRoutes(deps));
  api.use(searchRoutes(deps));
  api.use(exportRoutes(deps));
  api.use(overviewRoutes(deps));
  api.use(financialsRoutes(deps));
  api.use(goalRoutes(deps));
  api.use(summaryRoutes(deps));
  api.use(resourceRoutes(deps));
  api.use(wallFileRoutes(deps));
  api.use(libraryRoutes(deps));
  api.use(notFoundApi);
  // Answered within the router: outside it express has put back req.baseUrl, and the request's
  // log line would name "/me" for a refused /api/me (requestLog.ts).
  api.use(errorHandler(deps.log));
  app.use('/api', api);
  app.get('/metrics', metricsRoute(deps.ops));

  if (deps.clientDir && fs.existsSync(path.join(deps.clientDir, 'index.html'))) app.use(clientAssets(deps.clientDir));
  app.use(errorHandler(deps.log));
  return app;
}
