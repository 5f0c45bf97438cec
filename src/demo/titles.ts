/**
 * Titles of works and recordings, built from French and English word lists: songs, classical movements and
 * screen works. Some carry commas, colons, apostrophes and the odd double quote, as real catalogues do.
 */
import type { Rng } from './rng.js';

// prettier-ignore
const NP_FR = [
  'la pluie', 'le vent', "l'été", 'la nuit', 'les étoiles', 'la mer', "l'amour", 'le silence', 'les rues', 'le train',
  'la ville', "l'hiver", 'le printemps', 'les saisons', 'la lumière', 'le ciel', 'les oiseaux', 'la rivière',
  'le cœur', 'la valse', 'les souvenirs', "l'horizon", 'la chanson', 'le bal', 'les vagues', 'la fête', "l'aube",
  'le dimanche', 'les marées', 'la gare', 'le phare', 'les cerises', 'la route', "l'île", 'le quai', 'les lampions',
];
// prettier-ignore
const QUALIFIERS_FR = [
  'de Paris', "d'automne", 'du Sud', 'de minuit', "d'hier", 'sans toi', 'de mon enfance', 'en été', 'à Lisbonne',
  'de Marseille', 'du dimanche', 'sur la ville', 'des faubourgs', 'au matin', 'de Brest', 'pour toujours',
];
// prettier-ignore
const PREPOSITIONS_FR = ['Sous', 'Après', 'Dans', 'Pour', 'Contre', 'Vers', 'Sans', 'Avant'];
// prettier-ignore
const PHRASES_FR = [
  'Je reviendrai', 'Tu danses encore', "On s'en va", 'Elle chante', 'Ne pars pas', 'Reste encore',
  "Quand tu t'en vas", 'Il pleut sur la ville', 'Nous deux', 'Mon amour', 'Où vas-tu ?', "Reste, s'il te plaît",
  'Encore, encore', 'Demain peut-être', 'Rien ne presse', 'Tout recommence', 'Ça ira', 'À bientôt',
];
// prettier-ignore
const NAMES_FR = ['Léa', 'Jules', 'Margaux', 'Hugo', 'Anaïs', 'Théo', 'Lucie', 'Maël', 'Rose', 'Émile'];

// prettier-ignore
const ADJ_EN = ['Golden', 'Broken', 'Silver', 'Endless', 'Midnight', 'Electric', 'Quiet', 'Wild', 'Lonely', 'Blue', 'Burning', 'Hidden', 'Paper', 'Crystal', 'Northern', 'Velvet'];
// prettier-ignore
const NOUN_EN = ['Heart', 'River', 'City', 'Dream', 'Fire', 'Road', 'Light', 'Summer', 'Ocean', 'Sky', 'Train', 'Rain', 'Garden', 'Highway', 'Moon', 'Letter', 'Window', 'Shadow'];
// prettier-ignore
const PLACES_EN = ['Memphis', 'Brighton', 'the North', 'Tomorrow', 'Avalon', 'the Valley', 'Montreal', 'Dublin'];
// prettier-ignore
const PHRASES_EN = [
  'Hold On', "Don't Let Go", 'Take Me Home', 'Stay With Me Tonight', "I'll Be There", 'Running Back', 'All Night Long',
  'Where We Belong', 'Say It Again', 'Come Back, Baby', 'Nothing Left to Lose', 'One More Time', "Baby, Don't Cry",
];
// prettier-ignore
const NAMES_EN = ['Mary', 'Joe', 'Annie', 'Billy', 'Rosie', 'Eddie', 'Lou', 'Grace'];

// prettier-ignore
const FORMS = [
  ['Symphonie', 'Symphony'],
  ['Concerto pour piano', 'Piano Concerto'],
  ['Concerto pour violon', 'Violin Concerto'],
  ['Sonate pour violoncelle et piano', 'Cello Sonata'],
  ['Quatuor à cordes', 'String Quartet'],
  ['Sérénade', 'Serenade'],
  ['Suite', 'Suite'],
] as const;
// prettier-ignore
const KEYS = [
  ['en ut majeur', 'in C major'],
  ['en ré mineur', 'in D minor'],
  ['en mi bémol majeur', 'in E-flat major'],
  ['en fa dièse mineur', 'in F-sharp minor'],
  ['en sol majeur', 'in G major'],
  ['en la mineur', 'in A minor'],
  ['en si bémol majeur', 'in B-flat major'],
] as const;
// prettier-ignore
const MOVEMENTS = ['I. Allegro', 'II. Adagio', 'III. Scherzo. Presto', 'IV. Finale. Allegro vivace', 'I. Allegro moderato', 'II. Andante cantabile', 'III. Rondo. Allegro', 'II. Largo'];

export type Language = 'fr' | 'en';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function songTitle(rng: Rng, lang: Language): string {
  const r = rng.float();
  if (lang === 'fr') {
    if (r < 0.25) return cap(rng.pick(NP_FR));
    if (r < 0.45) return `${cap(rng.pick(NP_FR))} ${rng.pick(QUALIFIERS_FR)}`;
    if (r < 0.6) return `${rng.pick(PREPOSITIONS_FR)} ${rng.pick(NP_FR)}`;
    if (r < 0.7) return `${cap(rng.pick(NP_FR))} et ${rng.pick(NP_FR)}`;
    if (r < 0.77) return `Chanson pour ${rng.pick(NAMES_FR)}`;
    if (r < 0.995) return rng.pick(PHRASES_FR);
    return `Le blues du "${rng.pick(NAMES_FR)}"`;
  }
  if (r < 0.3) return `${rng.pick(ADJ_EN)} ${rng.pick(NOUN_EN)}`;
  if (r < 0.45) return `The ${rng.pick(ADJ_EN)} ${rng.pick(NOUN_EN)}`;
  if (r < 0.55) return `${rng.pick(NOUN_EN)} of ${rng.pick(PLACES_EN)}`;
  if (r < 0.62) return `Back to the ${rng.pick(NOUN_EN)}`;
  if (r < 0.7) return `Letter to ${rng.pick(NAMES_EN)}`;
  return rng.pick(PHRASES_EN);
}

/** `Symphonie n° 3 en ré mineur, op. 27 : II. Adagio` or its English form. */
export function classicalTitle(rng: Rng, lang: Language): string {
  const form = rng.pick(FORMS);
  const key = rng.pick(KEYS);
  const n = rng.between(1, 9);
  const op = rng.between(5, 120);
  const mvt = rng.pick(MOVEMENTS);
  return lang === 'fr'
    ? `${form[0]} n° ${n} ${key[0]}, op. ${op} : ${mvt}`
    : `${form[1]} No. ${n} ${key[1]}, Op. ${op}: ${mvt}`;
}

/** A film or series title. */
export function screenTitle(rng: Rng, lang: Language): string {
  if (lang === 'en')
    return rng.chance(0.5)
      ? `The ${rng.pick(NOUN_EN)} of ${rng.pick(PLACES_EN)}`
      : `${rng.pick(ADJ_EN)} ${rng.pick(NOUN_EN)}`;
  const r = rng.float();
  if (r < 0.3) return `Le Secret de ${rng.pick(NP_FR)}`;
  if (r < 0.5)
    return `Retour à ${rng.pick(['Lisbonne', 'Brest', 'Marseille', 'Dakar', 'Montréal', "l'île"])}`;
  if (r < 0.7) return `${cap(rng.pick(NP_FR))} ${rng.pick(QUALIFIERS_FR)}`;
  return `Les Enfants de ${rng.pick(NP_FR)}`;
}

export function language(rng: Rng): Language {
  return rng.chance(0.58) ? 'fr' : 'en';
}
