/**
 * Sentence templates of synthetic news, Indonesian and English. Slots are filled from the
 * lexicon (see generate.ts): {L1} {L2} leaders' full names, {S1} {S2} their short names,
 * {T1} {T2} their titles ("Presiden Rusia"), {C1} {C2} their countries, {C} any country,
 * {P} a place, {D} a date, {DOC} a document, {SEC} a sector, {ORG} an organization, {PER} a
 * person, {PR} a person's role, {MEET} a meeting word, {SIGN} a signing word, {N} a number,
 * {Y} a year, {M} a month, {F} filler words.
 */
export const SENTENCES: Record<'id' | 'en', string[]> = {
  id: [
    '{T1} {L1} dan {T2} {L2} {MEET} di {P} pada {D}.',
    '{S1} dan {S2} {SIGN} {DOC} tentang kerja sama {SEC} dan {SEC}.',
    'Kedua pemimpin membahas peningkatan kerja sama di bidang {SEC}, {SEC} dan {SEC}.',
    'Menurut {PR} {PER}, hubungan {C1} dan {C2} terus berkembang di tengah {F}.',
    '{ORG} dijadwalkan menggelar pertemuan di {P} pada {M} {Y}.',
    'Perdagangan bilateral antara {C1} dan {C2} mencapai USD{N} miliar pada {Y}.',
    '“Kami siap memperluas kerja sama {SEC} dengan {C2},” kata {S1} kepada wartawan.',
    '{S2} menyebut {DOC} itu sebagai tonggak baru hubungan kedua negara.',
    'Sementara itu, {F}.',
    'Pertemuan tersebut berlangsung selama {N} jam di {P}, {C}.',
    '{PR} {PER} mengatakan {C} akan {F}.',
    'Para analis menilai {F} dan {F}.',
    'Sebelumnya, {S1} juga {MEET} pemimpin {C} di {P}.',
    'Delegasi {C1} tiba di {P} pada {D} untuk membahas {SEC}.',
  ],
  en: [
    '{T1} {L1} and {T2} {L2} {MEET} in {P} on {D}.',
    '{S1} and {S2} {SIGN} a {DOC} on {SEC} and {SEC} cooperation.',
    'The two leaders discussed closer cooperation in {SEC}, {SEC} and {SEC}.',
    'According to {PR} {PER}, ties between {C1} and {C2} keep growing amid {F}.',
    '{ORG} is scheduled to meet in {P} in {M} {Y}.',
    'Bilateral trade between {C1} and {C2} reached USD {N} billion in {Y}.',
    '“We are ready to expand {SEC} cooperation with {C2},” {S1} told reporters.',
    '{S2} called the {DOC} a new milestone for the two countries.',
    'Meanwhile, {F}.',
    'The meeting lasted {N} hours in {P}, {C}.',
    '{PR} {PER} said {C} would {F}.',
    'Analysts said {F} and {F}.',
    'Earlier, {S1} also {MEET} the leader of {C} in {P}.',
    'A delegation from {C1} arrived in {P} on {D} to discuss {SEC}.',
  ],
};

export const TITLES: Record<'id' | 'en', string[]> = {
  id: [
    '{S1} dan {S2} Bahas Kerja Sama {SEC}',
    '{S1} Temui {S2} di {P}',
    '{C1} dan {C2} Teken {DOC} Baru',
  ],
  en: [
    '{S1} and {S2} Discuss {SEC} Ties',
    '{S1} Meets {S2} in {P}',
    '{C1} and {C2} Sign New {DOC}',
  ],
};

/** Plain words for filler phrases: text the annotators must read through and find nothing in. */
export const FILLER: Record<'id' | 'en', string[]> = {
  id: [
    'situasi',
    'ekonomi',
    'global',
    'yang',
    'terus',
    'berubah',
    'tantangan',
    'baru',
    'bagi',
    'kawasan',
    'para',
    'pengamat',
    'menilai',
    'langkah',
    'tersebut',
    'cukup',
    'penting',
    'masyarakat',
    'menunggu',
    'hasil',
    'nyata',
    'dari',
    'pembicaraan',
    'ini',
    'harga',
    'pasar',
    'naik',
    'turun',
    'pekan',
    'lalu',
  ],
  en: [
    'the',
    'global',
    'economy',
    'keeps',
    'shifting',
    'new',
    'challenges',
    'for',
    'the',
    'region',
    'observers',
    'see',
    'this',
    'step',
    'as',
    'important',
    'markets',
    'await',
    'concrete',
    'results',
    'of',
    'these',
    'talks',
    'prices',
    'rose',
    'and',
    'fell',
    'last',
    'week',
    'again',
  ],
};

/** Page furniture lines, as news sites leave them in scraped text. */
export const FURNITURE = {
  readAlso: ['Baca juga: {HEADLINE}', 'Read also: {HEADLINE}', 'Simak juga: {HEADLINE}'],
  single: ['ADVERTISEMENT', 'Scroll to continue with content', 'Bagikan', 'Google News'],
  byline: ['Editor: {NAME}', 'Penulis: {NAME}', 'Reporter: {NAME}', 'Sumber: Synthetic Wire'],
};

/** Odd characters real scraped text carries: the reader and annotators must survive them. */
export const NOISE = ['\u00a0', '\u200f', '🔥', '—', '…', '&', '<b>', '"', '’', '\t'];

/** Names for bylines: invented, no lexicon entry. */
export const BYLINE_NAMES = ['Rina Sari', 'Budi Santoso', 'A. Pratama', 'J. Doe', 'Dewi Lestari'];
