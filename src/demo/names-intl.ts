/**
 * Non-French name lists for the demo performers: the other origins a French CMO's members and the musicians on
 * their recordings come from. Spanish names carry two family names; Vietnamese names are written family name
 * first; Dutch and German particles sort after the given name.
 */
import type { NameOrigin } from './names.js';

// prettier-ignore
export const ENGLISH: NameOrigin = {
  id: 'en',
  given: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Charlotte', 'Jack', 'Emily', 'Noah', 'Grace', 'Liam', 'Olivia', 'Ethan', 'Sophie', 'Aidan', 'Siobhán', 'Seán', 'Niamh', 'Ciarán', 'Aoife', 'Maya', 'Tyler', 'Chloe', 'Nathan'],
  family: ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Johnson', 'Walker', 'Wright', 'Thompson', "O'Brien", "O'Connor", 'McCarthy', 'Murphy', 'Kelly', 'Anderson', 'Miller', 'Harris', 'Clarke', 'Fitzgerald', 'Hughes', 'Robinson'],
};

// prettier-ignore
export const SPANISH: NameOrigin = {
  id: 'es',
  given: ['José María', 'María José', 'Javier', 'Lucía', 'Sofía', 'Álvaro', 'Martín', 'Inés', 'Andrés', 'Begoña', 'Íñigo', 'Ramón', 'Carmen', 'Pilar', 'Sergio', 'Nerea'],
  family: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Jiménez', 'Muñoz', 'Álvarez', 'Romero', 'Núñez', 'Ibáñez', 'Peña', 'Castaño', 'Ortiz'],
  doubleFamily: true,
};

// prettier-ignore
export const PORTUGUESE: NameOrigin = {
  id: 'pt',
  given: ['João', 'Gonçalo', 'Inês', 'Beatriz', 'Sebastião', 'Luísa', 'Conceição', 'Thiago', 'Caio', 'Mariana', 'Vinícius', 'Letícia'],
  family: ['Gonçalves', 'Magalhães', 'Araújo', 'Simões', 'Guimarães', 'Fonseca', 'Azevedo', 'Brandão', 'Loureiro', 'Carvalho', 'Monteiro', 'Sousa'],
};

// prettier-ignore
export const ITALIAN: NameOrigin = {
  id: 'it',
  given: ['Giulia', 'Alessandro', 'Francesca', 'Niccolò', 'Lorenzo', 'Chiara', 'Matteo', 'Gianluca', 'Ilaria', 'Tommaso', 'Federica', 'Pietro'],
  family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'De Luca', "D'Angelo", 'Marino', 'Greco', 'Conti', 'Galli'],
};

// prettier-ignore
export const GERMAN: NameOrigin = {
  id: 'de',
  given: ['Jürgen', 'Jörg', 'Günther', 'Lena', 'Anja', 'Lukas', 'Maximilian', 'Sören', 'Käthe', 'Björn', 'Ursula', 'Tobias', 'Hannah', 'Matthias'],
  family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Schäfer', 'Köhler', 'Vogel', 'Groß', 'Krämer', 'Wagner', 'Hoffmann', 'Zimmermann', 'Bäcker'],
  particles: ['von|Bülow', 'von|Arnim', 'von der|Heide', 'zu|Löwenstein'],
  particleShare: 0.08,
};

// prettier-ignore
export const DUTCH_FLEMISH: NameOrigin = {
  id: 'nl',
  given: ['Sven', 'Femke', 'Bram', 'Lieke', 'Joris', 'Sanne', 'Wouter', 'Anouk', 'Pieter', 'Griet'],
  family: ['Janssens', 'Peeters', 'Claes', 'Maes', 'Jacobs', 'Willems', 'Bakker', 'Visser', 'Smit', 'Mertens'],
  particles: ['de|Vries', 'van|Dijk', 'van den|Berg', 'van der|Meer', 'de|Smet', 'van|Damme'],
  particleShare: 0.35,
};

// prettier-ignore
export const CENTRAL_EUROPEAN: NameOrigin = {
  id: 'pl-cz',
  given: ['Łukasz', 'Małgorzata', 'Wojciech', 'Agnieszka', 'Paweł', 'Zuzana', 'Jiří', 'Tomáš', 'Kateřina', 'Zbigniew', 'Ioana', 'Ștefan'],
  family: ['Wójcik', 'Kowalski', 'Nowak', 'Lewandowska', 'Dvořák', 'Nováková', 'Šimek', 'Zieliński', 'Popescu', 'Ionescu', 'Dumitrescu', 'Stănescu'],
};

// prettier-ignore
export const NORDIC: NameOrigin = {
  id: 'nordic',
  given: ['Bjørn', 'Åsa', 'Sigríður', 'Mikael', 'Freja', 'Søren', 'Ingrid', 'Oskar', 'Astrid', 'Magnús'],
  family: ['Sørensen', 'Åberg', 'Lindqvist', 'Nyström', 'Jónsdóttir', 'Halvorsen', 'Bergström', 'Lund', 'Eriksson', 'Þórsson'],
};

// prettier-ignore
export const MAGHREB: NameOrigin = {
  id: 'maghreb',
  given: ['Karim', 'Yasmine', 'Nadia', 'Mehdi', 'Sofiane', 'Leïla', 'Samir', 'Amina', 'Rachid', 'Soraya', 'Walid', 'Nour', 'Yacine', 'Zohra'],
  family: ['Benali', 'Haddad', 'Mansouri', 'Belkacem', 'Zerrouki', 'Cherif', 'Bouzid', 'Amrani', 'Ben Salah', 'Khelifi', 'Saïdi', 'Aït Ahmed'],
};

// prettier-ignore
export const WEST_AFRICAN: NameOrigin = {
  id: 'west-africa',
  given: ['Fatou', 'Moussa', 'Aminata', 'Ibrahima', 'Awa', 'Mamadou', 'Koffi', 'Aïssatou', 'Seydou', 'Mariam', 'Adama', 'Rokia'],
  family: ['Ndiaye', 'Diop', 'Traoré', 'Koné', 'Camara', 'Diallo', 'Kouyaté', 'Keïta', 'Sissoko', 'Coulibaly', 'Touré', 'Mbaye'],
};

// prettier-ignore
export const GREEK: NameOrigin = {
  id: 'gr',
  given: ['Eleni', 'Giorgos', 'Dimitris', 'Katerina', 'Nikos', 'Sofia', 'Yannis', 'Despina'],
  family: ['Papadopoulos', 'Georgiou', 'Nikolaidis', 'Oikonomou', 'Papadaki', 'Christodoulou', 'Alexiou', 'Vlachos'],
};

// prettier-ignore
export const JAPANESE: NameOrigin = {
  id: 'jp',
  given: ['Yūko', 'Haruki', 'Sakura', 'Kenji', 'Aiko', 'Ryō', 'Emi', 'Takeshi', 'Naomi', 'Shōta'],
  family: ['Tanaka', 'Suzuki', 'Watanabe', 'Itō', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Saitō', 'Katō', 'Yoshida'],
};

// prettier-ignore
export const VIETNAMESE: NameOrigin = {
  id: 'vn',
  given: ['Thị Lan', 'Văn Minh', 'Thu Hà', 'Đức Anh', 'Ngọc Mai', 'Quang Huy', 'Bảo Châu', 'Thanh Tùng'],
  family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng'],
  familyFirst: true,
};
