/**
 * DDEX contributor roles and instrument types used in the demo line-ups. Every value is one of the DDEX allowed
 * values (ContributorRole and InstrumentType of ERN 4), e.g. `DrumKit` rather than `Drums`, which DDEX lacks.
 */
import { weights } from './rng.js';

export const ROLE = {
  leadVocalist: 'LeadVocalist',
  backgroundVocalist: 'BackgroundVocalist',
  studioMusician: 'StudioMusician',
  musician: 'Musician',
  soloist: 'Soloist',
  conductor: 'Conductor',
  concertMaster: 'ConcertMaster',
  orchestraMember: 'OrchestraMember',
  actor: 'Actor',
  narrator: 'Narrator',
  voiceActor: 'VoiceActor',
} as const;

/** The rhythm section of a band, in the order members are added. */
export const BAND_INSTRUMENTS = [
  'ElectricGuitar',
  'ElectricBassGuitar',
  'DrumKit',
  'Keyboard',
  'AcousticGuitar',
] as const;

/** Instruments hired session musicians play. */
export const SESSION_INSTRUMENTS = weights<string>([
  ['Guitar', 8],
  ['AcousticGuitar', 8],
  ['ElectricGuitar', 6],
  ['Bass', 6],
  ['DoubleBass', 3],
  ['DrumKit', 7],
  ['Piano', 8],
  ['Rhodes', 2],
  ['HammondOrgan', 2],
  ['Synthesizer', 4],
  ['Cello', 4],
  ['Violin', 4],
  ['Viola', 1],
  ['Accordion', 3],
  ['Harmonica', 1],
  ['Saxophone', 2],
  ['TenorSaxophone', 2],
  ['Trumpet', 3],
  ['Trombone', 1],
  ['Flute', 2],
  ['Clarinet', 1],
  ['Congas', 2],
  ['Cajon', 1],
  ['Djembe', 1],
  ['Kora', 1],
  ['Harp', 1],
  ['Bandoneon', 1],
  ['Oud', 1],
  ['Ukulele', 1],
  ['Vibraphone', 1],
]);

/** Instruments a featured instrumental soloist plays. */
export const SOLO_INSTRUMENTS = [
  'Piano',
  'Guitar',
  'Accordion',
  'Violin',
  'Cello',
  'Harp',
  'Kora',
  'Oud',
  'Saxophone',
  'Trumpet',
] as const;

/** Orchestra desks, weighted as the players of a chamber orchestra are. */
export const ORCHESTRA_INSTRUMENTS = weights<string>([
  ['Violin', 30],
  ['Viola', 10],
  ['Cello', 10],
  ['DoubleBass', 5],
  ['Flute', 5],
  ['Oboe', 4],
  ['Clarinet', 4],
  ['Bassoon', 3],
  ['FrenchHorn', 4],
  ['Trumpet', 3],
  ['Trombone', 2],
  ['Timpani', 2],
  ['Harp', 1],
]);
