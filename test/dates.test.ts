import assert from 'node:assert/strict';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { chooseAnchor, type DateMention, findDates } from '../src/annotate/dates/index.js';
import { loadDateLexicon } from '../src/annotate/dates/lexicon.js';
import { isKgError } from '../src/util/errors.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../src/util/paths.js';

type Expected = Omit<DateMention, 'start' | 'end' | 'correction'> & { correction?: RegExp };
/** [sentence, anchor, expected mentions in order]; options beyond the anchor go in a 4th cell. */
type Row = [string, string | undefined, Expected[], { countries?: string[] }?];

function check(row: Row): void {
  const [sentence, anchor, expected, extra] = row;
  const options: { anchor?: string; countries?: string[] } = { ...extra };
  if (anchor !== undefined) options.anchor = anchor;
  const found = findDates(sentence, options);
  assert.equal(found.length, expected.length, `${sentence}\n→ ${JSON.stringify(found)}`);
  found.forEach((mention, i) => {
    const { start, end, correction, ...rest } = mention;
    const { correction: wanted, ...want } = expected[i] as Expected;
    assert.equal(sentence.slice(start, end), mention.text);
    assert.deepEqual(rest, want, sentence);
    if (wanted) assert.match(correction ?? '', wanted, sentence);
    else assert.equal(correction, undefined, `${sentence}: unexpected correction ${correction}`);
  });
}

const table = (name: string, rows: Row[]): void => {
  describe(name, () => {
    for (const row of rows) it(`${row[0]} @ ${row[1] ?? 'no anchor'}`, () => check(row));
  });
};

// Weekdays below were looked up in a calendar: 2023-03-20 Mon, 2023-03-22 Wed, 2024-03-22 Fri,
// 2019-06-05 Wed, 2019-06-06 Thu, 2024-05-16 Thu, 2022-12-30 Fri, 2023-01-03 Tue,
// 2019-12-03 Tue, 2024-10-23 Wed, 2014-05-21 Wed, 2017-07-03 Mon, 2016-06-25 Sat.
table('Indonesian forms', [
  [
    'Rabu (22/3/2023)',
    undefined,
    [
      {
        text: 'Rabu (22/3/2023)',
        date: '2023-03-22',
        precision: 'day',
        how: 'explicit',
        weekday: 3,
      },
    ],
  ],
  [
    'Xi tiba pada Senin (20/3).',
    '2023-03-22',
    [{ text: 'Senin (20/3)', date: '2023-03-20', precision: 'day', how: 'partial', weekday: 1 }],
  ],
  [
    'Putin dijadwalkan ke China pada Kamis dan Jumat (16-17/5/2024).',
    '2024-05-15',
    [
      {
        text: 'Kamis',
        date: '2024-05-16',
        precision: 'day',
        how: 'weekday',
        weekday: 4,
        future: true,
      },
      {
        text: 'Jumat (16-17/5/2024)',
        date: '2024-05-16',
        endDate: '2024-05-17',
        precision: 'day',
        how: 'explicit',
        weekday: 5,
        future: true,
      },
    ],
  ],
  [
    'di Shanghai, China (21/5).',
    '2014-05-22',
    [{ text: '21/5', date: '2014-05-21', precision: 'day', how: 'partial' }],
  ],
  [
    'Dokumen tertanggal 30/12/2022 itu',
    undefined,
    [{ text: '30/12/2022', date: '2022-12-30', precision: 'day', how: 'explicit' }],
  ],
  [
    'Kompas.com - 15/06/2022, 21:01 WIB',
    undefined,
    [{ text: '15/06/2022', date: '2022-06-15', precision: 'day', how: 'explicit' }],
  ],
  [
    'melalui konferensi video pada Jumat (30/12/2022).',
    undefined,
    [
      {
        text: 'Jumat (30/12/2022)',
        date: '2022-12-30',
        precision: 'day',
        how: 'explicit',
        weekday: 5,
      },
    ],
  ],
  [
    'Putin tiba pada 16 Mei 2024.',
    '2024-05-20',
    [{ text: '16 Mei 2024', date: '2024-05-16', precision: 'day', how: 'explicit' }],
  ],
  [
    'Selasa, 3 Desember 2019 07:01 WIB',
    undefined,
    [
      {
        text: 'Selasa, 3 Desember 2019',
        date: '2019-12-03',
        precision: 'day',
        how: 'explicit',
        weekday: 2,
      },
    ],
  ],
  [
    'dilansir Reuters pada Senin, 2 Desember 2019.',
    '2019-12-03',
    [
      {
        text: 'Senin, 2 Desember 2019',
        date: '2019-12-02',
        precision: 'day',
        how: 'explicit',
        weekday: 1,
      },
    ],
  ],
  [
    'Rabu, 23 Oktober 2024 / 22:16 WIB',
    undefined,
    [
      {
        text: 'Rabu, 23 Oktober 2024',
        date: '2024-10-23',
        precision: 'day',
        how: 'explicit',
        weekday: 3,
      },
    ],
  ],
  [
    'Tiongkok dan Rusia pada hari Rabu sepakat',
    '2019-06-06',
    [{ text: 'hari Rabu', date: '2019-06-05', precision: 'day', how: 'weekday', weekday: 3 }],
  ],
  [
    'Zelensky pada Rabu mengumumkan',
    '2024-05-16',
    [{ text: 'Rabu', date: '2024-05-15', precision: 'day', how: 'weekday', weekday: 3 }],
  ],
  [
    'Pertemuan pada hari Kamis',
    '2024-05-16',
    [{ text: 'hari Kamis', date: '2024-05-16', precision: 'day', how: 'weekday', weekday: 4 }],
  ],
  [
    'KTT berakhir Selasa malam.',
    '2023-03-22',
    [
      {
        text: 'Selasa malam',
        date: '2023-03-21',
        precision: 'day',
        how: 'weekday',
        weekday: 2,
        partOfDay: 'malam',
      },
    ],
  ],
  [
    'Pada Selasa (21/3) malam, KTT menghasilkan',
    '2023-03-22',
    [
      {
        text: 'Selasa (21/3) malam',
        date: '2023-03-21',
        precision: 'day',
        how: 'partial',
        weekday: 2,
        partOfDay: 'malam',
      },
    ],
  ],
  [
    'pada hari Rabu (22/3/2023) dini hari',
    undefined,
    [
      {
        text: 'hari Rabu (22/3/2023) dini hari',
        date: '2023-03-22',
        precision: 'day',
        how: 'explicit',
        weekday: 3,
        partOfDay: 'dini hari',
      },
    ],
  ],
  [
    'terpilih kembali tahun lalu',
    '2019-06-06',
    [{ text: 'tahun lalu', date: '2018', precision: 'year', how: 'relative' }],
  ],
  [
    'peta jalan yang diusulkan bulan lalu',
    '2023-03-22',
    [{ text: 'bulan lalu', date: '2023-02', precision: 'month', how: 'relative' }],
  ],
  [
    'diusulkan bulan lalu',
    '2023-01-10',
    [{ text: 'bulan lalu', date: '2022-12', precision: 'month', how: 'relative' }],
  ],
  [
    'dideklarasikan pada Februari 2022',
    '2025-01-21',
    [{ text: 'Februari 2022', date: '2022-02', precision: 'month', how: 'explicit' }],
  ],
  [
    'bertemu pada Februari.',
    '2022-06-15',
    [{ text: 'Februari', date: '2022-02', precision: 'month', how: 'partial' }],
  ],
  [
    'bertemu pada Desember.',
    '2022-06-15',
    [{ text: 'Desember', date: '2021-12', precision: 'month', how: 'partial' }],
  ],
  [
    'Pada bulan Mei, Xi dan Putin',
    '2024-10-23',
    [{ text: 'bulan Mei', date: '2024-05', precision: 'month', how: 'partial' }],
  ],
  [
    'serangan pada awal Agustus.',
    '2024-08-22',
    [{ text: 'awal Agustus', date: '2024-08', precision: 'month', how: 'partial' }],
  ],
  [
    'a visit planned for the start of July; talks in the middle of March, pada penghujung Desember.',
    '2005-06-02',
    [
      {
        text: 'the start of July',
        date: '2005-07',
        precision: 'month',
        how: 'partial',
        future: true,
      },
      { text: 'the middle of March', date: '2005-03', precision: 'month', how: 'partial' },
      { text: 'penghujung Desember', date: '2004-12', precision: 'month', how: 'partial' },
    ],
  ],
  [
    'bertemu secara virtual di akhir tahun',
    '2022-12-30',
    [{ text: 'akhir tahun', date: '2022', precision: 'year', how: 'relative' }],
  ],
  [
    'mencapai US$245 miliar pada 2024 menurut data',
    '2025-01-21',
    [{ text: '2024', date: '2024', precision: 'year', how: 'explicit' }],
  ],
  [
    'sejak tahun 2013',
    undefined,
    [{ text: 'tahun 2013', date: '2013', precision: 'year', how: 'explicit' }],
  ],
  [
    'rencana pengembangan pada tahun 2030',
    '2023-03-22',
    [{ text: 'tahun 2030', date: '2030', precision: 'year', how: 'explicit' }],
  ],
  [
    'pada 2014, 2016 dan 2019',
    undefined,
    [
      { text: '2014', date: '2014', precision: 'year', how: 'explicit' },
      { text: '2016', date: '2016', precision: 'year', how: 'explicit' },
      { text: '2019', date: '2019', precision: 'year', how: 'explicit' },
    ],
  ],
  [
    'kunjungan ke Moskow pada 20-22 Maret',
    '2023-05-23',
    [
      {
        text: '20-22 Maret',
        date: '2023-03-20',
        endDate: '2023-03-22',
        precision: 'day',
        how: 'partial',
      },
    ],
  ],
  [
    'kunjungan 16-17 Mei 2024',
    undefined,
    [
      {
        text: '16-17 Mei 2024',
        date: '2024-05-16',
        endDate: '2024-05-17',
        precision: 'day',
        how: 'explicit',
      },
    ],
  ],
  [
    'kunjungan 30 Desember - 2 Januari 2023',
    undefined,
    [
      {
        text: '30 Desember - 2 Januari 2023',
        date: '2022-12-30',
        endDate: '2023-01-02',
        precision: 'day',
        how: 'explicit',
      },
    ],
  ],
  [
    'invasi pada 24 Februari 2022',
    undefined,
    [{ text: '24 Februari 2022', date: '2022-02-24', precision: 'day', how: 'explicit' }],
  ],
  [
    'invasi pada 24 Februari.',
    '2022-06-15',
    [{ text: '24 Februari', date: '2022-02-24', precision: 'day', how: 'partial' }],
  ],
  [
    'dari tahun 2020 hingga 2021',
    undefined,
    [
      {
        text: 'tahun 2020 hingga 2021',
        date: '2020',
        endDate: '2021',
        precision: 'year',
        how: 'explicit',
      },
    ],
  ],
  [
    'antara Januari dan November 2022',
    undefined,
    [
      {
        text: 'Januari dan November 2022',
        date: '2022-01',
        endDate: '2022-11',
        precision: 'month',
        how: 'explicit',
      },
    ],
  ],
  [
    'pada Januari-Oktober 2023',
    undefined,
    [
      {
        text: 'Januari-Oktober 2023',
        date: '2023-01',
        endDate: '2023-10',
        precision: 'month',
        how: 'explicit',
      },
    ],
  ],
  [
    'Senin (20/3) - Rabu (22/3)',
    '2023-03-25',
    [
      {
        text: 'Senin (20/3) - Rabu (22/3)',
        date: '2023-03-20',
        endDate: '2023-03-22',
        precision: 'day',
        how: 'partial',
        weekday: 1,
      },
    ],
  ],
  [
    '(22/3/24)',
    undefined,
    [{ text: '22/3/24', date: '2024-03-22', precision: 'day', how: 'explicit' }],
  ],
  [
    'Februari tahun lalu dan 24 Februari tahun lalu',
    '2023-04-01',
    [
      { text: 'Februari tahun lalu', date: '2022-02', precision: 'month', how: 'relative' },
      { text: '24 Februari tahun lalu', date: '2022-02-24', precision: 'day', how: 'relative' },
    ],
  ],
  [
    'pekan lalu',
    '2023-03-22',
    [
      {
        text: 'pekan lalu',
        date: '2023-03-13',
        endDate: '2023-03-19',
        precision: 'day',
        how: 'relative',
      },
    ],
  ],
  [
    'kemarin',
    '2023-03-01',
    [{ text: 'kemarin', date: '2023-02-28', precision: 'day', how: 'relative' }],
  ],
  [
    'hari ini',
    '2024-02-29',
    [{ text: 'hari ini', date: '2024-02-29', precision: 'day', how: 'relative' }],
  ],
  [
    'tadi malam',
    '2023-03-22',
    [
      {
        text: 'tadi malam',
        date: '2023-03-21',
        precision: 'day',
        how: 'relative',
        partOfDay: 'malam',
      },
    ],
  ],
  [
    'sejak pembentukan hubungan diplomatik 70 tahun yang lalu',
    '2019-06-06',
    [{ text: '70 tahun yang lalu', date: '1949', precision: 'year', how: 'relative' }],
  ],
  [
    'dua tahun lalu',
    '2023-03-22',
    [{ text: 'dua tahun lalu', date: '2021', precision: 'year', how: 'relative' }],
  ],
  [
    'akhir tahun lalu',
    '2023-05-10',
    [{ text: 'akhir tahun lalu', date: '2022', precision: 'year', how: 'relative' }],
  ],
  [
    'Senin lalu',
    '2023-03-20',
    [{ text: 'Senin lalu', date: '2023-03-13', precision: 'day', how: 'weekday', weekday: 1 }],
  ],
  // "the next day" counts from the day written last before it, else from the anchor
  [
    'Xi tiba di Moskow pada 7 Mei 2025. Keesokan harinya, Xi dan Putin berunding.',
    '2026-01-03',
    [
      { text: '7 Mei 2025', date: '2025-05-07', precision: 'day', how: 'explicit' },
      { text: 'Keesokan harinya', date: '2025-05-08', precision: 'day', how: 'relative' },
    ],
  ],
  [
    'The summit ended on July 4, 2024. The following day, Putin flew to Beijing.',
    '2024-07-10',
    [
      { text: 'July 4, 2024', date: '2024-07-04', precision: 'day', how: 'explicit' },
      { text: 'following day', date: '2024-07-05', precision: 'day', how: 'relative' },
    ],
  ],
  // "Jumat, sepuluh hari lalu": the count says which Friday
  [
    'JUMAT, sepuluh hari lalu, Putin dan Xi bertemu di Beijing.',
    '2022-02-14',
    [{ text: 'sepuluh hari lalu', date: '2022-02-04', precision: 'day', how: 'relative' }],
  ],
  // "akhir pekan lalu": last weekend, not the whole of last week
  [
    'PM Zhu Rongji dan Mikhail Kasyanov, akhir pekan lalu, menyaksikan penandatanganan kesepakatan.',
    '2001-09-10',
    [
      {
        text: 'akhir pekan lalu',
        date: '2001-09-08',
        endDate: '2001-09-09',
        precision: 'day',
        how: 'relative',
      },
    ],
  ],
  // "March 22 that year": the year written last
  [
    'In March 2013, Xi chose Russia. During talks in the Kremlin on March 22 that year, the two leaders agreed.',
    '2019-06-04',
    [
      { text: 'March 2013', date: '2013-03', precision: 'month', how: 'explicit' },
      { text: 'March 22', date: '2013-03-22', precision: 'day', how: 'partial' },
    ],
  ],
  // next month is nearer than the same month eleven months back
  [
    'The contract is worth more than $5 billion, when Russian President Vladimir Putin visits New Delhi in early October.',
    '2018-09-21',
    [{ text: 'early October', date: '2018-10', precision: 'month', how: 'partial' }],
  ],
  // "that evening" is a part of the day written last near the anchor, not of a background date
  [
    'Putin dan Xi bertemu pada Jumat (22/3). Xi dilantik pada 14 Maret lalu. Pada malam harinya, kedua pemimpin menghadiri upacara.',
    '2013-03-23',
    [
      {
        text: 'Jumat (22/3)',
        date: '2013-03-22',
        precision: 'day',
        how: 'partial',
        weekday: 5,
      },
      { text: '14 Maret lalu', date: '2013-03-14', precision: 'day', how: 'partial' },
      { text: 'malam harinya', date: '2013-03-22', precision: 'day', how: 'relative' },
    ],
  ],
  [
    'Xi arrived in Moscow on May 7, 2015. That evening, he met Putin.',
    '2025-01-10',
    [
      { text: 'May 7, 2015', date: '2015-05-07', precision: 'day', how: 'explicit' },
      { text: 'That evening', date: '2015-05-07', precision: 'day', how: 'relative' },
    ],
  ],
  // "the same day" is the day written last; "the same day as the talks" is the talks'
  [
    'Perjanjian itu diteken pada Sabtu (8/9). Kasyanov dan Zhu, yang pada hari yang sama menggelar pertemuan, menyaksikannya.',
    '2001-09-10',
    [
      { text: 'Sabtu (8/9)', date: '2001-09-08', precision: 'day', how: 'partial', weekday: 6 },
      { text: 'hari yang sama', date: '2001-09-08', precision: 'day', how: 'relative' },
    ],
  ],
  [
    'Xi tiba pada Senin (20/3). Pada hari yang sama dengan pembicaraan di Kremlin, Kishida ke Kyiv.',
    '2023-03-22',
    [{ text: 'Senin (20/3)', date: '2023-03-20', precision: 'day', how: 'partial', weekday: 1 }],
  ],
  // an invitation is to something ahead
  [
    'Putin telah menerima undangan Xi untuk berkunjung ke China pada akhir Agustus.',
    '2025-05-09',
    [
      {
        text: 'akhir Agustus',
        date: '2025-08',
        precision: 'month',
        how: 'partial',
        future: true,
      },
    ],
  ],
  // "a year later", "a month later": from the date of any precision written last
  [
    'Pada April 1996 di Beijing, Jiang dan Yeltsin mencanangkan kemitraan strategis. Setahun kemudian keduanya bertemu lagi di Moskwa.',
    '2001-07-17',
    [
      { text: 'April 1996', date: '1996-04', precision: 'month', how: 'explicit' },
      { text: 'Setahun kemudian', date: '1997', precision: 'year', how: 'relative' },
    ],
  ],
  [
    'Xi visited Moscow in March 2023. A month later, Li Shangfu arrived.',
    '2023-06-01',
    [
      { text: 'March 2023', date: '2023-03', precision: 'month', how: 'explicit' },
      { text: 'month later', date: '2023-04', precision: 'month', how: 'relative' },
    ],
  ],
  [
    'Keesokan harinya, Putin bertemu Xi.',
    '2024-05-16',
    [{ text: 'Keesokan harinya', date: '2024-05-17', precision: 'day', how: 'relative' }],
  ],
  // beside a day written out, that day says which
  [
    'Sehari sebelumnya, Selasa (17/10), Jokowi bertemu Xi.',
    '2023-10-19',
    [{ text: 'Selasa (17/10)', date: '2023-10-17', precision: 'day', how: 'partial', weekday: 2 }],
  ],
  // a reported plan ("would hold") looks ahead; a hypothetical "would" does not
  [
    'Misri said Modi and Xi would hold a bilateral meeting on Wednesday.',
    '2024-10-22',
    [
      {
        text: 'Wednesday',
        date: '2024-10-23',
        precision: 'day',
        how: 'weekday',
        weekday: 3,
        future: true,
      },
    ],
  ],
  [
    'That would follow the contract signed in Shanghai in May.',
    '2014-10-13',
    [{ text: 'May', date: '2014-05', precision: 'month', how: 'partial' }],
  ],
  // a weekday of the week before or after the anchor's (Monday to Sunday)
  [
    'Putin mengundang Xi menghadiri peringatan di Moskow pada 9 Mei.',
    '2025-02-24',
    [{ text: '9 Mei', date: '2025-05-09', precision: 'day', how: 'partial', future: true }],
  ],
  [
    'Kamis pekan lalu',
    '1996-05-04',
    [
      {
        text: 'Kamis pekan lalu',
        date: '1996-04-25',
        precision: 'day',
        how: 'weekday',
        weekday: 4,
      },
    ],
  ],
  [
    'on Monday next week',
    '2024-05-15',
    [
      {
        text: 'Monday next week',
        date: '2024-05-20',
        precision: 'day',
        how: 'weekday',
        weekday: 1,
      },
    ],
  ],
  [
    'pada hari Minggu',
    '2014-05-22',
    [{ text: 'hari Minggu', date: '2014-05-18', precision: 'day', how: 'weekday', weekday: 0 }],
  ],
  [
    'Minggu lalu, Xi bertemu Putin.',
    '2023-03-22',
    [
      {
        text: 'Minggu lalu',
        date: '2023-03-13',
        endDate: '2023-03-19',
        precision: 'day',
        how: 'relative',
      },
    ],
  ],
  [
    'Pertemuan itu digelar Kamis (1/1/2015)',
    undefined,
    [
      {
        text: 'Kamis (1/1/2015)',
        date: '2015-01-01',
        precision: 'day',
        how: 'explicit',
        weekday: 4,
      },
    ],
  ],
  // no leap year next to the anchor: the latest before it
  [
    'pada 29 Februari',
    '2023-06-01',
    [{ text: '29 Februari', date: '2020-02-29', precision: 'day', how: 'partial' }],
  ],
]);

table('English forms', [
  [
    'in Beijing, June 25, 2016.',
    undefined,
    [{ text: 'June 25, 2016', date: '2016-06-25', precision: 'day', how: 'explicit' }],
  ],
  [
    'in Beijing on 25 June 2016.',
    undefined,
    [{ text: '25 June 2016', date: '2016-06-25', precision: 'day', how: 'explicit' }],
  ],
  [
    'Putin said he looked forward to welcoming Xi at the BRICS summit in Kazan in October.',
    '2024-07-04',
    [{ text: 'October', date: '2024-10', precision: 'month', how: 'partial', future: true }],
  ],
  [
    'met Putin at the Kremlin on Monday (July 3).',
    '2017-07-04',
    [{ text: 'Monday (July 3)', date: '2017-07-03', precision: 'day', how: 'partial', weekday: 1 }],
  ],
  [
    'arrived in Beijing on Saturday.',
    '2016-06-26',
    [{ text: 'Saturday', date: '2016-06-25', precision: 'day', how: 'weekday', weekday: 6 }],
  ],
  [
    'trade hit a record last year',
    '2016-06-26',
    [{ text: 'last year', date: '2015', precision: 'year', how: 'relative' }],
  ],
  [
    'since taking office in 2013',
    undefined,
    [{ text: '2013', date: '2013', precision: 'year', how: 'explicit' }],
  ],
  [
    'they met in February',
    '2022-06-15',
    [{ text: 'February', date: '2022-02', precision: 'month', how: 'partial' }],
  ],
  [
    'declared in February 2022',
    undefined,
    [{ text: 'February 2022', date: '2022-02', precision: 'month', how: 'explicit' }],
  ],
  [
    'He met Xi on Feb. 4 in Beijing.',
    '2022-03-01',
    [{ text: 'Feb. 4', date: '2022-02-04', precision: 'day', how: 'partial' }],
  ],
  [
    'a visit from 20 to 22 March',
    '2023-04-01',
    [
      {
        text: '20 to 22 March',
        date: '2023-03-20',
        endDate: '2023-03-22',
        precision: 'day',
        how: 'partial',
      },
    ],
  ],
  [
    'on March 20-22, 2023',
    undefined,
    [
      {
        text: 'March 20-22, 2023',
        date: '2023-03-20',
        endDate: '2023-03-22',
        precision: 'day',
        how: 'explicit',
      },
    ],
  ],
  [
    'between January and March, trade rose',
    '2023-12-01',
    [
      {
        text: 'January and March',
        date: '2023-01',
        endDate: '2023-03',
        precision: 'month',
        how: 'partial',
      },
    ],
  ],
  [
    'Twenty years ago China and Russia established',
    '2016-06-26',
    [{ text: 'Twenty years ago', date: '1996', precision: 'year', how: 'relative' }],
  ],
  [
    'Monday, July 3, 2017',
    undefined,
    [
      {
        text: 'Monday, July 3, 2017',
        date: '2017-07-03',
        precision: 'day',
        how: 'explicit',
        weekday: 1,
      },
    ],
  ],
  [
    'talks on Tuesday night',
    '2023-03-22',
    [
      {
        text: 'Tuesday night',
        date: '2023-03-21',
        precision: 'day',
        how: 'weekday',
        weekday: 2,
        partOfDay: 'night',
      },
    ],
  ],
  [
    'by the end of 2022 and in mid-2023',
    undefined,
    [
      { text: 'the end of 2022', date: '2022', precision: 'year', how: 'explicit' },
      { text: 'mid-2023', date: '2023', precision: 'year', how: 'explicit' },
    ],
  ],
  [
    'Putin spoke to Xi yesterday, the Kremlin said.',
    '2022-02-28',
    [{ text: 'yesterday', date: '2022-02-27', precision: 'day', how: 'relative' }],
  ],
]);

table('future markers', [
  [
    // (a relative clause about the event ends the reach of the date's clause)
    'On December 30, they held a video call in which Putin invited his Chinese counterpart to Moscow "next spring."',
    '2023-02-22',
    [{ text: 'December 30', date: '2022-12-30', precision: 'day', how: 'partial' }],
  ],
  [
    // (the marker 180 characters before the date, with no barrier between)
    'Putin is due to meet President Hu before joining Wen and the prime ministers of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan at a meeting of the Shanghai Cooperation Organisation on Wednesday.',
    '2009-10-13',
    [
      {
        text: 'Wednesday',
        date: '2009-10-14',
        precision: 'day',
        how: 'weekday',
        weekday: 3,
        future: true,
      },
    ],
  ],
  [
    'Putin akan mengunjungi Beijing pada 4 Juli.',
    '2023-06-01',
    [{ text: '4 Juli', date: '2023-07-04', precision: 'day', how: 'partial', future: true }],
  ],
  [
    "The leaders discussed Xi's planned visit to Moscow for celebrations on May 9.",
    '2025-02-24',
    [{ text: 'May 9', date: '2025-05-09', precision: 'day', how: 'partial', future: true }],
  ],
  [
    'Keduanya membahas rencana kunjungan Xi ke Moskow pada 9 Mei.',
    '2025-02-24',
    [{ text: '9 Mei', date: '2025-05-09', precision: 'day', how: 'partial', future: true }],
  ],
  [
    'Putin mengunjungi Beijing pada 4 Juli.',
    '2023-06-01',
    [{ text: '4 Juli', date: '2022-07-04', precision: 'day', how: 'partial' }],
  ],
  [
    'Xi akan bertemu Putin pada Selasa.',
    '2023-03-15',
    [
      {
        text: 'Selasa',
        date: '2023-03-21',
        precision: 'day',
        how: 'weekday',
        weekday: 2,
        future: true,
      },
    ],
  ],
  [
    'Pada Selasa, Xi akan bertemu Putin.',
    '2023-03-15',
    [
      {
        text: 'Selasa',
        date: '2023-03-21',
        precision: 'day',
        how: 'weekday',
        weekday: 2,
        future: true,
      },
    ],
  ],
  [
    'Xi will visit Moscow on Tuesday.',
    '2023-03-15',
    [
      {
        text: 'Tuesday',
        date: '2023-03-21',
        precision: 'day',
        how: 'weekday',
        weekday: 2,
        future: true,
      },
    ],
  ],
  [
    'The two leaders are expected to hold talks on Tuesday (July 4)',
    '2017-07-03',
    [
      {
        text: 'Tuesday (July 4)',
        date: '2017-07-04',
        precision: 'day',
        how: 'partial',
        weekday: 2,
        future: true,
      },
    ],
  ],
  [
    // the initials' periods end no clause: "will" still governs the weekday
    'They will meet U.S. President Barack Obama at the summit on Monday.',
    '2014-11-09',
    [
      {
        text: 'Monday',
        date: '2014-11-10',
        precision: 'day',
        how: 'weekday',
        weekday: 1,
        future: true,
      },
    ],
  ],
  [
    // a long clause: "will" is 110 characters before the weekday
    'Putin and Xi will join leaders including Japanese Prime Minister Shinzo Abe and others at the APEC summit in Beijing on Monday.',
    '2014-11-09',
    [
      {
        text: 'Monday',
        date: '2014-11-10',
        precision: 'day',
        how: 'weekday',
        weekday: 1,
        future: true,
      },
    ],
  ],
  [
    'Olimpiade musim dingin, yang akan berlangsung pada bulan Februari.',
    '2021-12-17',
    [{ text: 'bulan Februari', date: '2022-02', precision: 'month', how: 'partial', future: true }],
  ],
  [
    'Kremlin mengatakan bahwa Xi akan tiba pada Senin (20/3).',
    '2023-03-18',
    [
      {
        text: 'Senin (20/3)',
        date: '2023-03-20',
        precision: 'day',
        how: 'partial',
        weekday: 1,
        future: true,
      },
    ],
  ],
  [
    'Li Qiang will visit Moscow next week.',
    '2024-08-15',
    [
      {
        text: 'next week',
        date: '2024-08-19',
        endDate: '2024-08-25',
        precision: 'day',
        how: 'relative',
        future: true,
      },
    ],
  ],
  [
    'Senin depan',
    '2023-03-20',
    [
      {
        text: 'Senin depan',
        date: '2023-03-27',
        precision: 'day',
        how: 'weekday',
        weekday: 1,
        future: true,
      },
    ],
  ],
  [
    'Xi is expected to visit in March next year',
    '2023-11-01',
    [
      {
        text: 'March next year',
        date: '2024-03',
        precision: 'month',
        how: 'relative',
        future: true,
      },
    ],
  ],
  // the marker governs another clause: not future
  [
    'Zelensky pada Rabu mengumumkan akan menghentikan kunjungan',
    '2024-05-16',
    [{ text: 'Rabu', date: '2024-05-15', precision: 'day', how: 'weekday', weekday: 3 }],
  ],
  [
    'Pada Rabu (22/3), Xi mengatakan bahwa China akan membantu.',
    '2023-03-22',
    [{ text: 'Rabu (22/3)', date: '2023-03-22', precision: 'day', how: 'partial', weekday: 3 }],
  ],
  [
    '“Proyek akan berlanjut selama bertahun-tahun,” kata Putin dalam pernyataan yang dirilis Kremlin, Rabu.',
    '2024-08-22',
    [{ text: 'Rabu', date: '2024-08-21', precision: 'day', how: 'weekday', weekday: 3 }],
  ],
]);

table('weekday check', [
  // article 000: 22 March 2024 was a Friday; Wednesday fits 2023
  [
    'kata Putin seperti dilansir rt.com, Rabu (22/3/2024).',
    '2023-03-22',
    [
      {
        text: 'Rabu (22/3/2024)',
        date: '2023-03-22',
        precision: 'day',
        how: 'explicit',
        weekday: 3,
        correction: /2024-03-22 is a Friday; Rabu fits 2023-03-22/,
      },
    ],
  ],
  [
    'kata Putin seperti dilansir rt.com, Rabu (22/3/2024).',
    undefined,
    [
      {
        text: 'Rabu (22/3/2024)',
        date: '2023-03-22',
        precision: 'day',
        how: 'explicit',
        weekday: 3,
        correction: /fits 2023-03-22/,
      },
    ],
  ],
  // a day and month with a weekday that does not fit the anchor's year: the year before does
  [
    'Xi tiba pada Senin (20/3).',
    '2024-03-22',
    [
      {
        text: 'Senin (20/3)',
        date: '2023-03-20',
        precision: 'day',
        how: 'partial',
        weekday: 1,
        correction: /Wednesday; Senin fits 2023-03-20/,
      },
    ],
  ],
  // around New Year: the nearest year to the anchor, before it
  [
    'Xi dan Putin bertemu Jumat (30/12).',
    '2023-01-03',
    [{ text: 'Jumat (30/12)', date: '2022-12-30', precision: 'day', how: 'partial', weekday: 5 }],
  ],
  // 22 March is a Thursday in none of 2021..2025: keep what is written, say so
  [
    'Kamis (22/3/2023)',
    undefined,
    [
      {
        text: 'Kamis (22/3/2023)',
        date: '2023-03-22',
        precision: 'day',
        how: 'explicit',
        weekday: 4,
        correction: /not Kamis; no year/,
      },
    ],
  ],
  // the corrected year must not land after the anchor
  [
    'Rabu (22/3/2024)',
    '2022-06-01',
    [
      {
        text: 'Rabu (22/3/2024)',
        date: '2024-03-22',
        precision: 'day',
        how: 'explicit',
        weekday: 3,
        correction: /no year/,
      },
    ],
  ],
]);

table('anniversaries', [
  [
    'tahun ini menandai peringatan 70 tahun hubungan diplomatik Tiongkok-Rusia',
    '2019-06-06',
    [
      { text: 'tahun ini', date: '2019', precision: 'year', how: 'relative' },
      {
        text: 'peringatan 70 tahun hubungan diplomatik Tiongkok-Rusia',
        date: '2019',
        precision: 'year',
        how: 'anniversary',
      },
    ],
  ],
  [
    'merayakan 75 tahun hubungan diplomatik mereka',
    '2024-05-16',
    [
      {
        text: '75 tahun hubungan diplomatik mereka',
        date: '2024',
        precision: 'year',
        how: 'anniversary',
      },
    ],
    { countries: ['RU', 'CN'] },
  ],
  ['merayakan 75 tahun hubungan diplomatik mereka', '2024-05-16', []],
  [
    'peringatan ke-70 hubungan diplomatik RI-Rusia',
    undefined,
    [
      {
        text: 'peringatan ke-70 hubungan diplomatik RI-Rusia',
        date: '2020',
        precision: 'year',
        how: 'anniversary',
      },
    ],
  ],
  [
    'HUT ke-75 hubungan diplomatik antara China dan Indonesia',
    undefined,
    [
      {
        text: 'HUT ke-75 hubungan diplomatik antara China dan Indonesia',
        date: '2025',
        precision: 'year',
        how: 'anniversary',
      },
    ],
  ],
  [
    'the 70th anniversary of diplomatic ties',
    '2019-06-01',
    [
      {
        text: '70th anniversary of diplomatic ties',
        date: '2019',
        precision: 'year',
        how: 'anniversary',
      },
    ],
    { countries: ['CN', 'RU'] },
  ],
  [
    'the 70th anniversary of the establishment of China-Russia diplomatic relations',
    undefined,
    [
      {
        text: '70th anniversary of the establishment of China-Russia diplomatic relations',
        date: '2019',
        precision: 'year',
        how: 'anniversary',
      },
    ],
  ],
  // two foundings (1807, 1933): the one that lands nearest the article
  [
    'the 200th anniversary of diplomatic relations between Russia and the US',
    '2007-06-01',
    [
      {
        text: '200th anniversary of diplomatic relations between Russia and the US',
        date: '2007',
        precision: 'year',
        how: 'anniversary',
      },
    ],
  ],
  // several pairs among the article's countries: the anniversary nearest the anchor
  [
    '70 tahun hubungan diplomatik kedua negara',
    '2019-06-06',
    [
      {
        text: '70 tahun hubungan diplomatik kedua negara',
        date: '2019',
        precision: 'year',
        how: 'anniversary',
      },
    ],
    { countries: ['US', 'CN', 'RU'] },
  ],
]);

table('corpus sentences', [
  [
    'Xi tiba di Moskow pada Senin (20/3), untuk kunjungan tiga hari. Pada Selasa (21/3) malam, Konferensi Tingkat Tinggi (KTT) telah menghasilkan total 14 pernyataan, protokol, memorandum, dan kesepakatan.',
    '2023-03-22',
    [
      { text: 'Senin (20/3)', date: '2023-03-20', precision: 'day', how: 'partial', weekday: 1 },
      {
        text: 'Selasa (21/3) malam',
        date: '2023-03-21',
        precision: 'day',
        how: 'partial',
        weekday: 2,
        partOfDay: 'malam',
      },
    ],
  ],
  [
    'Perdagangan China dengan Rusia mencapai rekor tertinggi pada tahun 2022, tumbuh sebesar 30 persen saat Barat mencoba mengembargo Moskow.',
    '2023-03-22',
    [{ text: 'tahun 2022', date: '2022', precision: 'year', how: 'explicit' }],
  ],
  [
    'Dilansir AFP, percakapan tersebut merupakan panggilan telepon kedua yang dilaporkan antara Xi dan Putin sejak Rusia melancarkan invasi ke Ukraina pada 24 Februari.',
    '2022-06-15',
    [{ text: '24 Februari', date: '2022-02-24', precision: 'day', how: 'partial' }],
  ],
  [
    'Xi juga mengunjungi Moskow pada 2023 setelah memulai masa jabatan barunya sebagai presiden Tiongkok.',
    '2024-05-16',
    [{ text: '2023', date: '2023', precision: 'year', how: 'explicit' }],
  ],
  [
    'Diketahui bahwa dari kerja sama bilateral antara Januari dan November 2022, perdagangan Rusia-Tiongkok telah melebihi Rp2 triliun.',
    '2022-12-30',
    [
      {
        text: 'Januari dan November 2022',
        date: '2022-01',
        endDate: '2022-11',
        precision: 'month',
        how: 'explicit',
      },
    ],
  ],
  [
    'Bisnis.com, JAKARTA – Xi Jinping dan Vladimir Putin bertemu di kota Samarkand di Uzbekistan, Kamis (15/9/2022).',
    '2022-09-16',
    [
      {
        text: 'Kamis (15/9/2022)',
        date: '2022-09-15',
        precision: 'day',
        how: 'explicit',
        weekday: 4,
      },
    ],
  ],
  [
    'Pipanisasi Power of Siberia sepanjang sekitar 3 ribu kilometer ini menyalurkan gas. Proyek ini bisa menghasilkan dana sekitar US$400 miliar atau sekitar Rp5.600 triliun.',
    '2019-12-03',
    [],
  ],
  [
    "China and Russia are each other's most trustworthy strategic partners, adding that the 4,300-kilometer border between the two countries has become a bond of friendship.",
    '2017-07-03',
    [],
  ],
]);

// Things that are not dates.
table('misses', [
  ['nilai perdagangan mencapai US$245 miliar', '2025-01-21', []],
  ['the 4,300-kilometer border', '2017-07-03', []],
  ['KTT G20 dan pandemi COVID-19', '2022-01-01', []],
  ['2/3 of the trade, dua pertiganya, 3/4 dari total, layanan 24/7', '2023-03-22', []],
  ['lihat halaman 12/15, skor 2-1, pukul 10.00 WIB, Rp2.000, 2.024 orang', '2023-03-22', []],
  ['pada 2000 orang hadir; sebanyak 2019 peserta; in 2000 troops', '2023-03-22', []],
  ['Olimpiade Musim Dingin 2022, Vision 2030, Kongres Nasional ke-20', '2021-12-17', []],
  ['Theresa May said they may march on; mei lalu', '2023-03-22', []],
  [
    'dalam beberapa minggu terakhir, satu abad terakhir, 11 bulan pertama, kunjungan tiga hari',
    '2023-03-22',
    [],
  ],
  ['makan malam seremonial; Malam Tahun Baru', '2022-12-30', []],
  ['tahun 2020-an; 30 persen; 1/2/3/4; 31/2/2023', '2023-03-22', []],
  ['selama 70 tahun terakhir', '2019-06-06', []],
]);

describe('without any anchor', () => {
  it('places a day and month by its weekday near the latest stated year (article 133)', () => {
    check([
      'Xi met Putin at the Kremlin on Monday (July 3). The two leaders are expected to hold talks on Tuesday (July 4). Xi arrived in Moscow on Monday, embarking on his second state visit to Russia since taking office in 2013.',
      undefined,
      [
        {
          text: 'Monday (July 3)',
          date: '2017-07-03',
          precision: 'day',
          how: 'partial',
          weekday: 1,
        },
        {
          text: 'Tuesday (July 4)',
          date: '2017-07-04',
          precision: 'day',
          how: 'partial',
          weekday: 2,
          future: true,
        },
        { text: 'Monday', date: '2017-07-03', precision: 'day', how: 'weekday', weekday: 1 },
        { text: '2013', date: '2013', precision: 'year', how: 'explicit' },
      ],
    ]);
  });

  it('leaves out what cannot be placed', () => {
    check(['Xi tiba pada Senin (20/3) dan bertemu tahun lalu.', undefined, []]);
  });

  it('anchors on the dateline of the text itself', () => {
    check([
      'Selasa, 3 Desember 2019\n\nPutin dan Xi bertemu pada Senin.',
      undefined,
      [
        {
          text: 'Selasa, 3 Desember 2019',
          date: '2019-12-03',
          precision: 'day',
          how: 'explicit',
          weekday: 2,
        },
        { text: 'Senin', date: '2019-12-02', precision: 'day', how: 'weekday', weekday: 1 },
      ],
    ]);
  });
});

describe('chooseAnchor', () => {
  const article000 = readFileSync(join(PACKAGE_ROOT, 'corpus', '000_43ffd336c9f1e26f.txt'), 'utf8');

  it('prefers the published date', () => {
    assert.deepEqual(chooseAnchor(article000, '2023-03-22'), {
      date: '2023-03-22',
      source: 'published',
    });
  });

  it('weekday-checks the dateline when there is no metadata', () => {
    assert.deepEqual(chooseAnchor(article000), { date: '2023-03-22', source: 'dateline' });
  });

  it('ignores an impossible published date', () => {
    assert.deepEqual(chooseAnchor('Kompas.com - 15/06/2022, 21:01 WIB', '2023-02-30'), {
      date: '2022-06-15',
      source: 'dateline',
    });
  });

  it('takes a date opening its line as the dateline', () => {
    assert.deepEqual(
      chooseAnchor('MOSCOW, June 25, 2016 (Reuters) - Putin and Xi met on 1 June 2016.'),
      { date: '2016-06-25', source: 'dateline' },
    );
  });

  it('falls back to the latest full date, not a planned one', () => {
    const text = `${'Putin dan Xi membahas kerja sama. '.repeat(5)}Mereka bertemu di Beijing pada 4 Februari 2022 dan di Samarkand pada 15 September 2022. Xi akan berkunjung pada 20 Maret 2023.`;
    assert.deepEqual(chooseAnchor(text), { date: '2022-09-15', source: 'latest-explicit' });
  });

  it('has nothing to offer without a full date', () => {
    assert.equal(chooseAnchor('Xi bertemu Putin pada Senin (20/3) tahun lalu.'), undefined);
  });
});

describe('options', () => {
  it('refuses a malformed anchor with a stable code', () => {
    assert.throws(
      () => findDates('pada hari Rabu', { anchor: '22/3/2023' }),
      (error) => isKgError(error) && error.code === 'E_INPUT',
    );
  });
});

const corpusDir = join(PACKAGE_ROOT, 'corpus');
const manifest = parse(readFileSync(join(corpusDir, 'manifest.yaml'), 'utf8')) as Record<
  string,
  { published?: string }
>;
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f.slice(0, -4), text: readFileSync(join(corpusDir, f), 'utf8') }));

describe('invariants on the corpus', () => {
  const shapes = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };
  for (const { id, text } of corpus) {
    it(`${id}: spans are slices, sorted and disjoint; dates match their precision`, () => {
      const anchor = chooseAnchor(text, manifest[id]?.published);
      const found = findDates(
        text,
        anchor ? { anchor: anchor.date, countries: ['CN', 'RU'] } : { countries: ['CN', 'RU'] },
      );
      assert.ok(found.length > 0, id);
      let last = -1;
      for (const m of found) {
        assert.equal(m.text, text.slice(m.start, m.end));
        assert.ok(m.start >= last && m.end > m.start, `${id}: ${m.text} overlaps or is empty`);
        last = m.end;
        assert.match(m.date, shapes[m.precision]);
        if (m.endDate) assert.ok(m.endDate > m.date, `${id}: ${m.text} ends before it starts`);
      }
    });
  }

  it('dates the five main meetings to the day where the text gives a day', () => {
    const day = (id: string, text: string): string[] => {
      const published = manifest[corpus.find((c) => c.id.startsWith(id))?.id ?? '']?.published;
      const article = corpus.find((c) => c.id.startsWith(id))?.text ?? '';
      const anchor = chooseAnchor(article, published)?.date;
      return findDates(article, anchor ? { anchor } : {})
        .filter((m) => m.text.includes(text))
        .map((m) => m.date);
    };
    assert.deepEqual(day('000', 'Rabu (22/3/2024)'), ['2023-03-22']);
    assert.deepEqual(day('001', 'hari Rabu'), ['2019-06-05']);
    assert.deepEqual(day('004', 'Jumat (30/12/2022)'), ['2022-12-30']);
    assert.deepEqual(day('101', 'Rabu (21/5)'), ['2014-05-21', '2014-05-21']);
    assert.deepEqual(day('133', 'Monday (July 3)'), ['2017-07-03']);
  });
});

describe('lexicon', () => {
  it('names every month and weekday', () => {
    const lex = loadDateLexicon();
    assert.deepEqual(
      [...new Set([...lex.months.values()].map((m) => m.month))].sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    );
    assert.deepEqual(
      [...new Set([...lex.weekdays.values()].map((w) => w.weekday))].sort(),
      [0, 1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(lex.relations.get('CN-RU'), [1949]);
  });

  const broken = (file: string, edit: (yaml: string) => string): unknown => {
    const dir = mkdtempSync(join(tmpdir(), 'dates-lexicon-'));
    try {
      for (const name of ['calendar.yaml', 'relations.yaml'])
        copyFileSync(join(LEXICON_DIR, name), join(dir, name));
      writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
      try {
        loadDateLexicon(dir);
      } catch (error) {
        return error;
      }
      return undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  const misses: Array<[string, string, (yaml: string) => string]> = [
    ['an unknown field', 'calendar.yaml', (y) => y.replace('months:', 'monthz: []\nmonths:')],
    [
      'a month listed twice',
      'calendar.yaml',
      (y) => y.replace('names: [Maret, March]', 'names: [Maret, March, Januari]'),
    ],
    ['an unsorted pair', 'relations.yaml', (y) => y.replace('pair: [CN, RU]', 'pair: [RU, CN]')],
    [
      'a pair without names',
      'relations.yaml',
      (y) => y.replace('  AU: [Australia, Australian]\n', ''),
    ],
    [
      'a malformed founding date',
      'relations.yaml',
      (y) => y.replace('[1949-10-02]', '[1949-13-02]'),
    ],
  ];
  for (const [what, file, edit] of misses) {
    it(`refuses ${what} with E_LEXICON and a line`, () => {
      const error = broken(file, edit);
      assert.ok(isKgError(error), `expected a KgError, got ${String(error)}`);
      assert.equal(error.code, 'E_LEXICON');
      assert.ok((error.place.line ?? 0) > 1);
    });
  }
});

describe('performance', () => {
  const N = 100_000;
  findDates('warm up: Rabu (22/3/2024), 16 Mei 2024', { anchor: '2024-06-01' });
  const timed = (text: string): number => {
    const t0 = performance.now();
    findDates(text, { anchor: '2024-06-01' });
    return performance.now() - t0;
  };
  for (const [name, text] of [
    ['digits and slashes', '12/3/'.repeat(N / 5)],
    ['slashes', '1/'.repeat(N / 2)],
    ['digits', '7'.repeat(N)],
    ['dots and dashes', '1.2-'.repeat(N / 4)],
  ] as const) {
    it(`scans 100 KB of ${name} under 200 ms`, () => {
      assert.ok(timed(text) < 200);
    });
  }
  // dense matches: no quadratic step (thousands of mentions in well under a second)
  for (const [name, text] of [
    ['partial dates', '(1/2) '.repeat(N / 6)],
    ['weekdays', 'Senin '.repeat(N / 6)],
    ['day and month', '12 Mei '.repeat(N / 7)],
  ] as const) {
    it(`scans 100 KB of ${name} under 1 s`, () => {
      assert.ok(timed(text) < 1000);
    });
  }
});
