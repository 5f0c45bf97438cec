/**
 * Fictional record labels and audiovisual producers of the demo data. Each label owns one ISRC registrant code
 * (country + three characters), so the ISRC country code matches the label's country. Weighted towards France,
 * as a French CMO's repertoire is.
 */
import { weights } from './rng.js';

export interface Label {
  name: string;
  /** ISRC country code of the registrant (ISO 3166-1 alpha-2, except GB for the United Kingdom). */
  country: string;
  /** ISRC registrant code: three letters or digits. */
  registrant: string;
  weight: number;
}

export const LABELS: readonly Label[] = [
  { name: 'Disques Belleville', country: 'FR', registrant: 'B7L', weight: 9 },
  { name: 'Label Canopée', country: 'FR', registrant: 'C4N', weight: 6 },
  { name: 'Éditions Phonographiques du Marais', country: 'FR', registrant: 'M2R', weight: 5 },
  { name: 'Studio Ferrand', country: 'FR', registrant: 'F9D', weight: 4 },
  { name: 'Les Productions du Quai', country: 'FR', registrant: 'Q1P', weight: 4 },
  { name: 'Disques Cerise', country: 'FR', registrant: 'C3R', weight: 4 },
  { name: 'Maison Vinyle', country: 'FR', registrant: 'V8M', weight: 3 },
  { name: 'Azur Musique', country: 'FR', registrant: 'A5Z', weight: 3 },
  { name: 'Bleu Nuit Records', country: 'FR', registrant: 'N6B', weight: 3 },
  { name: "Chant d'Oiseau", country: 'FR', registrant: 'K2O', weight: 2 },
  { name: 'Disques Hirondelle', country: 'FR', registrant: 'H0D', weight: 2 },
  { name: 'Sillon Rouge', country: 'FR', registrant: 'S7R', weight: 2 },
  { name: 'Musique & Cie', country: 'FR', registrant: 'X3M', weight: 2 },
  { name: 'Trois Notes Productions', country: 'FR', registrant: 'T3N', weight: 2 },
  { name: 'Northbank Records', country: 'GB', registrant: 'NB4', weight: 3 },
  { name: 'Kettle & Crane', country: 'GB', registrant: 'KC1', weight: 2 },
  { name: 'Halcyon Tapes', country: 'GB', registrant: 'H7T', weight: 1 },
  { name: 'Greyhound Sound', country: 'US', registrant: 'G5S', weight: 3 },
  { name: 'Blue Mesa Records', country: 'US', registrant: 'BM9', weight: 2 },
  { name: 'Copperline Music', country: 'US', registrant: 'C8L', weight: 2 },
  { name: 'Lakeshore Audio', country: 'US', registrant: 'L2A', weight: 1 },
  { name: 'Nordlicht Tonträger', country: 'DE', registrant: 'N1T', weight: 2 },
  { name: 'Klangwerk Hafen', country: 'DE', registrant: 'K6W', weight: 1 },
  { name: 'Disques Sablon', country: 'BE', registrant: 'S2B', weight: 2 },
  { name: 'Les Disques du Mont-Royal', country: 'CA', registrant: 'MR3', weight: 2 },
  { name: 'Maple Hall Records', country: 'CA', registrant: 'MH8', weight: 1 },
  { name: 'Helvetic Tonstudio', country: 'CH', registrant: 'H4S', weight: 1 },
  { name: 'Edizioni Sonore Aurora', country: 'IT', registrant: 'A9E', weight: 1 },
  { name: 'Discos Alameda', country: 'ES', registrant: 'D4A', weight: 1 },
  { name: 'Selo Maré', country: 'BR', registrant: 'S9M', weight: 1 },
  { name: 'Plaatwerk Amstel', country: 'NL', registrant: 'P5A', weight: 1 },
  { name: 'Kanal Sju', country: 'SE', registrant: 'K7S', weight: 1 },
  { name: 'Sakura Onkyō', country: 'JP', registrant: 'S1K', weight: 1 },
];

/** Weighted label index (an index into LABELS). */
export const LABEL_TABLE = weights(LABELS.map((l, i) => [i, l.weight] as const));

/** Producers credited on the audiovisual recordings (films, series, concert films). */
export const PRODUCERS: readonly string[] = [
  'Films du Lendemain',
  'Productions Pellicule',
  'Studio Cinq',
  'Les Films de la Rade',
  'Atelier Lumière Production',
  'Northlight Pictures',
  'Compagnie des Écrans',
  'Télé Horizon',
];
