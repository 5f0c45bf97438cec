// Public API of the transparency log's pure core: Merkle trees (RFC 9162), canonical JSON (RFC 8785)
// and signed checkpoints (C2SP signed-note / tlog-checkpoint). No I/O: stores come later.
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
export { LedgerError, type LedgerErrorCode } from './errors.js';
