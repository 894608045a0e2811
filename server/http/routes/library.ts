// The network library and its best-practice competitions: proposals and the coach's decision
// in the group; the published library, its search and file downloads for the network.
import { Router } from 'express';
import { competitionBody, libraryDecisionBody, libraryProposalBody, voteBody } from '../../../shared/library.ts';
import { servedContentType } from '../../../shared/resources.ts';
import * as competitions from '../../services/competitions.ts';
import * as library from '../../services/library.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';
import { attachmentDisposition } from './resources.ts';

export function libraryRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  const p = (v: unknown) => String(v);

  r.post('/groups/:id/library', route(async (req, res) => {
    res.status(201).json(await library.proposeEntry(storage, requireUser(res).id, p(req.params.id), parseBody(libraryProposalBody, req.body)));
  }));
  r.get('/groups/:id/library', route(async (req, res) => {
    res.json(await library.groupEntries(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.post('/library/:id/decision', route(async (req, res) => {
    res.json(await library.decideEntry(storage, requireUser(res).id, p(req.params.id), parseBody(libraryDecisionBody, req.body)));
  }));
  r.post('/library/:id/withdraw', route(async (req, res) => {
    res.json(await library.withdrawEntry(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.get('/library/:id/file', route(async (req, res) => {
    const file = await library.entryFile(storage, requireUser(res).id, p(req.params.id));
    // As for the group's own files: always saved, never rendered in our origin.
    res.setHeader('Content-Type', servedContentType(file.contentType));
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
  }));
  r.get('/networks/:id/library', route(async (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    const id = p(req.params.id);
    const userId = requireUser(res).id;
    if (q.trim()) res.json(await library.searchNetworkLibrary(storage, userId, id, q));
    else res.json((await library.networkLibrary(storage, userId, id)).map((entry) => ({ entry, snippet: '' })));
  }));

  r.post('/networks/:id/competitions', route(async (req, res) => {
    res.status(201).json(await competitions.openCompetition(storage, requireUser(res).id, p(req.params.id), parseBody(competitionBody, req.body)));
  }));
  r.get('/networks/:id/competitions', route(async (req, res) => {
    res.json(await competitions.listCompetitions(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.get('/competitions/:id', route(async (req, res) => {
    res.json(await competitions.getCompetition(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.put('/competitions/:id/vote', route(async (req, res) => {
    res.json(await competitions.vote(storage, requireUser(res).id, p(req.params.id), parseBody(voteBody, req.body)));
  }));
  return r;
}
