import { parentPort, workerData } from 'node:worker_threads';
import { platformCalendar } from '../calendar.js';
import { evaluateGroup, type GroupResult } from '../engine/evaluate.js';
import { EVALUATORS } from '../evaluators/index.js';
import { objectsOf } from '../store/doc-rows.js';
import { pageSnapshots, readPage } from '../store/page.js';
import { type VenueDoc, VenueFeed, type VenueWindow } from '../store/venue-events.js';
import type { FromWorker, ToWorker, WorkerInit } from './evaluation-pool.js';

/**
 * An evaluation worker of a full re-evaluation (evaluation-pool.ts): reads a page's documents
 * into snapshots — asking the engine's thread for the venue feed its area stays need — and
 * evaluates the rules over them, exactly as the engine's own thread would (store/page.ts).
 */
const init = workerData as WorkerInit;
const reference = objectsOf(init.reference);
const evaluators = init.ruleIds.map((id) => EVALUATORS.find((e) => e.ruleId === id)!);
const options = { calendar: platformCalendar(), evaluators, settings: init.settings };
const asOf = new Date(init.asOf);
const waitingForVenues = new Map<number, (doc: VenueDoc) => void>();
const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  if (m.kind === 'venues') {
    waitingForVenues.get(m.page)?.(m.doc);
    waitingForVenues.delete(m.page);
    return;
  }
  evaluatePage(m.page, m.groups, m.docs).catch((err: Error) => send({ kind: 'failed', page: m.page, message: err.message }));
});

async function evaluatePage(id: number, groups: string[], docs: { events: unknown; objects: unknown }): Promise<void> {
  const page = readPage(groups, asOf, docs);
  let venueDoc: VenueDoc = null;
  if (page.windows.size > 0) {
    const windows: Array<[string, VenueWindow]> = [...page.windows];
    venueDoc = await new Promise((resolve) => {
      waitingForVenues.set(id, resolve);
      send({ kind: 'venues', page: id, windows });
    });
  }
  const results: Array<[string, GroupResult]> = pageSnapshots(page, reference, new VenueFeed(venueDoc, asOf))
    .map((s) => [s.groupId, evaluateGroup(s, options)]);
  send({ kind: 'done', page: id, results });
}
