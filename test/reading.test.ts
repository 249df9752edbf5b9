import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeArticle } from '../src/read/decode.js';
import { readFrontMatter } from '../src/read/front-matter.js';
import { splitSentences } from '../src/read/sentences.js';
import { classifyLines, isSpaceCode } from '../src/read/zones.js';

const zonesOf = (text: string) =>
  classifyLines(text)
    .filter((l) => l.end > l.start)
    .map((l) => [text.slice(l.start, l.end), l.zone]);

describe('decode', () => {
  it('keeps a UTF-8 BOM and CRLF so offsets index the text as read', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Putin\r\nXi')]);
    const text = decodeArticle(bytes, 'a.txt');
    assert.equal(text, '\uFEFFPutin\r\nXi');
    assert.equal(text.slice(1, 6), 'Putin');
  });
  it('decodes UTF-16 with a BOM', () => {
    const body = 'Tiongkok';
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < body.length; i++) bytes[2 + 2 * i] = body.charCodeAt(i);
    assert.equal(decodeArticle(bytes, 'a.txt'), '\uFEFFTiongkok');
  });
  it('refuses binary and invalid UTF-8 with the file named', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    assert.throws(
      () => decodeArticle(png, 'pic.txt'),
      (e: Error & { code?: string; format?: () => string }) =>
        e.code === 'E_INPUT' && /pic\.txt/.test(e.format?.() ?? ''),
    );
    assert.throws(
      () => decodeArticle(new Uint8Array([0x41, 0xff, 0x41]), 'bad.txt'),
      /invalid UTF-8 at byte 1/,
    );
  });
});

describe('front matter', () => {
  it('reads metadata and where the body starts', () => {
    const text = '---\npublished: 2024-05-16\noutlet: Test\n---\nPutin tiba di Beijing.';
    const { meta, bodyStart } = readFrontMatter(text, 'a.txt');
    assert.deepEqual(meta, { published: '2024-05-16', outlet: 'Test' });
    assert.equal(text.slice(bodyStart), 'Putin tiba di Beijing.');
  });
  it('rejects a date that is not a date', () => {
    assert.throws(
      () => readFrontMatter('---\npublished: yesterday\n---\nx', 'a.txt'),
      /front matter/,
    );
  });
});

describe('page furniture', () => {
  const furniture: Array<[string, string]> = [
    ['Baca juga : Xi Jinping dan Vladimir Putin akan Bertemu di Uzbekistan', 'related-inline'],
    ['Baca Juga: China Mengaku Tak Khawatir Dengan Boikot Diplomatik Olimpiade', 'related-inline'],
    ['Cek Berita dan Artikel yang lain di', 'check-news'],
    ['Simak selengkapnya di halaman berikutnya.', 'read-more'],
    ['Editor : Thalatie Yani', 'byline'],
    ['Exit mobile version', 'exit-mobile'],
    ['Sumber: BBC | Editor: Barratut Taqiyyah Rafie', 'source-and-editor'],
    ['visitaaponce.com', 'site-name'],
    ['Read also: Putin meets Xi in Beijing', 'read-also-en'],
    ['Advertisement', 'advertisement'],
    ['Pilihan Editor: Zelensky Siap Mundur Jika Ukraina Diterima di NATO', 'editors-pick'],
    ['[Gambas:Video CNN]', 'video-widget'],
    ['Simak Video "Putin dan Xi Bertemu di Kazan"', 'video-widget'],
    ['Artikel ini telah tayang di Kompas.com dengan judul "Putin Tiba di Beijing"', 'syndicated'],
    [
      'Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.',
      'get-updates',
    ],
  ];
  for (const [line, rule] of furniture) {
    it(`"${line}" is furniture (${rule})`, () => {
      const [l] = classifyLines(
        `Judul artikel\n\nIsi berita pertama.\n${line}\nIsi berita kedua.`,
      ).filter((x) => x.zone === 'furniture');
      assert.ok(l, 'a furniture line');
      assert.equal(l.rule, rule);
    });
  }
  it('a "Baca Juga" header takes the headline after it, not the next paragraph', () => {
    const text =
      'Judul\n\nBaca Juga:\nDilantik Tanpa Sentuh Alkitab, Tindakan Donald Trump Jadi Sorotan\nPutin dan Xi bertemu pada hari Rabu.';
    assert.deepEqual(zonesOf(text), [
      ['Judul', 'title'],
      ['Baca Juga:', 'furniture'],
      ['Dilantik Tanpa Sentuh Alkitab, Tindakan Donald Trump Jadi Sorotan', 'furniture'],
      ['Putin dan Xi bertemu pada hari Rabu.', 'body'],
    ]);
    const text2 =
      'Judul\n\nBaca Juga\nPernyataan tersebut merupakan indikasi terbaru bahwa Xi akan terus menahan dukungan.';
    assert.equal(zonesOf(text2)[2]?.[1], 'body');
  });
  it('a list heading ("Related:", "TOPIK TERKAIT") takes the links or tags under it', () => {
    const text =
      'Judul\n\nPutin dan Xi bertemu pada hari Rabu.\n\nRelated:\n• China, Russia Sign Deal on Yuan-Ruble Swaps\n• Putin Visits Beijing\n\nTOPIK TERKAIT\nXi Jinping';
    assert.deepEqual(
      zonesOf(text).map(([, zone]) => zone),
      ['title', 'body', 'furniture', 'furniture', 'furniture', 'furniture', 'furniture'],
    );
  });
  it('ordinary sentences are not furniture (miss table)', () => {
    for (const line of [
      'Sumber di Kremlin mengatakan Putin akan tiba besok pagi di Beijing untuk pembicaraan.',
      'Editorial itu menyebut kunjungan tersebut penting.',
      'Simak saja: kedua pemimpin bertemu di Moskow.',
    ]) {
      const zones = zonesOf(`Judul\n\n${line}`);
      assert.equal(zones[1]?.[1], 'body', line);
    }
  });
  it('marks the title and photo captions', () => {
    const text =
      'Putin Tiba di Beijing\n\nPresiden Rusia Vladimir Putin di Kremlin. Foto: rt.com\n\nPutin tiba.';
    assert.deepEqual(
      zonesOf(text).map((z) => z[1]),
      ['title', 'caption', 'body'],
    );
  });
});

describe('sentences', () => {
  const sentences = (text: string) =>
    splitSentences(text, classifyLines(`${text}`)).map((s) => text.slice(s.start, s.end));
  it('does not break inside figures, abbreviations or initials', () => {
    const text =
      'Judul\nPerdagangan mencapai USD200 miliar tahun ini. Nilainya 2.5 kali lipat dari Dr. Ivanov dkk. tahun lalu. Vladimir V. Putin hadir.';
    assert.deepEqual(sentences(text).slice(1), [
      'Perdagangan mencapai USD200 miliar tahun ini.',
      'Nilainya 2.5 kali lipat dari Dr. Ivanov dkk. tahun lalu.',
      'Vladimir V. Putin hadir.',
    ]);
  });
  it('keeps a closing quote with its sentence', () => {
    const text = 'Judul\n“Kami selalu mendukung perdamaian.” kata Xi. Putin setuju.';
    assert.deepEqual(sentences(text).slice(1), [
      '“Kami selalu mendukung perdamaian.” kata Xi.',
      'Putin setuju.',
    ]);
  });
  it('produces no sentence from furniture lines', () => {
    const text =
      'Judul\nBaca juga : Xi Jinping dan Vladimir Putin akan Bertemu di Uzbekistan\nIsi.';
    assert.deepEqual(sentences(text), ['Judul', 'Isi.']);
  });
});

// The speed paths (a cheap test before a slow pattern, no segmenter for plain lines) must not
// change what is found: these are the cases where a careless shortcut would.
describe('reading shortcuts find what the full rules find', () => {
  it('photo captions in any case, also where Unicode case folding makes ſ an s', () => {
    for (const caption of [
      'FOTO : Xinhua',
      'Putin di Kremlin (Photo: AP)',
      'Putin tiba ILUSTRAſI',
      'Xi dan Putin via REUTERS',
      'Xi dan Putin (FROM afp VIDEO)',
      'Putin dan Xi. REUTERſ/Sputnik',
      'Putin dan Xi. ANTARA/Hafidz',
    ]) {
      const zones = zonesOf(`Judul berita\nParagraf pertama yang panjang.\n${caption}`);
      assert.deepEqual(zones.at(-1), [caption, 'caption'], caption);
    }
    const body = 'Kedua negara sepakat memperkuat kerja sama pada 21/3/2023.';
    assert.deepEqual(zonesOf(`Judul berita\nParagraf pertama.\n${body}`).at(-1), [body, 'body']);
  });

  it('white space is what \\s means, for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++)
      assert.equal(isSpaceCode(c), /\s/u.test(String.fromCharCode(c)), c.toString(16));
  });

  it('a line without sentence punctuation is one sentence; non-ASCII ends still break', () => {
    const plain = 'Putin dan Xi bertemu di Beijing pada Selasa';
    const article = `Judul\n${plain}`;
    assert.deepEqual(
      splitSentences(article, classifyLines(article)).map((s) => article.slice(s.start, s.end)),
      ['Judul', plain],
    );
    for (const text of [
      'Putin tiba di Beijing。Xi menyambutnya',
      'Putin tiba di Beijing！Xi menyambutnya',
    ]) {
      const full = `Judul\n${text}`;
      const sentences = splitSentences(full, classifyLines(full)).map((s) =>
        full.slice(s.start, s.end),
      );
      assert.equal(sentences.length, 3, JSON.stringify(sentences));
      assert.equal(sentences[2], 'Xi menyambutnya');
    }
  });
});
