// Goals: listing, setting, editing, reviewing (with carry-over), dropping or rewording a carried goal,
// completion, the meeting's goal review.
import { Router } from 'express';
import { goalBody, goalPatchBody, goalQuery, goalReviewBody } from '../../../shared/records.ts';
import { goalDropSchema, goalRewordSchema } from '../../../shared/goals/goalBodies.ts';
import { dropCarriedGoal, rewordCarriedGoal } from '../../services/carriedGoals.ts';
import * as goals from '../../services/goals.ts';
import { goalsOverview } from '../../services/goalsOverview.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function goalRoutes(deps: HttpDeps): Router {
  const { storage } = deps;
  const r = Router();
  const p = (v: unknown) => String(v);

  r.get('/groups/:id/goals', route(async (req, res) => {
    res.json(await goals.listGoals(storage, requireUser(res).id, p(req.params.id), parseBody(goalQuery, req.query)));
  }));
  r.post('/groups/:id/goals', route(async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await goals.createGoal(deps, user.id, p(req.params.id), parseBody(goalBody, req.body)));
  }));
  r.get('/groups/:id/goals/completion', route(async (req, res) => {
    res.json(await goals.goalCompletion(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.get('/groups/:id/goals/overview', route(async (req, res) => {
    const { quarter } = parseBody(goalQuery, req.query);
    res.json(await goalsOverview(storage, requireUser(res).id, p(req.params.id), quarter));
  }));
  r.patch('/goals/:id', route(async (req, res) => {
    const user = requireUser(res);
    res.json(await goals.updateGoal(deps, user.id, p(req.params.id), parseBody(goalPatchBody, req.body)));
  }));
  r.put('/goals/:id/review', route(async (req, res) => {
    const user = requireUser(res);
    res.json(await goals.reviewGoal(deps, user.id, p(req.params.id), parseBody(goalReviewBody, req.body)));
  }));
  r.post('/goals/:id/drop', route(async (req, res) => {
    res.json(await dropCarriedGoal(deps, requireUser(res).id, p(req.params.id), parseBody(goalDropSchema, req.body)));
  }));
  r.post('/goals/:id/reword', route(async (req, res) => {
    res.json(await rewordCarriedGoal(deps, requireUser(res).id, p(req.params.id), parseBody(goalRewordSchema, req.body)));
  }));
  r.delete('/goals/:id', route(async (req, res) => {
    await goals.deleteGoal(deps, requireUser(res).id, p(req.params.id));
    res.status(204).end();
  }));
  r.get('/meetings/:id/goal-review', route(async (req, res) => {
    res.json(await goals.goalReviewSet(storage, requireUser(res).id, p(req.params.id)));
  }));
  return r;
}
