import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotate } from '../src/annotate/index.js';
import { LAYERS } from '../src/annotate/matcher.js';
import { tokenize } from '../src/annotate/tokens.js';
import { loadLexicon } from '../src/lexicon/index.js';

/** Keys of one type the annotation finds in a text. */
function found(text: string, type: string, published = '2023-03-22'): string[] {
  const doc = annotate(text, { id: 't', published });
  return doc.nodes
    .filter((n) => n.attributes.type === type)
    .map((n) => n.key.slice(type.length + 1))
    .sort();
}

// [text, type, expected ids, published date]
const POSITIVE: Array<[string, string, string[], string?]> = [
  // real sentences from the corpus
  [
    'Presiden China Xi Jinping dan Presiden Rusia Vladimir Putin menandatangani pernyataan bersama di Kremlin, di Moskow, Rusia.',
    'Leader',
    ['vladimir-putin', 'xi-jinping'],
  ],
  [
    'Presiden China Xi Jinping dan Presiden Rusia Vladimir Putin menandatangani pernyataan bersama di Kremlin, di Moskow, Rusia.',
    'Location',
    ['kremlin', 'moscow'],
  ],
  [
    'Perwakilan Gedung Putih dan Departemen Luar Negeri AS pekan ini menentang gencatan senjata apa pun di Ukraina.',
    'Country',
    ['UA', 'US'],
  ],
  [
    'Perwakilan Gedung Putih dan Departemen Luar Negeri AS pekan ini menentang gencatan senjata apa pun di Ukraina.',
    'Organization',
    ['us-department-of-state', 'white-house'],
  ],
  [
    'Kedua kepala negara sepakat untuk memperkuat komunikasi dan koordinasi di PBB, Organisasi Kerjasama Shanghai (SCO), BRICS, APEC dan G20.',
    'Organization',
    ['apec', 'brics', 'g20', 'sco', 'un'],
  ],
  [
    'Sebelumnya, Juru Bicara Kementerian Luar Negeri China Wang Wenbin mengungkapkan harapan bahwa kunjungan Mishustin akan membantu.',
    'Person',
    ['wang-wenbin'],
  ],
  [
    'Perdana Menteri Rusia Mikhail Mishustin tiba di China dalam kunjungan resminya pada Senin (22/5/2023).',
    'Leader',
    ['mikhail-mishustin'],
  ],
  [
    'Tiongkok dan Rusia pada hari Rabu sepakat untuk meningkatkan hubungan mereka; RRT dan AS berselisih.',
    'Country',
    ['CN', 'RU', 'US'],
  ],
  // titles resolved through terms of office and the article's date
  [
    'Presiden Rusia memuji peta jalan perdamaian yang diusulkan oleh China.',
    'Leader',
    ['vladimir-putin'],
    '2023-03-22',
  ],
  ['Presiden AS mengatakan tarif baru akan berlaku.', 'Leader', ['donald-trump'], '2025-01-25'],
  ['Presiden AS mengatakan tarif baru akan berlaku.', 'Leader', ['joe-biden'], '2023-06-01'],
  [
    'Pemimpin Tiongkok tersebut mencatat bahwa tahun ini menandai peringatan 70 tahun.',
    'Leader',
    ['xi-jinping'],
    '2019-06-06',
  ],
  ['Perdana Menteri Rusia berbicara di forum.', 'Leader', ['vladimir-putin'], '2010-06-01'],
  ['Perdana Menteri China berbicara di forum.', 'Leader', ['li-qiang'], '2024-08-22'],
  // English
  [
    'Chinese President Xi Jinping meets with his Russian counterpart Vladimir Putin in Beijing.',
    'Leader',
    ['vladimir-putin', 'xi-jinping'],
    '2016-06-26',
  ],
  [
    'The Russian President spoke to reporters in the Kremlin.',
    'Leader',
    ['vladimir-putin'],
    '2016-06-26',
  ],
  [
    'Chinese Assistant Foreign Minister Li Huilai said at an earlier press conference.',
    'Person',
    ['li-huilai'],
    '2017-07-03',
  ],
  [
    'The China-Russia relationship is at its best, Xi told Russian media in Moscow.',
    'Country',
    ['CN', 'RU'],
    '2017-07-03',
  ],
  // short forms resolve in context; Indonesian clitics do not hide a mention
  [
    'Xi dan Putin juga membahas peningkatan skala perdagangan.',
    'Leader',
    ['vladimir-putin', 'xi-jinping'],
  ],
  ['Tiongkok-Rusia sepakat; kebijakan Rusianya berubah.', 'Country', ['CN', 'RU']],
  // a leader the lexicon does not know, named after a head-of-state title
  [
    'Presiden Uzbekistan Abdulaziz Karimbekov menyambut tamunya.',
    'Leader',
    ['abdulaziz-karimbekov'],
  ],
  // a person the lexicon does not know, named after a role
  [
    'Menteri Luar Negeri Amerika John Kerry tidak membesar-besarkan kaitan itu.',
    'Person',
    ['john-kerry'],
    '2014-05-21',
  ],
  [
    'CEO perusahaan gas Rusia Gazprom Alexei Miller hadir.',
    'Person',
    ['alexei-miller'],
    '2014-05-21',
  ],
  // a name that begins (or goes on) with a family name the lexicon knows of someone else, and a
  // hyphenated given name
  [
    'Xi tampil bersama Putin dan Perdana Menteri Korea Selatan Lee Nak-yon.',
    'Leader',
    ['lee-nak-yon', 'vladimir-putin', 'xi-jinping'],
    '2018-09-12',
  ],
  ['Xi tampil bersama Perdana Menteri Korea Selatan Lee Nak-yon.', 'Person', [], '2018-09-12'],
  [
    'Protokol itu diteken Presiden CNPC Chen Geng di Beijing.',
    'Person',
    ['chen-geng'],
    '2006-03-22',
  ],
  // a company's president is a person, not a head of state
  [
    'Perjanjian itu diteken Presiden Rosneft Ivan Petrovsky di Moskow.',
    'Person',
    ['ivan-petrovsky'],
  ],
  ['Perjanjian itu diteken Presiden Rosneft Ivan Petrovsky di Moskow.', 'Leader', []],
  // Indonesian universities and think tanks that news quotes
  [
    'Pengamat dari Universitas Padjadjaran dan peneliti Centre for Strategic and International Studies (CSIS) menilai.',
    'Organization',
    ['padjadjaran-university', 'csis'],
  ],
  // companies and agencies that sign or are named in cooperation news
  [
    'Kesepakatan itu diteken oleh Presiden MTS dan Wakil Ketua Huawei, sementara TVEL memasok bahan bakar.',
    'Organization',
    ['mts', 'huawei', 'tvel'],
  ],
  [
    'Huawei masuk daftar hitam Departemen Perdagangan AS, dan Google membatasi akses.',
    'Organization',
    ['huawei', 'us-department-of-commerce', 'google'],
  ],
  // an institution between a role and the name
  [
    'Pengamat hubungan internasional dari Universitas Padjadjaran, Bambang Hariyadi, menilai pilihan itu.',
    'Person',
    ['bambang-hariyadi'],
  ],
  [
    'Menurut peneliti Centre for Strategic and International Studies (CSIS) Jakarta, Yudha Pratama, kesepakatan itu penting.',
    'Person',
    ['yudha-pratama'],
  ],
  [
    'Ekonom Center of Economic and Law Studies (Celios), Dimas Aryo Pranoto, menilai.',
    'Person',
    ['dimas-aryo-pranoto'],
  ],
  ['Gelar itu diserahkan langsung oleh Rektor Nikolai Kropachev.', 'Person', ['nikolai-kropachev']],
  // a family name is the person the article names in full with it, not one of the lexicon
  [
    'Delegasi dipimpin Gubernur Provinsi Heilongjiang Liang Huiling. Dokumen itu diteken Gubernur Liang.',
    'Person',
    ['liang-huiling'],
  ],
  // Russia's regions, as Indonesian and English news name them
  [
    'Delegasi Daerah Otonom Yahudi dan Daerah Amur tiba di Harbin.',
    'Location',
    ['jewish-autonomous-oblast', 'amur-oblast', 'harbin'],
  ],
  [
    'Novatek ships LNG from the Murmansk region and Krasnoyarsk Krai.',
    'Location',
    ['murmansk-oblast', 'krasnoyarsk-krai'],
  ],
  // a place between a role and the name is not part of the name
  ['Hadir pula Gubernur Daerah Amur Alexander Kozlov.', 'Person', ['alexander-kozlov']],
  ['Governor of Amur Oblast Vasily Orlov met the delegation.', 'Person', ['vasily-orlov']],
  ['Dokumen itu diteken Gubernur Sverdlovsk Denis Pasler.', 'Person', ['denis-pasler']],
  // officials, bodies and venues of other years and outlets than the corpus's
  [
    "Menteri Keuangan China Lan Fo'an berbicara di Forum Boao untuk Asia di Boao, Hainan.",
    'Person',
    ['lan-foan'],
    '2024-03-27',
  ],
  [
    "Menteri Keuangan China Lan Fo'an berbicara di Forum Boao untuk Asia di Boao, Hainan.",
    'Organization',
    ['boao-forum-for-asia'],
    '2024-03-27',
  ],
  [
    'Wakil Menteri Luar Negeri Anis Matta menerima Duta Besar Rusia di Jakarta.',
    'Person',
    ['anis-matta'],
    '2025-02-10',
  ],
  [
    'Lavrov juga akan menghadiri KTT Asia Timur dan Forum Regional ASEAN di Jakarta.',
    'Organization',
    ['asean-regional-forum', 'east-asia-summit'],
    '2023-07-12',
  ],
  [
    'Presiden Prabowo Subianto menerima Wang Yi di Istana Merdeka, Jakarta.',
    'Location',
    ['merdeka-palace'],
    '2025-04-21',
  ],
  // a family name two people share goes to the one named in full
  [
    'Wakil CEO Gazprom Alexander Medvedev tiba di Beijing. Medvedev mengatakan harga gas disepakati.',
    'Person',
    ['alexander-medvedev'],
    '2006-03-22',
  ],
  [
    'Perdana Menteri Rusia Dmitry Medvedev tiba di Beijing. Medvedev mengatakan harga gas disepakati.',
    'Leader',
    ['dmitry-medvedev'],
    '2014-10-13',
  ],
  [
    'Kedua presiden membahas ancaman perang nuklir dan rencana pertahanan rudal Amerika Serikat.',
    'Sector',
    ['security'],
  ],
  // a family name after a courtesy word or opening a sentence is still that person's
  [
    'Speaking at the summit, Mr Xi said alliances were not conducive to security.',
    'Leader',
    ['xi-jinping'],
  ],
  ['Adapun Xi dijadwalkan bertemu Putin pekan depan.', 'Leader', ['xi-jinping']],
  // universities, not a university's name
  ['Kedua negara sepakat menambah beasiswa dan kerja sama universitas.', 'Sector', ['education']],
  // coordination, alone, is of foreign policy (the spec's diplomacy)
  ['Kedua pemimpin sepakat memperkuat koordinasi di PBB dan SCO.', 'Sector', ['diplomacy']],
];

// [text, type, ids that must NOT be found]
const MISS: Array<[string, string, string[]]> = [
  // television and news agencies that carry the report are not the media sector
  [
    '"Kerja sama kita penting," ujar Putin dalam pembukaan pembicaraan yang disiarkan televisi.',
    'Sector',
    ['media'],
  ],
  [
    '"Selamat ulang tahun," kata Putin, sebagaimana diwartakan kantor berita Rusia, TASS.',
    'Sector',
    ['media'],
  ],
  // a ride and a port city are not transport cooperation
  ['Sore harinya, keduanya naik kereta cepat ke Tianjin.', 'Sector', ['transport_logistics']],
  ['Putin then flew to the port city of Qingdao.', 'Sector', ['transport_logistics']],
  // a school's name is not schooling
  [
    'Pengamat hubungan internasional Universitas Indonesia, Rina Wulandari, menilai pertemuan itu penting.',
    'Sector',
    ['education'],
  ],
  ['"It is a signal," said a professor at Renmin University in Beijing.', 'Sector', ['education']],
  ['Hadir pula Gubernur Daerah Amur Alexander Kozlov.', 'Person', ['daerah-amur-alexander-kozlov']],
  ['Dokumen itu diteken Gubernur Sverdlovsk Denis Pasler.', 'Person', ['sverdlovsk-denis-pasler']],
  // an alliance a country leads is no one's office; a verb ends a role's phrase
  [
    'Kedua negara meminta aliansi pimpinan Amerika Serikat itu meninggalkan pendekatan era Perang Dingin.',
    'Leader',
    ['joe-biden'],
  ],
  [
    'Kedua negara meminta aliansi pimpinan Amerika Serikat itu meninggalkan pendekatan era Perang Dingin.',
    'Person',
    ['perang-dingin'],
  ],
  [
    'Delegasi dipimpin Gubernur Provinsi Heilongjiang Liang Huiling. Dokumen itu diteken Gubernur Liang.',
    'Person',
    ['liang-guanglie'],
  ],
  // a currency names no country
  ['Perdagangan kedua negara mencapai 110 miliar dolar AS pada 2019.', 'Country', ['US']],
  ['Trade reached 240 billion US dollars last year.', 'Country', ['US']],
  // a school's name and a related-story line name no country
  [
    'Menurut pengamat Universitas Indonesia, Hendra Kusuma, rangkaian pertemuan itu penting.',
    'Country',
    ['ID'],
  ],
  ['Baca: Dubes Ukraina untuk RI Minta Indonesia Bersuara Tegas', 'Country', ['ID', 'UA']],
  // "Geng" is Geng Shuang's family name, but after another name it is someone else's given name
  [
    'Perjanjian itu diteken Kepala Gazprom Alexei Miller dan Presiden CNPC Chen Geng di Beijing.',
    'Person',
    ['geng-shuang'],
  ],
  // nuclear weapons, nuclear war and missile defence are strategic stability (security), not
  // military cooperation
  [
    'Kedua presiden membahas ancaman perang nuklir dan rencana pertahanan rudal Amerika Serikat.',
    'Sector',
    ['military'],
  ],
  [
    'The leaders warned against nuclear war and a US missile defense shield.',
    'Sector',
    ['military'],
  ],
  ['Nilainya mencapai US$400 miliar atau sekitar Rp5.600 triliun.', 'Country', ['US']],
  ['Kawasan Amerika Latin dan Asia menjadi tujuan ekspor.', 'Country', ['US']],
  ['Wakil Presiden AS tiba di Manila.', 'Leader', ['donald-trump', 'joe-biden']],
  ['Kedua presiden bertemu di Moskow.', 'Leader', ['vladimir-putin', 'xi-jinping']],
  ['The two leaders spoke as well as they could about the weather.', 'Country', ['US']],
  ['Terpilih kembali sebagai Sekretaris Jenderal Komite Pusat CPC.', 'Person', ['komite-pusat']],
  ['Li menegaskan pentingnya kerja sama.', 'Leader', ['li-qiang', 'li-keqiang']],
  [
    'Wakil CEO Gazprom Alexander Medvedev tiba di Beijing. Medvedev mengatakan harga gas disepakati.',
    'Leader',
    ['dmitry-medvedev'],
  ],
  // a Chinese family name alone, as in a photo credit, is no one the lexicon knows
  ['Xi Jinping took office in 2013. [Photo: Xinhua/Ju Peng]', 'Person', ['peng-liyuan']],
  // a document's title after a role and a verb is no one's name
  [
    'Ketiga kepala negara menyaksikan penandatanganan Program Pembangunan Koridor Ekonomi China-Mongolia-Rusia.',
    'Person',
    ['program-pembangunan-koridor-ekonomi'],
  ],
  // an earlier holder of the office, not the one at the article's date (2023)
  [
    'Traktat itu ditandatangani pada 16 Juli 2001 oleh Putin dan presiden China kala itu, Jiang Zemin.',
    'Leader',
    ['xi-jinping'],
  ],
  [
    'The treaty was signed in 2001 by Putin and the then Chinese president, Jiang Zemin.',
    'Leader',
    ['xi-jinping'],
  ],
];

describe('entity annotators (positive table)', () => {
  for (const [text, type, expected, published] of POSITIVE) {
    it(`${type} in "${text.slice(0, 60)}…"`, () => {
      const got = found(text, type, published);
      for (const id of expected) assert.ok(got.includes(id), `${id} not in [${got.join(', ')}]`);
    });
  }
});

describe('entity annotators (miss table)', () => {
  for (const [text, type, absent] of MISS) {
    it(`no ${absent.join('/')} in "${text.slice(0, 60)}"`, () => {
      const got = found(text, type);
      for (const id of absent) assert.ok(!got.includes(id), `${id} found in [${got.join(', ')}]`);
    });
  }
});

describe('furniture', () => {
  it('a related-story line produces nothing', () => {
    const text =
      'Judul berita\n\nIsi berita tentang cuaca.\nBaca juga : Xi Jinping dan Vladimir Putin akan Bertemu di Uzbekistan\n';
    const doc = annotate(text, { id: 't', published: '2024-05-16' });
    assert.deepEqual(
      doc.nodes.filter((n) => n.attributes.type !== 'Article').map((n) => n.key),
      [],
    );
  });
  it('bylines and "Cek berita" lines produce nothing', () => {
    const text =
      'Judul\n\nIsi.\nEditor : Vladimir Putin\nCek berita dan artikel yg lain di Google News\n';
    const doc = annotate(text, { id: 't' });
    assert.ok(!doc.nodes.some((n) => n.key === 'Leader:vladimir-putin'));
  });
});

describe('evidence', () => {
  it('every mention carries offsets into the text and the matched text', () => {
    const text = '\uFEFFPresiden Rusia Vladimir Putin\r\ntiba di Beijing.';
    const doc = annotate(text, { id: 't', published: '2024-05-16' });
    for (const n of doc.nodes)
      for (const e of n.attributes.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    const putin = doc.nodes.find((n) => n.key === 'Leader:vladimir-putin');
    assert.equal(putin?.attributes.wikidata, 'Q7747');
    assert.ok(doc.edges.some((e) => e.key === 'LEADS:Leader:vladimir-putin->Country:RU'));
  });
});

describe('tokens and matching', () => {
  // the definition the fast tokenizer must keep: letters and digits, each token lower-cased
  // alone, a clitic split off after at least three characters
  function reference(text: string, from = 0, to = text.length) {
    const out: Array<{ start: number; end: number; norm: string; bare?: string }> = [];
    for (const m of text.slice(from, to).matchAll(/[\p{L}\p{N}]+/gu)) {
      const norm = m[0].toLowerCase();
      const start = from + (m.index ?? 0);
      const token: { start: number; end: number; norm: string; bare?: string } = {
        start,
        end: start + m[0].length,
        norm,
      };
      const clitic = /^(.{3,}?)(nya|lah|pun|kah)$/u.exec(norm);
      if (clitic?.[1]) token.bare = clitic[1];
      out.push(token);
    }
    return out;
  }

  it('tokenizes like the definition, also where lower-casing a whole span differs', () => {
    for (const text of [
      'Presiden Putin-nya pun datang, Xi-lah yang menyambutnya.',
      'İSTANBUL dan İzmir', // İ lower-cases to two code units
      "ΟΔΟΣ'Α ΟΔΟΣ Σ", // final sigma depends on the letters after the word
      '𝐀𝐁𝐂nya 𝐀nya abnya abcnya', // three code points before the clitic, not three units
      'x\ud800y \udc00z 😀nya ﬃ ß ǅ 2023-03-21',
    ]) {
      assert.deepEqual(tokenize(text), reference(text), text);
      for (let from = 0; from < text.length; from += 3)
        assert.deepEqual(
          tokenize(text, from, text.length - 1),
          reference(text, from, text.length - 1),
        );
    }
  });

  it('matching per layer index gives the matches per layer', () => {
    const { matcher } = loadLexicon();
    const text =
      'Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping membahas energi di Moskow.';
    const tokens = tokenize(text);
    const byLayer = matcher.matchByLayer(text, tokens);
    const map = matcher.match(text, 0, text.length, tokens);
    assert.ok(map.size >= 3);
    assert.deepEqual(
      new Map(byLayer.flatMap((list, l) => (list ? [[LAYERS[l], list] as const] : []))),
      map,
    );
    const entities = (map.get('entity') ?? []).map((m) => text.slice(m.start, m.end));
    assert.deepEqual(entities, ['Rusia', 'Vladimir Putin', 'China', 'Xi Jinping', 'Moskow']);
  });

  it('an acronym matches in its own case only', () => {
    assert.deepEqual(found('Pejabat AS dan Rusia bertemu di Jenewa.', 'Country'), ['RU', 'US']);
    assert.deepEqual(found('Pejabat as dan Rusia bertemu di Jenewa.', 'Country'), ['RU']);
  });
});
