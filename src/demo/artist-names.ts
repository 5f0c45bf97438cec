/**
 * Names performers and groups are credited under: stage names (kept as performer aliases), band names and
 * ensemble names. Built from word lists so that they read as plausible and never name a real act on purpose.
 */
import type { Rng } from './rng.js';

// prettier-ignore
const STAGE_WORDS = [
  'Soleil', 'Minuit', 'Orage', 'Corail', 'Nova', 'Lune', 'Saphir', 'Comète', 'Papillon', 'Mistral', 'Zéphyr',
  'Azur', 'Onyx', 'Cerise', 'Volcan', 'Écho', 'Boréal', 'Sirocco', 'Indigo', 'Jade', 'Pépite', 'Nomade',
];
// prettier-ignore
const SYLLABLES = ['ka', 'li', 'mé', 'zo', 'ra', 'nè', 'lou', 'an', 'ti', 'ya', 'ro', 'sa', 'vi', 'no', 'ké', 'ma', 'ly', 'za', 'lé', 'do'];
// prettier-ignore
const STAGE_PREFIXES = ['DJ ', 'MC ', 'Lil ', 'La ', 'Le ', 'Big ', 'Miss ', 'Docteur '];

// prettier-ignore
const GROUP_PLURALS_FR = [
  'Marées', 'Hirondelles', 'Passagers', 'Insomniaques', 'Voyageurs', 'Lucioles', 'Funambules', 'Cerfs-Volants',
  'Mouettes', 'Sentinelles', 'Rêveurs', 'Oiseaux de nuit', 'Enfants terribles', 'Ondes courtes',
];
// prettier-ignore
const GROUP_QUALIFIERS_FR = ['du Sud', 'de minuit', "d'à côté", 'du dimanche', 'de la Butte', 'du Nord', 'électriques'];
// prettier-ignore
const ADJ_EN = ['Velvet', 'Paper', 'Electric', 'Northern', 'Silver', 'Quiet', 'Crystal', 'Hidden', 'Golden', 'Wild', 'Midnight', 'Blue'];
// prettier-ignore
const NOUN_EN = ['River', 'Lantern', 'Harbour', 'Comet', 'Pilot', 'Garden', 'Signal', 'Highway', 'Window', 'Shadow', 'Orchard', 'Tide'];
// prettier-ignore
const GROUP_SUFFIXES = ['Club', 'Collectif', 'Quartet', 'Project', 'Orkestra', 'Sound System', 'Trio'];
// prettier-ignore
const CITIES = ['Lyon', 'Nantes', 'Lille', 'Rennes', 'Brest', 'Bordeaux', 'Toulouse', 'Marseille', 'Nancy', 'Annecy', 'Québec', 'Liège', 'Genève', 'Dakar'];

function syllableWord(rng: Rng): string {
  let w = '';
  const n = rng.between(2, 3);
  for (let i = 0; i < n; i++) w += rng.pick(SYLLABLES);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** A stage name; `given` lets some stage names keep the performer's given name (`Louise Orage`). */
export function stageName(rng: Rng, given: string): string {
  const r = rng.float();
  if (r < 0.3) return syllableWord(rng);
  if (r < 0.5) return `${given.split(/[ -]/)[0] ?? given} ${rng.pick(STAGE_WORDS)}`;
  if (r < 0.75)
    return rng.pick(STAGE_PREFIXES) + (rng.chance(0.5) ? rng.pick(STAGE_WORDS) : syllableWord(rng));
  if (r < 0.9) return rng.pick(STAGE_WORDS);
  return `${syllableWord(rng)} ${rng.pick(STAGE_WORDS)}`;
}

export function bandName(rng: Rng): string {
  const r = rng.float();
  if (r < 0.3) return `Les ${rng.pick(GROUP_PLURALS_FR)}`;
  if (r < 0.45) return `Les ${rng.pick(GROUP_PLURALS_FR)} ${rng.pick(GROUP_QUALIFIERS_FR)}`;
  if (r < 0.65) return `The ${rng.pick(ADJ_EN)} ${rng.pick(NOUN_EN)}s`;
  if (r < 0.8) return `${rng.pick(STAGE_WORDS)} ${rng.pick(GROUP_SUFFIXES)}`;
  if (r < 0.9) return `${rng.pick(NOUN_EN)} & the ${rng.pick(NOUN_EN)}s`;
  return `${syllableWord(rng)} ${rng.pick(GROUP_SUFFIXES)}`;
}

export function ensembleName(rng: Rng): string {
  const w = rng.pick(STAGE_WORDS);
  switch (rng.int(6)) {
    case 0:
      return `Ensemble ${w}`;
    case 1:
      return `Orchestre de chambre ${w}`;
    case 2:
      return `Sinfonietta de ${rng.pick(CITIES)}`;
    case 3:
      return `Les Musiciens de ${rng.pick(CITIES)}`;
    case 4:
      return `Ensemble baroque ${w}`;
    default:
      return `Chœur et Orchestre ${w}`;
  }
}

export function trioName(rng: Rng): string {
  return `Trio ${rng.pick(STAGE_WORDS)}`;
}
