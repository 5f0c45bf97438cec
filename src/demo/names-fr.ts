/**
 * French name lists for the demo performers: common given and family names (accents kept), compound given
 * names, hyphenated and particled family names. A family name written `de|Villiers` has a particle that sorts
 * after the given name (`Villiers, Jean de`). Hand-made lists rather than a fake-data library so the mix
 * (compound names, particles, apostrophes) is under control and the output never changes with a library's data.
 */
import type { NameOrigin } from './names.js';

// prettier-ignore
const GIVEN_FR = [
  'Amélie', 'Hélène', 'Chloé', 'Léa', 'Zoé', 'Noémie', 'Anaïs', 'Gaëlle', 'Élodie', 'Céline', 'Margaux', 'Camille',
  'Juliette', 'Manon', 'Inès', 'Clémence', 'Solène', 'Maëlys', 'Bérénice', 'Aurélie', 'Séverine', 'Mathilde',
  'Louise', 'Agathe', 'Romane', 'Lucie', 'Capucine', 'Éloïse', 'Nathalie', 'Sandrine', 'Valérie', 'Françoise',
  'Geneviève', 'Josiane', 'Brigitte', 'Sophie', 'Ophélie', 'Maïwenn', 'Nolwenn', 'Rose', 'Jeanne', 'Adèle',
  'Jérôme', 'François', 'Théo', 'Benoît', 'Joël', 'Maël', 'Raphaël', 'Gaël', 'Loïc', 'Hervé', 'Stéphane',
  'Frédéric', 'Sébastien', 'Rémi', 'Timothée', 'Clément', 'Mathis', 'Hugo', 'Louis', 'Antoine', 'Étienne',
  'Grégoire', 'Thibault', 'Lucas', 'Nicolas', 'Olivier', 'Yannick', 'Didier', 'Régis', 'Noël', 'Aurélien',
  'Bastien', 'Cédric', 'Émile', 'Félix', 'Valentin', 'Gwenaël', 'Erwan', 'Ronan', 'Jules', 'Arthur', 'Baptiste',
];

// prettier-ignore
const COMPOUND_GIVEN_FR = [
  'Jean-Baptiste', 'Jean-Pierre', 'Jean-Luc', 'Jean-François', 'Jean-Noël', 'Jean-Michel', 'Pierre-Yves',
  'Pierre-Henri', 'Paul-Émile', 'Louis-Philippe', 'Marie-Claire', 'Marie-Laure', 'Marie-Hélène', 'Marie-Ève',
  'Anne-Sophie', 'Anne-Laure', 'Anne-Gaëlle', 'Marie-Noëlle',
];

// prettier-ignore
const FAMILY_FR = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Laurent', 'Lefèvre', 'Michel', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André',
  'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc',
  'Guérin', 'Muller', 'Henry', 'Roussel', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont',
  'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Gérard', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Roche',
  'Meunier', 'Marchand', 'Dufour', 'Blanchard', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux',
  'Colin', 'Renard', 'Arnaud', 'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal', 'Bourgeois', 'Renaud',
  'Lemoine', 'Picard', 'Gaillard', 'Lacroix', 'Fabre', 'Dupuis', 'Hubert', 'Rivière', 'Le Gall', 'Moulin',
  'Berger', 'Lecomte', 'Ménard', 'Fleury', 'Deschamps', 'Carpentier', 'Maillard', 'Aubry', 'Vasseur', 'Le Roux',
  'Jacquet', 'Prévost', 'Poirier', 'Charpentier', 'Huet', 'Perrot', 'Guyot', 'Marty', 'Le Goff', 'Kervella',
  'Quéré', 'Le Bihan', 'Bouvier', 'Lebrun', 'Da Silva', 'Nguyen', 'Hoarau', 'Payet', 'Grondin', 'Lagarde',
  'Bérard', 'Chauvin', 'Besnard', 'Tessier', 'Ferrand', 'Cordier', 'Leblanc', 'Texier', 'Pelletier', 'Pasquier',
];

// prettier-ignore
const PARTICLE_FR = [
  'de|Villiers', 'de|La Roche', 'du|Plessis', "d'|Aubigny", 'de|Beaulieu', 'de|Lestrange', 'de|Kerguen',
  'de|Montfort', 'du|Bois-Joly', "d'|Estrées", 'de|La Salle', 'de|Sainte-Croix',
];

// prettier-ignore
export const FRENCH: NameOrigin = {
  id: 'fr',
  given: GIVEN_FR,
  family: FAMILY_FR,
  compoundGiven: COMPOUND_GIVEN_FR,
  compoundGivenShare: 0.15,
  hyphenatedFamilyShare: 0.08,
  particles: PARTICLE_FR,
  particleShare: 0.04,
};
