/**
 * Assembles a proof of reservation from the store: finds the candidate entries by topic (the
 * recording's line-ups, its performers' mandate versions, the declarations), lets the pure selection
 * pick what the proof must carry, and adds inclusion proofs for a checkpoint covering them (all read
 * in one node query).
 */
import { parseIsrc } from '../registry/identifiers.js';
import { QUERY_USES, toInstant, type QueryUse } from '../registry/model.js';
import { RegistryError } from '../registry/errors.js';
import { encodeBase64 } from './base64.js';
import { DECLARATIONS_TOPIC, performerTopic, recordingTopic } from './entries.js';
import { parseEntry } from './entry-codec.js';
import { LedgerError } from './errors.js';
import { inclusionProofPlan, planNodeIds } from './plan.js';
import { proofFromPlan } from './proof.js';
import type { IndexedEntry } from './replay.js';
import { PROOF_FORMAT, selectProofEntries, type ReservationProof } from './reservation-proof.js';
import { nodeGetter } from './sql-nodes.js';
import type { LedgerStore, StoredCheckpoint, StoredEntry } from './store.js';

/** Finds a recording's id by normalised ISRC (the registry store's `findRecording`). */
export type RecordingFinder = (isrc: string) => Promise<{ id: string } | null>;

export interface ProofRequest {
  /** Instant (ISO-8601 date or date-time); default now. */
  at?: string | undefined;
  /** One use; default every use. */
  use?: QueryUse | undefined;
  territory?: string | undefined;
}

export interface ProofDeps {
  store: LedgerStore;
  findRecording: RecordingFinder;
  checkpointCovering: (size: number) => Promise<StoredCheckpoint>;
  now: () => Date;
}

function request(isrcInput: string, q: ProofRequest, now: () => Date) {
  const isrc = parseIsrc(isrcInput);
  if (!isrc.ok) throw new RegistryError('REGISTRY_INVALID_ID', `${isrcInput}: ${isrc.reason}`);
  const at = q.at === undefined ? now().toISOString() : toInstant(q.at);
  if (at === null) throw new RegistryError('REGISTRY_INVALID_INPUT', `at: not an ISO-8601 date or date-time: ${String(q.at)}`, { details: { field: 'at' } });
  if (q.use !== undefined && !QUERY_USES.includes(q.use)) {
    throw new RegistryError('REGISTRY_INVALID_INPUT', `use: ${String(q.use)} is not one of ${QUERY_USES.join(', ')}`, { details: { field: 'use' } });
  }
  const territory = q.territory === undefined ? null : q.territory.trim().toUpperCase();
  if (territory !== null && !/^([A-Z]{2}|WORLD)$/.test(territory)) {
    throw new RegistryError('REGISTRY_INVALID_INPUT', `territory: ${territory} is not an ISO 3166-1 alpha-2 code`, { details: { field: 'territory' } });
  }
  return { isrc: isrc.value, at, uses: q.use === undefined ? [...QUERY_USES] : [q.use], territory };
}

function indexed(rows: readonly StoredEntry[]): IndexedEntry[] {
  return rows.map((r) => ({ index: r.index, entry: parseEntry(r.body) }));
}

/**
 * Builds the proof, or throws LEDGER_RECORDING_NOT_FOUND / LEDGER_RESERVATION_NOT_FOUND when the log
 * does not show the recording reserved at that instant.
 */
export async function buildReservationProof(deps: ProofDeps, isrcInput: string, q: ProofRequest): Promise<ReservationProof> {
  const { isrc, at, uses, territory } = request(isrcInput, q, deps.now);
  const rec = await deps.findRecording(isrc);
  if (rec === null) throw new LedgerError('LEDGER_RECORDING_NOT_FOUND', `no recording ${isrc} in the registry`);
  const { store } = deps;
  const end = await store.size();
  const lineupRows = await store.entriesAbout([recordingTopic(rec.id)], end);
  const lineups = indexed(lineupRows);
  const performers = new Set<string>();
  for (const { entry } of lineups) if (entry.type === 'lineup.set') for (const m of entry.data.lineup) performers.add(m.performerId);
  const mandateRows = await store.entriesAbout([...performers].map(performerTopic), end);
  const declarationRows = await store.entriesAbout([DECLARATIONS_TOPIC], end);
  const bodies = new Map([...lineupRows, ...mandateRows, ...declarationRows].map((r) => [r.index, r.body]));
  const candidates = [...lineups, ...indexed(mandateRows), ...indexed(declarationRows)];

  const query = { recordingId: rec.id, isrc, at, uses, territory };
  const picked = selectProofEntries(candidates, query);
  if (picked === null) {
    throw new LedgerError('LEDGER_RESERVATION_NOT_FOUND', `the log does not show ${isrc} reserved for ${uses.join(', ')} at ${at}`);
  }
  const last = picked.entries[picked.entries.length - 1]!.index;
  const cp = await deps.checkpointCovering(last + 1);
  const plans = picked.entries.map((e) => inclusionProofPlan(e.index, cp.size));
  const get = nodeGetter(await store.nodes(plans.flatMap(planNodeIds)));
  return {
    format: PROOF_FORMAT,
    recording: { isrc, id: rec.id },
    at,
    territory,
    status: 'reserved',
    uses: picked.verdicts,
    checkpoint: cp.note,
    entries: picked.entries.map((e, i) => ({ index: e.index, body: bodies.get(e.index)!, proof: proofFromPlan(plans[i]!, get).map(encodeBase64) })),
  };
}
