// Synthetic names and places. People's names are common names of each community, combined at random;
// practice names borrow the borough's neighbourhoods and streets. No real person or record is described.
import type { EthnicityCode } from '../../shared/domain/vocabulary.ts';

type NameSet = { female: readonly string[]; male: readonly string[]; family: readonly string[] };

const BANGLADESHI: NameSet = {
  female: ['Ayesha', 'Fatema', 'Nasrin', 'Shirin', 'Rahima', 'Sumaiya', 'Tahmina', 'Jannat', 'Farzana', 'Rokeya', 'Hafsa', 'Salma', 'Afia', 'Maryam', 'Nusrat'],
  male: ['Abdul', 'Mohammed', 'Rahim', 'Shahid', 'Jamal', 'Kamrul', 'Anwar', 'Saiful', 'Habib', 'Rafiq', 'Imran', 'Shafiq', 'Yusuf', 'Ibrahim', 'Tanvir'],
  family: ['Begum', 'Rahman', 'Uddin', 'Ahmed', 'Miah', 'Khatun', 'Islam', 'Hussain', 'Ali', 'Choudhury', 'Hoque', 'Khan', 'Bibi', 'Akhtar', 'Ullah'],
};
const WHITE_BRITISH: NameSet = {
  female: ['Olivia', 'Emily', 'Sophie', 'Charlotte', 'Jessica', 'Hannah', 'Lucy', 'Grace', 'Ellie', 'Margaret', 'Susan', 'Jean', 'Rachel', 'Amy', 'Laura'],
  male: ['Oliver', 'Jack', 'Harry', 'George', 'Thomas', 'James', 'William', 'Daniel', 'Samuel', 'Peter', 'John', 'David', 'Michael', 'Alfie', 'Joe'],
  family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Hughes'],
};
const OTHER_WHITE: NameSet = {
  female: ['Anna', 'Maria', 'Giulia', 'Sofia', 'Agnieszka', 'Ieva', 'Lucia', 'Camille', 'Elena', 'Katarzyna', 'Marta', 'Chiara', 'Ines', 'Julia', 'Rasa'],
  male: ['Piotr', 'Marco', 'Luca', 'Tomasz', 'Jonas', 'Pablo', 'Mateusz', 'Lukas', 'Antoine', 'Javier', 'Andrea', 'Pierre', 'Mantas', 'Diego', 'Pawel'],
  family: ['Kowalski', 'Rossi', 'Garcia', 'Nowak', 'Kazlauskas', 'Bianchi', 'Martin', 'Fernandez', 'Wisniewski', 'Romano', 'Dubois', 'Petrauskas', 'Lopez', 'Ricci', 'Lewandowski'],
};
const SOMALI_AFRICAN: NameSet = {
  female: ['Hodan', 'Amina', 'Fadumo', 'Sahra', 'Hibo', 'Ifrah', 'Asha', 'Ngozi', 'Ama', 'Chioma', 'Zainab', 'Halima', 'Ayan', 'Ruqia', 'Blessing'],
  male: ['Abdi', 'Mohamed', 'Hassan', 'Ahmed', 'Omar', 'Yusuf', 'Kwame', 'Chinedu', 'Tunde', 'Ismail', 'Bashir', 'Emeka', 'Kofi', 'Liban', 'Farah'],
  family: ['Mohamed', 'Abdi', 'Hassan', 'Farah', 'Warsame', 'Osman', 'Ali', 'Okafor', 'Mensah', 'Adeyemi', 'Nur', 'Jama', 'Owusu', 'Ibrahim', 'Aden'],
};
const CARIBBEAN: NameSet = {
  female: ['Janelle', 'Shanice', 'Tanya', 'Maxine', 'Simone', 'Keisha', 'Marcia', 'Jasmine', 'Natalie', 'Paulette'],
  male: ['Marcus', 'Andre', 'Tyrone', 'Delroy', 'Winston', 'Jermaine', 'Lloyd', 'Devon', 'Carl', 'Leon'],
  family: ['Campbell', 'Brown', 'Williams', 'Clarke', 'Morgan', 'Francis', 'Grant', 'Reid', 'Henry', 'Bailey'],
};
const SOUTH_ASIAN_OTHER: NameSet = {
  female: ['Priya', 'Sana', 'Anjali', 'Hina', 'Meera', 'Sadia', 'Kavya', 'Nadia', 'Zara', 'Pooja'],
  male: ['Arjun', 'Bilal', 'Rohan', 'Usman', 'Vikram', 'Faisal', 'Sanjay', 'Hamza', 'Raj', 'Adnan'],
  family: ['Patel', 'Shah', 'Sharma', 'Iqbal', 'Malik', 'Singh', 'Qureshi', 'Kumar', 'Butt', 'Mehta'],
};
const CHINESE: NameSet = {
  female: ['Mei', 'Ling', 'Xiu', 'Yan', 'Hui', 'Jing', 'Li', 'Qing', 'Fang', 'Wen'],
  male: ['Wei', 'Jun', 'Hao', 'Ming', 'Lei', 'Tao', 'Jian', 'Bo', 'Chen', 'Yong'],
  family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'],
};
const ARAB: NameSet = {
  female: ['Layla', 'Nour', 'Yasmin', 'Rania', 'Salma', 'Huda', 'Dina', 'Lina', 'Mariam', 'Reem'],
  male: ['Karim', 'Omar', 'Khalid', 'Samir', 'Tariq', 'Nabil', 'Ziad', 'Hadi', 'Walid', 'Fadi'],
  family: ['Haddad', 'Mansour', 'Khalil', 'Saleh', 'Nasser', 'Hamdan', 'Aziz', 'Darwish', 'Farouk', 'Sabry'],
};

export function nameSetFor(ethnicity: EthnicityCode | null): NameSet {
  switch (ethnicity) {
    case 'A1':
      return BANGLADESHI;
    case 'A2':
      return CHINESE;
    case 'A3':
    case 'A4':
    case 'A5':
      return SOUTH_ASIAN_OTHER;
    case 'B1':
    case 'B3':
      return SOMALI_AFRICAN;
    case 'B2':
    case 'M3':
      return CARIBBEAN;
    case 'W2':
    case 'W3':
    case 'W4':
    case 'W5':
      return OTHER_WHITE;
    case 'O1':
      return ARAB;
    case 'W1':
    case 'M1':
    case 'M2':
    case 'M4':
    case 'O2':
    case null:
      return WHITE_BRITISH;
  }
}

/** Staff are drawn from the borough's communities too. */
export const STAFF_NAME_SETS = [BANGLADESHI, WHITE_BRITISH, OTHER_WHITE, SOMALI_AFRICAN, SOUTH_ASIAN_OTHER, CARIBBEAN] as const;
/** Languages a member of staff from each name set may speak besides English. */
export const STAFF_LANGUAGES: readonly (readonly string[])[] = [['bn', 'syl'], [], ['pl', 'it', 'es', 'fr'], ['so'], ['ur'], []];

export const NEIGHBOURHOODS = [
  'Whitechapel', 'Stepney Green', 'Spitalfields', 'Shadwell', 'Wapping', 'Limehouse', 'Bethnal Green', 'Globe Town',
  'Weavers', 'St Peter\'s', 'Bow', 'Mile End', 'Bromley-by-Bow', 'Old Ford', 'Fish Island', 'Poplar', 'Lansbury',
  'Blackwall', 'Isle of Dogs', 'Millwall', 'Cubitt Town', 'Canary Wharf', 'St Katharine\'s', 'Aldgate',
] as const;

export const STREETS = [
  'Commercial Road', 'Mile End Road', 'Roman Road', 'Bethnal Green Road', 'Cable Street', 'Burdett Road', 'East India Dock Road',
  'Westferry Road', 'Manchester Road', 'Bow Road', 'Cambridge Heath Road', 'Brick Lane', 'Jamaica Street', 'Chrisp Street',
  'Grove Road', 'Globe Road', 'Harford Street', 'Stepney Way', 'Watney Street', 'Wapping Lane', 'Old Montague Street',
  'Vallance Road', 'Cephas Avenue', 'Devons Road', 'St Paul\'s Way', 'Ben Jonson Road', 'Salmon Lane', 'Aberfeldy Street',
] as const;

export const PRACTICE_SUFFIXES = ['Medical Practice', 'Health Centre', 'Surgery', 'Group Practice', 'Medical Centre'] as const;
