// Public API of the transparency log: Merkle trees (RFC 9162), canonical JSON (RFC 8785), signed
// checkpoints (C2SP signed-note / tlog-checkpoint), log entries and proofs of reservation with their
// offline verifier. Pure: the stores and the service are reached through `createContext`.
export { HASH_SIZE, leafHash, nodeHash, emptyRoot } from './hash.js';
export { CompactRange, type StoredNode, type Frontier } from './compact-range.js';
export { MemoryNodeStore } from './memory-node-store.js';
export {
  rangeNodes,
  inclusionProofPlan,
  consistencyProofPlan,
  rootPlan,
  planNodeIds,
  type NodeId,
  type ProofStep,
  type ProofPlan,
} from './plan.js';
export {
  proofFromPlan,
  inclusionProof,
  consistencyProof,
  rootAt,
  rootFromLeafHashes,
  inclusionProofFromLeaves,
  consistencyProofFromLeaves,
  type GetNode,
} from './proof.js';
export { verifyInclusion, verifyConsistency, type ProofCheck, type ProofFailure } from './verify.js';
export { canonicalJson, canonicalJsonBytes, type JsonValue } from './canonical-json.js';
export {
  generateNoteKey,
  parseSignerKey,
  parseVerifierKey,
  verifierKeyFor,
  verifierKeyOf,
  noteKeyHash,
  isValidKeyName,
  type NoteSigner,
  type NoteVerifier,
} from './note-keys.js';
export {
  parseNote,
  formatNote,
  MAX_NOTE_SIGNATURES,
  MAX_NOTE_LENGTH,
  type Note,
  type NoteSignature,
} from './note.js';
export { signNote, verifyNote, type NoteCheck, type NoteFailure } from './note-verify.js';
export {
  formatCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
  type Checkpoint,
  type CheckpointCheck,
} from './checkpoint.js';
export {
  ENTRY_TYPES,
  mandateEntry,
  declarationEntry,
  declarationWithdrawnEntry,
  lineupEntry,
  lineupSetEntry,
  entryTopic,
  performerTopic,
  recordingTopic,
  DECLARATIONS_TOPIC,
  type LedgerEntry,
  type RegistryEntryType,
  type DeclarationWithdrawal,
  type LineupSet,
  type LoggedLineupMember,
  type LoggedRecording,
} from './entries.js';
export { encodeEntry, parseEntry, isInstant, type EncodedEntry, type ParsedEntry } from './entry-codec.js';
export { coverageInputFromLog, replayDeclarations, type IndexedEntry } from './replay.js';
export {
  PROOF_FORMAT,
  selectProofEntries,
  verdictsFromLog,
  type ReservationProof,
  type ProvenEntry,
  type ProofVerdict,
  type ProofQuery,
} from './reservation-proof.js';
export { verifyReservationProof, type ReservationCheck, type ReservationFailure } from './reservation-verify.js';
export { formatDivergence, type AuditReport, type Divergence } from './audit-report.js';
export { LedgerError, type LedgerErrorCode } from './errors.js';
