/**
 * DDEX ContributorRole values that describe a performance (the ones a performers' CMO records in a
 * line-up), from the DDEX allowed-value set, plus the display-artist roles DDEX messages often use as
 * contributor roles. Non-performing roles (Composer, Producer, MixingEngineer...) are not line-up roles.
 */
export const PERFORMER_ROLES = [
  'Artist',
  'MainArtist',
  'FeaturedArtist',
  'AssociatedPerformer',
  'AdditionalPerformer',
  'LeadPerformer',
  'Performer',
  'PrimaryMusician',
  'Musician',
  'StudioMusician',
  'Soloist',
  'Vocalist',
  'LeadVocalist',
  'BackgroundVocalist',
  'Orchestra',
  'OrchestraMember',
  'Ensemble',
  'Choir',
  'ChoirMember',
  'BandLeader',
  'Conductor',
  'ConcertMaster',
  'DJ',
  'ClubDJ',
  'Remixer',
  'Dancer',
  'Actor',
  'Narrator',
  'VoiceActor',
] as const;

/** Older names DDEX messages still carry, mapped to the current value. */
const LEGACY: Record<string, string> = { musicalperformer: 'Performer' };

const BY_KEY = new Map<string, string>(PERFORMER_ROLES.map((r) => [r.toLowerCase(), r]));

/** The canonical spelling of a performer role (case-insensitive input), or null if it is not one. */
export function performerRole(raw: string): string | null {
  const k = raw.trim().toLowerCase();
  return BY_KEY.get(k) ?? LEGACY[k] ?? null;
}

/** An instrument cell or DDEX InstrumentType: free text from a long DDEX list, kept as given but bounded. */
export function instrument(raw: string): { ok: true; value: string | null } | { ok: false; reason: string } {
  const v = raw.trim();
  if (v === '') return { ok: true, value: null };
  if (v.length > 100) return { ok: false, reason: 'instrument is at most 100 characters' };
  return { ok: true, value: v };
}
