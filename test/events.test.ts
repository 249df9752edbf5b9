import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysBetween } from '../src/annotate/events/dating.js';
import { firstOf, type SentenceFacts } from '../src/annotate/events/facts.js';
import { type MeetingEvent, mainMeeting } from '../src/annotate/events/meetings.js';
import { annotate } from '../src/annotate/index.js';
import { mergeDocuments } from '../src/graph/merge.js';
import type { AnnotationDocument } from '../src/model/types.js';

interface Met {
  key: string;
  kind: unknown;
  date: unknown;
  participants: string[];
  places: string[];
  sectors: string[];
}

function meetings(doc: AnnotationDocument): Met[] {
  return doc.nodes
    .filter((n) => n.attributes.type === 'Meeting')
    .map((n) => ({
      key: n.key,
      kind: n.attributes.kind,
      date: n.attributes.date,
      participants: doc.edges
        .filter((e) => e.target === n.key && e.attributes.type === 'PARTICIPATED_IN')
        .map((e) => e.source.slice(7))
        .sort(),
      places: doc.edges
        .filter((e) => e.source === n.key && e.attributes.type === 'HELD_IN')
        .map((e) => e.target.slice(9))
        .sort(),
      sectors: doc.edges
        .filter((e) => e.source === n.key && e.attributes.type === 'DISCUSSED')
        .map((e) => e.target.slice(7))
        .sort(),
    }));
}

const run = (text: string, published?: string) =>
  annotate(text, published ? { id: 't', published } : { id: 't' });

// [description, text, published, expected meetings (participants, kind, date)]
const MEETINGS: Array<[string, string, string | undefined, Array<[string[], string, string]>]> = [
  [
    'leaders seen together at a parade',
    'Chinese President Xi Jinping stood shoulder to shoulder with Russian President Vladimir Putin and North Korean leader Kim Jong Un at a military parade in Beijing on Wednesday, September 3, 2025.',
    '2025-09-03',
    [[['kim-jong-un', 'vladimir-putin', 'xi-jinping'], 'official_visit', '2025-09-03']],
  ],
  [
    'phone call, Indonesian',
    'Xi Jinping dan Vladimir Putin berbicara melalui telepon pada Selasa (8/5/2024). Kedua pemimpin membahas kerja sama energi.',
    '2024-05-09',
    [[['vladimir-putin', 'xi-jinping'], 'phone_call', '2024-05-08']],
  ],
  [
    'SCO sidelines, Indonesian, date from the weekday',
    'Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di sela-sela KTT Organisasi Kerja Sama Shanghai (SCO) di Astana pada hari Rabu.',
    '2024-07-04',
    [[['vladimir-putin', 'xi-jinping'], 'multilateral_summit', '2024-07-03']],
  ],
  [
    'prime ministers, official visit',
    'Perdana Menteri China Li Qiang tiba di Moskow untuk kunjungan resmi pada Selasa (20/8/2024). Li Qiang dan Perdana Menteri Rusia Mikhail Mishustin menggelar pembicaraan di Moskow.',
    '2024-08-21',
    [[['li-qiang', 'mikhail-mishustin'], 'official_visit', '2024-08-20']],
  ],
  [
    'English report, state visit, video call',
    'Russian President Vladimir Putin held a video call with Chinese President Xi Jinping on Monday. The two leaders discussed trade and energy.',
    '2023-12-05',
    [[['vladimir-putin', 'xi-jinping'], 'video_call', '2023-12-04']],
  ],
  [
    'English, state visit with explicit date',
    'Chinese President Xi Jinping arrived in Moscow on March 20, 2023 for a state visit. Xi and Putin held talks in the Kremlin.',
    '2023-03-21',
    [[['vladimir-putin', 'xi-jinping'], 'state_visit', '2023-03-20']],
  ],
  [
    'planned meeting ("akan bertemu"); in the other leader\'s capital it is a visit',
    'Putin dan Xi Jinping akan bertemu di Beijing pada 16 Mei 2024, kata Kremlin.',
    '2024-05-10',
    [[['vladimir-putin', 'xi-jinping'], 'official_visit', '2024-05-16']],
  ],
  [
    'a subject pronoun after an opening phrase is the leader named before, unless the sentence names its own first',
    'Judul\n\nTrump arrived in Busan at the end of a tour of Asia. On Wednesday in Gyeongju he met the South Korean president, Lee Jae-myung. Putin has said he intends to host Xi Jinping again.',
    '2025-10-30',
    [[['donald-trump', 'lee-jae-myung'], 'state_visit', '2025-10-29']],
  ],
  [
    'talks of no one else in an "after" clause give the meeting its date',
    'Judul\n\nAfter talks in the Kremlin on March 22, 2013, Xi Jinping and Vladimir Putin signed a joint declaration.',
    '2024-05-14',
    [[['vladimir-putin', 'xi-jinping'], 'official_visit', '2013-03-22']],
  ],
  [
    "a leader who receives a minister is the host: no leader of the minister's country came",
    'Judul\n\nPresiden China Xi Jinping menerima kunjungan Menteri Luar Negeri Rusia, Sergei Lavrov, di Beijing pada Selasa (9/4/2024). Putin dijadwalkan ke China bulan depan.',
    '2024-04-09',
    [],
  ],
  [
    'a visitor leaving a city ("Dari Moskow, Xi bertolak ke Jerman") does not meet its leader again',
    'Judul\n\nPresiden Rusia Vladimir Putin akan menyambut Presiden China Xi Jinping di Kremlin pada 3 Juli. Dari Moskow, Xi dijadwalkan bertolak ke Jerman untuk menghadiri KTT G20 di Hamburg pada 7-8 Juli.',
    '2017-06-14',
    [[['vladimir-putin', 'xi-jinping'], 'official_visit', '2017-07-03']],
  ],
  [
    'a summit named only as a time ("Sebelum KTT") does not make the visit a summit meeting',
    'Sebelum KTT SCO di Astana, Xi Jinping melakukan kunjungan kenegaraan ke Kazakhstan dan bertemu Presiden Kassym-Jomart Tokayev pada Selasa (2/7/2024).',
    '2024-07-03',
    [[['kassym-jomart-tokayev', 'xi-jinping'], 'state_visit', '2024-07-02']],
  ],
  [
    "ministers' talks the leaders spoke about are not a meeting of the leaders",
    "Putin briefed Xi Jinping by phone on Monday. Putin told Xi about last week's talks between Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Marco Rubio in Riyadh, the first meeting between the two sides since 2022.",
    '2025-02-25',
    [[['vladimir-putin', 'xi-jinping'], 'phone_call', '2025-02-24']],
  ],
  [
    'a passing mention with its own year is a separate meeting',
    'Presiden Rusia Vladimir Putin tiba di Beijing untuk kunjungan kenegaraan. Xi juga mengunjungi Moskow pada 2023.',
    '2024-05-16',
    [
      [['vladimir-putin', 'xi-jinping'], 'state_visit', '2023'],
      [['vladimir-putin', 'xi-jinping'], 'state_visit', '2024-05-16'],
    ],
  ],
  [
    'a former leader still meets others: Medvedev, out of office, received by Xi',
    'Presiden China Xi Jinping bertemu Dmitry Medvedev, Ketua Partai Rusia Bersatu, di Beijing pada Rabu (21/12/2022).',
    '2022-12-21',
    [[['dmitry-medvedev', 'xi-jinping'], 'official_visit', '2022-12-21']],
  ],
  [
    'a call dated only by the next sentence\'s "that call"',
    'Kunjungan itu dilakukan tiga hari setelah Presiden Boris Yeltsin dan Jiang Zemin berbicara melalui telepon. Dalam percakapan telepon hari Sabtu (8/5) itu, Yeltsin menyatakan kemarahan mendalam.',
    '1999-05-11',
    [[['boris-yeltsin', 'jiang-zemin'], 'phone_call', '1999-05-08']],
  ],
  [
    '"the former prime minister" is the leader named before',
    'Utusan khusus Rusia Viktor Chernomyrdin menyerukan penghentian serangan NATO pada Selasa (11/5). Mantan perdana menteri Rusia itu dijadwalkan bertemu Presiden Jiang Zemin siang ini.',
    '1999-05-11',
    [[['jiang-zemin', 'viktor-chernomyrdin'], 'talks', '1999-05-11']],
  ],
  [
    'two visits that coincide are no meeting of the visitors',
    'Kunjungan mendadak Dmitry Medvedev ke Beijing bertepatan dengan kunjungan Presiden Ukraina Volodymyr Zelensky ke Washington.',
    '2022-12-21',
    [],
  ],
  [
    '"he" after a minister named since the leader is the minister',
    "Russian President Vladimir Putin on Sunday received Chinese Defense Minister Li Shangfu in the Kremlin, less than a month after Chinese President Xi Jinping's state visit to Moscow. Li Shangfu is on his first trip abroad. He arrived in Moscow at the invitation of Defence Minister Sergei Shoigu, who also attended the meeting with Putin.",
    '2023-04-17',
    [],
  ],
  [
    'a count of meetings is none of them ("lebih dari 40 kali")',
    'Presiden China Xi Jinping dan Presiden Rusia Vladimir Putin telah bertemu lebih dari 40 kali.',
    '2023-03-20',
    [],
  ],
  [
    'a count of meetings is none of them ("twice")',
    'Chinese President Xi Jinping noted that he and Russian President Vladimir Putin had met twice this year.',
    '2023-12-20',
    [],
  ],
  [
    'a count of meetings is none of them ("two dozen times")',
    'Putin and Xi Jinping have now met more than two dozen times since 2013.',
    '2018-08-30',
    [],
  ],
  [
    'a count of meetings is none of them ("puluhan kali", "several times", "dozens of times")',
    'Xi Jinping dan Vladimir Putin telah bertemu puluhan kali sejak 2013. Putin dan Xi sudah bertemu beberapa kali tahun ini. Putin and Xi have met dozens of times.',
    '2024-05-16',
    [],
  ],
  [
    'a meeting told only as so long before something else has no day of its own',
    "Coming just ten days after Putin's summit with U.S. President Donald Trump in Helsinki, the meeting served as a reminder.",
    '2018-08-30',
    [],
  ],
  [
    "in a recap, an undated report belongs to the meeting just reported, not to the article's day",
    'On June 8, Xi Jinping welcomed Vladimir Putin at the Great Hall of the People in Beijing. Xi called Putin his best friend. In their talks, the two presidents discussed energy.',
    '2018-08-30',
    [[['vladimir-putin', 'xi-jinping'], 'official_visit', '2018-06-08']],
  ],
  [
    '"the third meeting" is one more of the article\'s two leaders',
    'Xi Jinping and Vladimir Putin met in Beijing on June 8. The third meeting came on July 26, on the sidelines of the BRICS summit in Johannesburg.',
    '2018-08-30',
    [
      [['vladimir-putin', 'xi-jinping'], 'official_visit', '2018-06-08'],
      [['vladimir-putin', 'xi-jinping'], 'multilateral_summit', '2018-07-26'],
    ],
  ],
  [
    '"menjelang" opens the clause of another meeting',
    'Xi Jinping menelepon Vladimir Putin pada Jumat (8/8), menjelang pertemuan Putin dengan Presiden AS Donald Trump.',
    '2025-08-09',
    [[['vladimir-putin', 'xi-jinping'], 'phone_call', '2025-08-08']],
  ],
  [
    "a plan's date is the day still ahead, not the day it was announced",
    'Jumat (8/8), Presiden AS Donald Trump mengumumkan akan bertemu Presiden Rusia Vladimir Putin di Alaska pada Jumat (15/8).',
    '2025-08-09',
    [[['donald-trump', 'vladimir-putin'], 'talks', '2025-08-15']],
  ],
  [
    '"kedua pemimpin" in a sentence that names two leaders are those two',
    'Xi Jinping dan Vladimir Putin berbicara melalui telepon pada Jumat (8/8). Xi dan Putin membahas Ukraina. Putin juga menelepon Perdana Menteri India Narendra Modi pada Jumat (8/8). Kedua pemimpin meninjau agenda bilateral, dan Modi mengundang Putin berkunjung ke India.',
    '2025-08-09',
    [
      [['vladimir-putin', 'xi-jinping'], 'phone_call', '2025-08-08'],
      [['narendra-modi', 'vladimir-putin'], 'phone_call', '2025-08-08'],
    ],
  ],
  [
    '"the leaders of" named countries are not the article\'s two leaders',
    'Chinese President Jiang Zemin, Russian President Vladimir Putin and the leaders of Kazakhstan and Uzbekistan signed a declaration in Shanghai on June 15. Putin will meet George W. Bush on Saturday. Putin said Bush is a partner. Bush said Putin is a partner. Bush praised Putin.',
    '2001-06-16',
    [
      [['jiang-zemin', 'vladimir-putin'], 'multilateral_summit', '2001-06-15'],
      [['george-w-bush', 'vladimir-putin'], 'talks', '2001-06-16'],
    ],
  ],
  [
    'talks on the eve of a summit the leader flew in for are at the summit',
    "Chinese President Xi Jinping and Russian President Vladimir Putin held talks at the Great Hall of the People in Beijing yesterday, hours after the Russian leader flew in for this week's Asia-Pacific Economic Cooperation (Apec) forum.",
    '2014-11-10',
    [[['vladimir-putin', 'xi-jinping'], 'multilateral_summit', '2014-11-09']],
  ],
  [
    "a document's signing told in a relative clause, witnessed by leaders, is that meeting's date",
    'Perdana Menteri Dmitry Medvedev dan Perdana Menteri Li Keqiang bertemu di Moskow pada Senin (13/10/2014). Perjanjian itu merupakan tindak lanjut kontrak gas yang diteken di Shanghai pada Mei lalu, disaksikan Presiden Vladimir Putin dan Presiden Xi Jinping.',
    '2014-10-14',
    [
      [['vladimir-putin', 'xi-jinping'], 'official_visit', '2014-05-20'],
      [['dmitry-medvedev', 'li-keqiang'], 'official_visit', '2014-10-13'],
    ],
  ],
  [
    'talks planned for the day after the arrival are on that day',
    'Russian President Vladimir Putin arrived in Beijing on Thursday to take part in the forum. On Friday, Putin is scheduled to meet with Chinese President Xi Jinping on its sidelines.',
    '2019-04-25',
    [[['vladimir-putin', 'xi-jinping'], 'multilateral_summit', '2019-04-26']],
  ],
  [
    'not attending a summit is no meeting at it',
    'Presiden Rusia Vladimir Putin dipastikan tidak akan hadir dalam KTT G20 di Bali. Presiden Joko Widodo sebelumnya mengundang Putin.',
    '2022-11-10',
    [],
  ],
  [
    'the possibility of a meeting is none',
    'Ketidakhadiran Putin memupus kemungkinan pertemuan tatap muka antara dirinya dan Presiden China Xi Jinping di sela KTT.',
    '2022-11-10',
    [],
  ],
  [
    'a plan to attend a summit, told in the weeks before it, is a meeting on its first day',
    'Kementerian Luar Negeri China pada Kamis (10/11/2022) mengumumkan Presiden Xi Jinping akan menghadiri KTT G20 di Bali. Presiden Joko Widodo akan menyambut Xi di Bali.',
    '2022-11-10',
    [[['joko-widodo', 'xi-jinping'], 'multilateral_summit', '2022-11-15']],
  ],
  [
    'face to face "on a screen" is a video call',
    'Xi Jinping dan Vladimir Putin kembali bertatap muka lewat layar pada 28 Juni 2021.',
    '2021-07-09',
    [[['vladimir-putin', 'xi-jinping'], 'video_call', '2021-06-28']],
  ],
  [
    'a "counterpart" who is named is that one, not the other leader',
    'Putin will visit China in May. Chinese President Xi Jinping received Sergey Lavrov hours after the Russian diplomat held talks with his Chinese counterpart Wang Yi.',
    '2024-04-09',
    [[['vladimir-putin', 'xi-jinping'], 'state_visit', '2024-05']],
  ],
  [
    'a visit that "looms", told without a date, is the one planned for next month',
    'Xi meets Lavrov as Putin visit looms\n\nRussian President Vladimir Putin is expected to visit China next month for talks with Xi Jinping.',
    '2024-04-09',
    [[['vladimir-putin', 'xi-jinping'], 'state_visit', '2024-05']],
  ],
  [
    "a date in a relative clause that ends the sentence is the clause's",
    'Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Beijing, yang menjadi tuan rumah Olimpiade pada 2008.',
    '2024-05-16',
    [[['vladimir-putin', 'xi-jinping'], 'official_visit', '2024-05-16']],
  ],
  [
    "the guest of honour at the other's celebration came on a visit",
    'Xi Jinping menjadi tamu kehormatan Vladimir Putin pada parade Hari Kemenangan di Lapangan Merah, Moskow, 9 Mei 2015.',
    '2015-05-10',
    [[['vladimir-putin', 'xi-jinping'], 'state_visit', '2015-05-09']],
  ],
];

describe('meetings', () => {
  for (const [what, text, published, expected] of MEETINGS) {
    it(what, () => {
      const got = meetings(run(text, published)).map((m) => [m.participants, m.kind, m.date]);
      assert.deepEqual(
        got.sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
        expected.sort((a, b) => a[2].localeCompare(b[2])),
      );
    });
  }

  it('leaves out a leader and a place named only in a clause about something else', () => {
    const cases: Array<[string, string[], string[]]> = [
      [
        'Ketika Presiden Ukraina Volodymyr Zelensky berpidato di Kyiv, Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Beijing pada Kamis (16/5/2024).',
        ['vladimir-putin', 'xi-jinping'],
        ['beijing'],
      ],
      [
        'When Ukrainian President Volodymyr Zelensky spoke in Kyiv, Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday.',
        ['vladimir-putin', 'xi-jinping'],
        ['beijing'],
      ],
      [
        'Putin bertemu Xi di Beijing pada Kamis (16/5/2024), sementara Presiden Belarus Alexander Lukashenko menunggu di Minsk.',
        ['vladimir-putin', 'xi-jinping'],
        ['beijing'],
      ],
      // a clause that times the meeting by another one: its leader was not there
      [
        'Jelang KTT dengan Presiden AS Donald Trump di Alaska, Putin menelepon Xi Jinping pada Kamis (16/5/2024).',
        ['vladimir-putin', 'xi-jinping'],
        [],
      ],
      [
        'Ahead of his summit with US President Donald Trump in Alaska, Putin phoned Xi Jinping on Thursday.',
        ['vladimir-putin', 'xi-jinping'],
        [],
      ],
      [
        'Putin menelepon Xi Jinping pada Kamis (16/5/2024), di tengah rencana pertemuan puncak antara Putin dan Presiden AS Donald Trump.',
        ['vladimir-putin', 'xi-jinping'],
        [],
      ],
      // the clause before the comma reports the meeting, or has no one else in it: kept
      [
        'Setelah bertemu Presiden China Xi Jinping di Beijing, Presiden Rusia Vladimir Putin mengatakan kerja sama akan diperluas pada Kamis (16/5/2024).',
        ['vladimir-putin', 'xi-jinping'],
        ['beijing'],
      ],
      [
        'Saat berada di Beijing, Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping pada Kamis (16/5/2024).',
        ['vladimir-putin', 'xi-jinping'],
        ['beijing'],
      ],
      [
        'Putin bertemu Xi di Beijing pada Kamis (16/5/2024), sementara Presiden Belarus Alexander Lukashenko juga hadir dalam pertemuan itu.',
        ['alexander-lukashenko', 'vladimir-putin', 'xi-jinping'],
        ['beijing'],
      ],
    ];
    for (const [text, participants, places] of cases) {
      const got = meetings(run(`Judul\n\n${text}`, '2024-05-17'));
      assert.deepEqual(
        got.map((m) => [m.participants, m.places]),
        [[participants, places]],
        text,
      );
    }
  });

  it('"since" opens a meeting of its own, with its own place', () => {
    for (const text of [
      'Pertemuan di Alaska akan menjadi tatap muka pertama antara presiden AS dan Rusia sejak Joe Biden bertemu Putin di Jenewa pada Juni 2021.',
      'The Alaska summit will be the first meeting of US and Russian presidents since Joe Biden met Putin in Geneva in June 2021.',
    ]) {
      // in August 2025 "presiden AS" is Trump, named only in the main clause
      const got = meetings(run(`Judul\n\n${text}`, '2025-08-09'));
      assert.deepEqual(
        got.map((m) => [m.participants, m.places, m.date]),
        [[['joe-biden', 'vladimir-putin'], ['geneva'], '2021-06']],
        text,
      );
    }
  });

  it('no meeting when leaders are in different clauses, or only one leader acts', () => {
    const none = [
      'Putin mendarat di Beijing beberapa jam setelah Presiden Ukraina Volodymyr Zelensky mengumumkan akan menghentikan semua kunjungan internasional.',
      'Putin memuji hubungan dagang antara Rusia dan China yang berkembang pesat.',
      'Baca juga : Xi Jinping dan Vladimir Putin akan Bertemu di Uzbekistan',
    ];
    for (const text of none)
      assert.deepEqual(meetings(run(`Judul\n\n${text}`, '2024-05-16')), [], text);
  });

  it('"kedua pemimpin" resolves to the article\'s two leaders, and sectors tie to the meeting', () => {
    const text =
      'Xi Jinping bertemu Vladimir Putin di Kremlin pada Selasa (21/3/2023). Kedua pemimpin sepakat memperluas kerja sama di bidang pertanian dan energi. Perdagangan kedua negara mencapai USD200 miliar tahun lalu.';
    const [m] = meetings(run(text, '2023-03-22'));
    assert.deepEqual(m?.participants, ['vladimir-putin', 'xi-jinping']);
    assert.deepEqual(m?.places, ['kremlin']);
    assert.ok(m?.sectors.includes('agriculture') && m.sectors.includes('energy'));
    assert.ok(!m?.sectors.includes('trade'), 'a statistic is background');
  });

  it('a planned meeting says so', () => {
    const doc = run(
      'Putin dan Xi Jinping akan bertemu di Beijing pada 16 Mei 2024, kata Kremlin.',
      '2024-05-10',
    );
    assert.equal(
      doc.nodes.find((n) => n.attributes.type === 'Meeting')?.attributes.status,
      'planned',
    );
  });

  it('"Pertemuan tersebut berlangsung di Kremlin" places the meeting just reported', () => {
    const [m] = meetings(
      run(
        'Judul\n\nXi Jinping bertemu Vladimir Putin pada Selasa (21/3/2023).\nPertemuan tersebut berlangsung di Kremlin selama empat jam.',
        '2023-03-22',
      ),
    );
    assert.deepEqual(m?.places, ['kremlin']);
  });

  it('the weekday check corrects a misprinted year', () => {
    const [m] = meetings(run('Xi dan Putin mengadakan pembicaraan di Kremlin, Rabu (22/3/2024).'));
    assert.equal(m?.date, '2023-03-22');
  });
});

describe('agreements', () => {
  const text =
    'Xi Jinping dan Vladimir Putin bertemu di Moskow pada Selasa (21/3/2023). Rosatom dan badan energi atom China menyepakati program komprehensif kerja sama di bidang reaktor neutron cepat. Enam nota kesepahaman tambahan menyentuh perdagangan dan kehutanan. Kedua pemimpin diharapkan menandatangani sejumlah dokumen.';
  const doc = run(text, '2023-03-22');
  const agreements = doc.nodes.filter((n) => n.attributes.type === 'Agreement');
  const signers = (key: string) =>
    doc.edges
      .filter((e) => e.target === key && e.attributes.type === 'SIGNED')
      .map((e) => e.source)
      .sort();
  const covers = (key: string) =>
    doc.edges
      .filter((e) => e.source === key && e.attributes.type === 'COVERS')
      .map((e) => e.target)
      .sort();

  it('finds the signed program with its signatories and sector, and the counted memoranda', () => {
    const program = agreements.find((a) => a.attributes.kind === 'program');
    assert.ok(program);
    assert.deepEqual(signers(program.key), [
      'Organization:china-atomic-energy-authority',
      'Organization:rosatom',
    ]);
    assert.deepEqual(covers(program.key), ['Sector:nuclear']);
    const memoranda = agreements.find((a) => a.attributes.kind === 'memorandum');
    assert.equal(memoranda?.attributes.count, 6);
    assert.deepEqual(covers(memoranda?.key ?? ''), ['Sector:forestry', 'Sector:trade']);
  });
  it('every agreement is produced by the meeting', () => {
    for (const a of agreements)
      assert.ok(
        doc.edges.some((e) => e.attributes.type === 'PRODUCED' && e.target === a.key),
        a.key,
      );
  });
  it('a vague mention ("sejumlah dokumen") and a pledge are not agreements', () => {
    assert.equal(agreements.length, 2);
    const pledge = run(
      'Xi dan Putin bertemu di Beijing pada 16 Mei 2024. Putin berjanji memperdalam kerja sama energi.',
      '2024-05-16',
    );
    assert.equal(pledge.nodes.filter((n) => n.attributes.type === 'Agreement').length, 0);
  });
  it('every event node and edge carries a confidence in [0, 1]', () => {
    for (const n of doc.nodes.filter(
      (x) => x.attributes.type === 'Meeting' || x.attributes.type === 'Agreement',
    )) {
      const c = Number(n.attributes.confidence);
      assert.ok(c >= 0 && c <= 1, n.key);
    }
    for (const e of doc.edges.filter((x) =>
      ['PARTICIPATED_IN', 'HELD_IN', 'DISCUSSED', 'PRODUCED', 'SIGNED', 'COVERS'].includes(
        x.attributes.type,
      ),
    )) {
      assert.ok(
        typeof e.attributes.confidence === 'number' &&
          e.attributes.confidence >= 0 &&
          e.attributes.confidence <= 1,
        e.key,
      );
    }
  });
});

describe('across articles', () => {
  it('two reports of one visit, a day apart, from different outlets merge into one meeting', () => {
    const a = annotate(
      'Xi Jinping tiba di Moskow untuk kunjungan kenegaraan pada Senin (20/3/2023) dan bertemu Vladimir Putin.',
      { id: 'a', published: '2023-03-20' },
    );
    const b = annotate(
      'Chinese President Xi Jinping held talks with Russian President Vladimir Putin in the Kremlin on Tuesday (March 21), during his state visit.',
      { id: 'b', published: '2023-03-22' },
    );
    const g = mergeDocuments([a, b]);
    const ms = g.filterNodes((_k, attrs) => attrs.type === 'Meeting');
    assert.equal(ms.length, 1, ms.join(', '));
    assert.deepEqual(g.getNodeAttribute(ms[0] as string, 'articles'), ['a', 'b']);
  });
  it('two meetings of the same leaders weeks apart stay two', () => {
    const a = annotate('Xi Jinping bertemu Vladimir Putin di Beijing pada Jumat (4/2/2022).', {
      id: 'a',
      published: '2022-02-04',
    });
    const b = annotate(
      'Xi Jinping dan Vladimir Putin berbicara melalui telepon pada Jumat (25/2/2022).',
      { id: 'b', published: '2022-02-25' },
    );
    const c = annotate('Xi Jinping bertemu Vladimir Putin di Samarkand pada Kamis (15/9/2022).', {
      id: 'c',
      published: '2022-09-15',
    });
    const g = mergeDocuments([a, b, c]);
    assert.equal(g.filterNodes((_k, attrs) => attrs.type === 'Meeting').length, 3);
  });
  it('a call and a visit in the same days stay two', () => {
    const a = annotate('Xi Jinping bertemu Vladimir Putin di Moskow pada Senin (20/3/2023).', {
      id: 'a',
      published: '2023-03-20',
    });
    const b = annotate(
      'Xi Jinping dan Vladimir Putin berbicara melalui telepon pada Selasa (21/3/2023).',
      { id: 'b', published: '2023-03-21' },
    );
    assert.equal(
      mergeDocuments([a, b]).filterNodes((_k, attrs) => attrs.type === 'Meeting').length,
      2,
    );
  });
});

describe('event shortcuts keep the rules', () => {
  it('a dateline, with an en or em dash, is not where the leaders met; a colon is no dateline', () => {
    const places = (sep: string) =>
      meetings(
        run(
          `Judul\n\nLaporan dari Moskow${sep} Putin bertemu Xi Jinping di Kremlin pada 21 Maret 2023.`,
          '2023-03-22',
        ),
      )[0]?.places;
    assert.deepEqual(places(' –'), ['kremlin']);
    assert.deepEqual(places(' —'), ['kremlin']);
    assert.deepEqual(places(':'), ['kremlin', 'moscow']);
  });

  it('a hyphen inside a word is no dateline: "Xi went to Moscow for a three-day state visit"', () => {
    const found = meetings(
      run(
        'Judul\n\nPutin and Xi Jinping.\n\nXi went to Moscow for a three-day state visit on March 20, 2023.',
        '2024-05-14',
      ),
    );
    assert.deepEqual(
      found.map((m) => [m.participants, m.date, m.places]),
      [[['vladimir-putin', 'xi-jinping'], '2023-03-20', ['moscow']]],
    );
  });

  it('the first encounter word of a sentence: earliest, then by category, then in order', () => {
    const match = (target: string, start: number) =>
      ({
        start,
        end: start + 1,
        surface: { target },
      }) as unknown as SentenceFacts['events'][number];
    const events = [
      match('signing', 3),
      match('meetings', 1), // another category, although it starts with 'meeting'
      match('meeting:talks', 5),
      match('witness', 3),
      match('meeting', 9),
    ];
    const f = { events } as unknown as SentenceFacts;
    const categories = ['meeting', 'signing', 'witness'];
    assert.equal(firstOf(f, categories), events[0]);
    assert.equal(firstOf(f, ['witness', 'signing']), events[3]);
    assert.equal(firstOf(f, ['meeting']), events[2]);
    assert.equal(firstOf(f, ['collective']), undefined);
  });

  it('days between dates, asked again and again, and across a leap day', () => {
    for (let i = 0; i < 3; i++) {
      assert.equal(daysBetween('2023-03-01', '2023-03-21'), 20);
      assert.equal(daysBetween('2024-03-01', '2024-02-28'), -2);
    }
    assert.ok(Number.isNaN(daysBetween('2023-13-45', '2023-03-21')));
  });
});

describe('words that look like facts of the event and are not', () => {
  const agreementsOf = (doc: AnnotationDocument) =>
    doc.nodes
      .filter((n) => n.attributes.type === 'Agreement')
      .map((n) => ({
        kind: n.attributes.kind,
        count: n.attributes.count,
        signers: doc.edges
          .filter((e) => e.target === n.key && e.attributes.type === 'SIGNED')
          .map((e) => e.source)
          .sort(),
      }));

  it('"the two leaders" right after a report of a meeting other than the main one speak of that one', () => {
    const found = meetings(
      run(
        'Xi Jinping held talks with Vladimir Putin in Beijing on Wednesday. On Tuesday, Putin met Kazakh President Kassym-Jomart Tokayev in Astana. The two leaders also promised to cooperate on energy.',
        '2024-05-16',
      ),
    );
    const sectorsOf = (who: string) => found.find((m) => m.participants.includes(who))?.sectors;
    assert.deepEqual(sectorsOf('kassym-jomart-tokayev'), ['energy'], JSON.stringify(found));
    assert.deepEqual(sectorsOf('xi-jinping'), [], JSON.stringify(found));
  });

  it('a figure does not make background of what the leaders discuss', () => {
    const found = meetings(
      run(
        'Presiden Xi Jinping bertemu Presiden Vladimir Putin di Moskow pada Senin (20/3/2023). Kedua pemimpin juga akan membahas perdagangan bilateral yang melonjak hingga 240 miliar dolar AS.',
        '2023-03-21',
      ),
    );
    assert.deepEqual(found[0]?.sectors, ['trade'], JSON.stringify(found));
  });

  it('cooperation with a country not at the meeting is not what the meeting discussed', () => {
    const found = meetings(
      run(
        'Presiden Xi Jinping bertemu Presiden Vladimir Putin di Moskow pada Senin (20/3/2023). Rusia tetap menjadi mitra penting Indonesia di sektor pertahanan dan energi.',
        '2023-03-21',
      ),
    );
    assert.deepEqual(found[0]?.sectors, [], JSON.stringify(found));
  });

  it('the pandemic as a time ("sejak pandemi COVID-19") is not what the leaders discussed', () => {
    const found = meetings(
      run(
        'Presiden Xi Jinping bertemu Presiden Vladimir Putin di Moskow pada Senin (20/3/2023), lawatan pertamanya sejak pandemi COVID-19.',
        '2023-03-21',
      ),
    );
    assert.deepEqual(found[0]?.sectors, [], JSON.stringify(found));
  });

  it('a date between commas before the signing is neither a count nor the end of the signers', () => {
    const doc = run(
      'Presiden China Jiang Zemin dan Presiden Rusia Vladimir Putin, Senin (16/7), menandatangani Traktat Persahabatan di Kremlin, Moskow.',
      '2001-07-17',
    );
    const treaties = agreementsOf(doc).filter((a) => a.kind === 'treaty');
    assert.equal(treaties.length, 1);
    assert.equal(treaties[0]?.count, undefined);
    assert.deepEqual(
      treaties[0]?.signers.filter((k) => k.startsWith('Leader:')),
      ['Leader:jiang-zemin', 'Leader:vladimir-putin'],
    );
    // a total over several kinds counts, across their commas, and names no document
    const total = run(
      'Xi tiba di Moskow pada Senin (20/3/2023). Pada Selasa (21/3) malam, KTT telah menghasilkan total 14 pernyataan, protokol, memorandum, dan kesepakatan.',
      '2023-03-22',
    );
    assert.deepEqual(agreementsOf(total), []);
    // a count in the noun phrase still counts
    const six = run(
      'Xi Jinping dan Vladimir Putin bertemu di Moskow pada 21 Maret 2023 dan menandatangani enam nota kesepahaman.',
      '2023-03-22',
    );
    assert.equal(agreementsOf(six).find((a) => a.kind === 'memorandum')?.count, 6);
  });

  it('a signing verb joined by "dan" after a comma has the subject of the first clause', () => {
    const doc = run(
      'Presiden China Xi Jinping dan Presiden Rusia Vladimir Putin bertemu di Beijing, Jumat (4/2/2022), beberapa jam sebelum upacara pembukaan Olimpiade, dan menandatangani pernyataan bersama.',
      '2022-02-05',
    );
    const statement = agreementsOf(doc).find((a) => a.kind === 'joint_statement');
    assert.deepEqual(
      statement?.signers.filter((k) => k.startsWith('Leader:')),
      ['Leader:vladimir-putin', 'Leader:xi-jinping'],
    );
  });

  it("a country's possessive names whose the signer is, it does not sign", () => {
    const doc = run(
      "Putin and Xi Jinping held talks in Beijing on Friday. Russia's largest independent gas producer Novatek signed an agreement with China National Petroleum Corporation.",
      '2019-04-26',
    );
    const signers = agreementsOf(doc).flatMap((a) => a.signers);
    assert.ok(signers.includes('Organization:novatek'), JSON.stringify(signers));
    assert.ok(!signers.includes('Country:RU'), JSON.stringify(signers));
  });

  it('"the most significant was an agreement between A and B": a counted document and its sides', () => {
    const doc = run(
      'Putin and Xi Jinping watched as officials signed 17 documents in Beijing on Sunday. The most significant was a framework agreement between Russian gas giant Gazprom and China National Petroleum Corporation on gas supplies.',
      '2014-11-10',
    );
    const deal = agreementsOf(doc).find((a) => a.kind === 'agreement');
    assert.deepEqual(deal?.signers, ['Organization:cnpc', 'Organization:gazprom']);
  });

  it('"salah satu yang paling disorot pasar adalah perjanjian …": one of those counted, signed by whom the next sentence says', () => {
    const doc = run(
      "Rusia dan China menandatangani 38 dokumen kerja sama saat Perdana Menteri China Li Keqiang bertemu Perdana Menteri Rusia Dmitry Medvedev di Moskow, Senin (13/10/2014). Salah satu yang paling disorot pasar adalah perjanjian pertukaran mata uang senilai 150 miliar yuan. Dokumen tersebut diteken oleh Gubernur Bank Sentral Rusia Elvira Nabiullina dan Gubernur People's Bank of China Zhou Xiaochuan.",
      '2014-10-14',
    );
    const swap = agreementsOf(doc).find((a) => a.kind === 'agreement');
    assert.ok(
      swap?.signers.includes('Person:elvira-nabiullina'),
      JSON.stringify(agreementsOf(doc)),
    );
  });

  it('leaders who oversaw the signing, or watched as others signed, are witnesses', () => {
    for (const text of [
      'Putin and Wen Jiabao held talks in Beijing on Tuesday. Putin and Wen also oversaw the signing of an intergovernmental agreement on notification of missile launches.',
      'Putin and Wen Jiabao held talks in Beijing on Tuesday. Putin and Wen watched as officials signed an agreement on notification of missile launches.',
    ]) {
      const signers = agreementsOf(run(text, '2009-10-14')).flatMap((a) => a.signers);
      assert.ok(
        !signers.some((k) => k.startsWith('Leader:')),
        `${text} ${JSON.stringify(signers)}`,
      );
    }
  });

  it('a document denied is none: "no joint statement is planned", "tidak ada kesepakatan baru"', () => {
    for (const [text, published] of [
      [
        'Putin met Xi Jinping in Beijing on Sunday. Officials played down expectations, and no joint statement is planned.',
        '2014-11-10',
      ],
      [
        'Putin bertemu Xi Jinping di Beijing, Minggu (9/11). Namun, tidak ada kesepakatan baru yang ditandatangani.',
        '2014-11-10',
      ],
    ] as const)
      assert.deepEqual(agreementsOf(run(text, published)), [], text);
  });

  it('a participle after a comma and a passive with "the two leaders" name the leaders as signers', () => {
    for (const [text, published] of [
      [
        'Vladimir Putin and Xi Jinping declared on Friday that ties have no limits, unveiling a joint statement.',
        '2022-02-04',
      ],
      [
        'Pada 16 Mei, Putin datang ke Beijing dan bertemu Presiden China Xi Jinping. Dalam pernyataan bersama yang diteken kedua pemimpin, Moskwa dan Beijing menentang sanksi.',
        '2024-06-19',
      ],
      [
        'On May 16 Putin met Xi Jinping in Beijing. In a joint statement signed by the two leaders, Moscow and Beijing opposed sanctions.',
        '2024-06-19',
      ],
    ] as const) {
      const statement = agreementsOf(run(text, published)).find(
        (a) => a.kind === 'joint_statement',
      );
      assert.deepEqual(statement?.signers, ['Leader:vladimir-putin', 'Leader:xi-jinping'], text);
    }
  });

  it('documents counted and then described one by one are that many, each with its own sectors', () => {
    const doc = run(
      'Xi Jinping dan Vladimir Putin bertemu di Moskow pada Rabu (5/6/2019). Keduanya lalu meneken dua pernyataan bersama. Yang pertama tentang hubungan kemitraan menyeluruh. Yang kedua tentang kerja sama energi dan perdagangan.',
      '2019-06-06',
    );
    const statements = doc.nodes.filter((n) => n.attributes.kind === 'joint_statement');
    assert.equal(statements.length, 2, JSON.stringify(statements.map((n) => n.key)));
    const sectors = statements.map((n) =>
      doc.edges
        .filter((e) => e.source === n.key && e.attributes.type === 'COVERS')
        .map((e) => e.target)
        .sort(),
    );
    assert.deepEqual(sectors, [[], ['Sector:energy', 'Sector:trade']]);
    assert.ok(
      statements.every((n) => n.attributes.count === undefined),
      'each is one document',
    );
  });

  it('a clause that describes a signer ("Sechin, a close Putin ally, and Zhou signed") names no one else', () => {
    const doc = run(
      'Xi Jinping held talks with Vladimir Putin in the Kremlin on Friday. Rosneft chief Igor Sechin spoke. Sechin, a close Putin ally, and Zhou Jiping also signed a memorandum on offshore fields.',
      '2013-03-22',
    );
    const memo = agreementsOf(doc).find((a) => a.kind === 'memorandum');
    assert.deepEqual(memo?.signers, ['Person:igor-sechin', 'Person:zhou-jiping']);
  });

  it('a signer after "dan" and words that describe him, between commas ("Gazprom dan perusahaan migas China, CNPC, meneken") joins the one before', () => {
    for (const [text, published] of [
      [
        'Di sela kunjungan Presiden Vladimir Putin ke Beijing pada Selasa (20/5/2014), raksasa gas Rusia Gazprom dan perusahaan migas China, CNPC, meneken kontrak pasokan gas.',
        '2014-05-21',
      ],
      [
        "Russia's Gazprom and China's state energy giant, CNPC, signed a 30-year supply contract on Wednesday in Shanghai.",
        '2014-05-22',
      ],
    ] as const) {
      const contract = agreementsOf(run(text, published)).find((a) => a.kind === 'contract');
      assert.deepEqual(contract?.signers, ['Organization:cnpc', 'Organization:gazprom'], text);
    }
  });

  it('the leaders named right after a statement\'s noun issued it ("pernyataan bersama Putin dan Xi")', () => {
    const doc = run(
      'Putin dan Xi bertemu di Beijing pada Jumat (4/2/2022). Dokumen yang paling menyita perhatian Barat adalah pernyataan bersama Putin dan Xi tentang hubungan internasional.',
      '2022-02-05',
    );
    const statement = agreementsOf(doc).find((a) => a.kind === 'joint_statement');
    assert.deepEqual(statement?.signers, ['Leader:vladimir-putin', 'Leader:xi-jinping']);
  });

  it("a dateline's outlet reports the signing, it does not sign", () => {
    for (const [text, published, outlet] of [
      [
        'BEIJING, Sept 2 (Reuters) - Gazprom signed a memorandum with China National Petroleum Corporation on Tuesday, as Putin and Xi Jinping met in Beijing.',
        '2025-09-02',
        'Organization:reuters',
      ],
      [
        'Jakarta, CNN Indonesia -- Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping menandatangani pernyataan bersama dalam pertemuan virtual pada Senin (28/6/2021).',
        '2021-06-29',
        'Organization:cnn-indonesia',
      ],
      [
        'Moskow, 16/7 (ANTARA/Reuters-AFP) - Presiden Rusia Vladimir Putin dan Presiden China Jiang Zemin, Senin, menandatangani Traktat Persahabatan di Kremlin.',
        '2001-07-17',
        'Organization:reuters',
      ],
      [
        'MOSCOW, July 16 Kyodo - Russian President Vladimir Putin and Chinese President Jiang Zemin signed a treaty of friendship on Monday.',
        '2001-07-16',
        'Organization:kyodo',
      ],
    ] as const) {
      const doc = run(text, published);
      const signers = agreementsOf(doc).flatMap((a) => a.signers);
      assert.ok(signers.length > 0, text);
      for (const s of signers) assert.ok(s !== outlet && s !== 'Country:ID', `${s} in ${text}`);
    }
    const jakarta = run(
      'Jakarta, CNN Indonesia -- Presiden Rusia Vladimir Putin berbicara dengan Xi Jinping.',
      '2021-06-29',
    );
    assert.ok(!jakarta.nodes.some((n) => n.key === 'Country:ID' || n.key === 'Organization:cnn'));
  });

  it('a parade, a news agency, a state broadcaster and what Western governments say are not sectors of the meeting', () => {
    const parade = meetings(
      run(
        'Xi Jinping dan Vladimir Putin bertemu di Kremlin, Moskow, pada 8 Mei 2025 dan membahas kerja sama energi. Keduanya kemudian menyaksikan parade militer Hari Kemenangan di Lapangan Merah.',
        '2025-05-09',
      ),
    );
    assert.deepEqual(parade[0]?.sectors, ['energy']);
    const agency = meetings(
      run(
        'Xi Jinping and Vladimir Putin held talks on trade in Beijing on Tuesday, according to the news agency Xinhua.',
        '2025-09-03',
      ),
    );
    assert.deepEqual(agency[0]?.sectors, ['trade']);
    const broadcaster = meetings(
      run(
        'Xi Jinping and Vladimir Putin held talks on trade by phone on Monday. Chinese state broadcaster CCTV said Xi told the Kremlin leader that China was glad to see the talks.',
        '2025-02-24',
      ),
    );
    assert.deepEqual(broadcaster[0]?.sectors, ['trade']);
    const voices = meetings(
      run(
        "Xi Jinping and Vladimir Putin held talks on trade by phone on Monday. Western governments say Chinese exports of electronics have helped sustain Russia's arms industry.",
        '2025-02-24',
      ),
    );
    assert.deepEqual(voices[0]?.sectors, ['trade']);
  });
});

// [what, text, published, the meetings found as participants+date+kind]
const NOT_ITS_DATE: Array<[string, string, string, string[]]> = [
  [
    "the year a document was signed, told in a relative clause, is the document's ('Traktat … yang diteken pada 2001')",
    'Putin tiba di Beijing, Kamis (14/10/2004), untuk kunjungan kenegaraan dan bertemu Presiden China Hu Jintao. Kedua presiden menandatangani pernyataan bersama dan menyetujui rencana aksi untuk melaksanakan Traktat Bertetangga Baik, Persahabatan dan Kerja Sama yang diteken pada 2001.',
    '2004-10-15',
    ['hu-jintao+vladimir-putin 2004-10-14 state_visit'],
  ],
  [
    "a later, more precise date of the same time is the meeting's ('this year … in June')",
    'This year, Chinese President Xi Jinping and Russian President Vladimir Putin extended the treaty during a video meeting in June.',
    '2021-11-23',
    ['vladimir-putin+xi-jinping 2021-06 video_call'],
  ],
  [
    "a visit's date is the day of the talks, not of the arrival",
    'Russian President Vladimir Putin and Chinese President Xi Jinping held talks in Beijing on Tuesday, September 2, 2025. The Russian leader arrived in China on August 31.',
    '2025-09-02',
    ['vladimir-putin+xi-jinping 2025-09-02 state_visit'],
  ],
  [
    '… and of two days of talks, the one nearer the news',
    'Presiden China Xi Jinping dan Presiden Rusia Vladimir Putin menandatangani pernyataan bersama seusai pembicaraan resmi di Kremlin, Moskwa, Selasa (21/3/2023). Sehari sebelumnya, Senin (20/3), Xi dan Putin bertemu empat mata.',
    '2023-03-22',
    ['vladimir-putin+xi-jinping 2023-03-21 official_visit'],
  ],
  [
    '… nor of a summit the visitor is to attend the next day',
    'Kepala RDIF dan CIC menandatangani kesepakatan di Beijing, Selasa (5/6/2012), disaksikan Presiden Rusia Vladimir Putin dan Presiden China Hu Jintao. Putin dijadwalkan menghadiri KTT Organisasi Kerja Sama Shanghai (SCO) di Beijing pada 6-7 Juni bersama pemimpin China.',
    '2012-06-05',
    ['hu-jintao+vladimir-putin 2012-06-05 official_visit'],
  ],
  [
    "a date opening a relative clause is the clause's ('perdagangan yang tahun lalu mencapai …')",
    'Putin dan Xi Jinping menggelar pembicaraan di Beijing pada Jumat (8/6/2018). Dalam pembicaraan, Xi dan Putin membahas perdagangan yang tahun lalu mencapai US$ 87 miliar.',
    '2018-06-09',
    ['vladimir-putin+xi-jinping 2018-06-08 official_visit'],
  ],
  [
    'a meeting dated to its year and again to its month is of that month',
    'Putin dan Xi Jinping bertemu di Xiamen pada 2017. Xi dan Putin bertemu di sela KTT BRICS pada September 2017.',
    '2018-06-09',
    ['vladimir-putin+xi-jinping 2017-09-03 multilateral_summit'],
  ],
  [
    'a target year after the article is no date of talks already held',
    'Putin dan Hu Jintao bertemu di Beijing pada Selasa (5/6/2012). Dalam pembicaraan tersebut, kedua pemimpin sepakat meningkatkan nilai perdagangan menjadi US$100 miliar pada 2015.',
    '2012-06-06',
    ['hu-jintao+vladimir-putin 2012-06-05 official_visit'],
  ],
  [
    'a date after the article in a sentence that plans the meeting is its date',
    'Xi Jinping dijadwalkan mengunjungi Moskow dan bertemu Putin pada 2027.',
    '2026-03-01',
    ['vladimir-putin+xi-jinping 2027 state_visit'],
  ],
  [
    "a period's clause dates its own meeting ('sejak Putin bertemu Biden … Juni 2021')",
    'Pertemuan itu akan menjadi yang pertama sejak Putin bertemu Joe Biden di Jenewa pada Juni 2021.',
    '2025-08-09',
    ['joe-biden+vladimir-putin 2021-06 official_visit'],
  ],
  [
    "… not the one before it ('lawatan pertama Putin ke China sejak ia kembali menjabat … bulan lalu')",
    'Putin dan Hu Jintao bertemu di Beijing pada Selasa (5/6/2012). Kunjungan kenegaraan ini merupakan lawatan pertama Putin ke China sejak ia kembali menjabat sebagai presiden untuk periode ketiga pada bulan lalu.',
    '2012-06-06',
    ['hu-jintao+vladimir-putin 2012-06-05 state_visit'],
  ],
  [
    "a year in a document's name is not when the leaders met",
    'Presiden Rusia Vladimir Putin tiba di Beijing pada Kamis (14/10/2004). Putin dan Hu Jintao menandatangani pernyataan bersama serta menyetujui rencana aksi 2005-2008 untuk melaksanakan Traktat Persahabatan tahun 2001.',
    '2004-10-15',
    ['hu-jintao+vladimir-putin 2004-10-14 state_visit'],
  ],
  [
    'a leader out of office then meets no one; an acronym in a treaty name keeps its year',
    'Presiden Rusia Vladimir Putin dan Presiden China Jiang Zemin, Senin (16/7/2001), menandatangani Traktat Persahabatan di Kremlin, dokumen pertama semacam itu sejak perjanjian persahabatan era Stalin setengah abad lalu. Selain traktat, Jiang dan Putin juga menandatangani Pernyataan Bersama yang menegaskan bahwa Traktat Anti-Rudal Balistik (ABM) tahun 1972 tetap penting.',
    '2001-07-17',
    ['jiang-zemin+vladimir-putin 2001-07-16 official_visit'],
  ],
  [
    "a date in a relative clause about someone is not the meeting's",
    'Presiden Rusia Vladimir Putin bertemu Presiden China Jiang Zemin di Beijing pada Senin (2/12/2002). Jiang, yang pada pertengahan November lalu menyerahkan jabatan Sekretaris Jenderal partai, menyebut kunjungan Putin sebagai bukti kemitraan kedua negara.',
    '2002-12-03',
    ['jiang-zemin+vladimir-putin 2002-12-02 state_visit'],
  ],
  [
    "'Kamis dan Jumat (16-17/5/2024)': a range of days whose weekday is its last day's, after a dateline city",
    'Jakarta, CNBC Indonesia - Presiden Rusia Vladimir Putin dijadwalkan melakukan kunjungan kenegaraan ke China pada Kamis dan Jumat (16-17/5/2024). Menurut Kremlin, Putin datang atas undangan Presiden China Xi Jinping.',
    '2024-05-15',
    ['vladimir-putin+xi-jinping 2024-05-16 state_visit'],
  ],
  [
    'a leader who meets another in a second clause is not at the first meeting',
    'Presiden Rusia Vladimir Putin berbicara dengan Presiden China Xi Jinping melalui sambungan telepon pada Jumat (8/8/2025), beberapa jam sebelum Presiden Amerika Serikat Donald Trump mengumumkan pertemuan puncaknya dengan Putin.',
    '2025-08-09',
    ['vladimir-putin+xi-jinping 2025-08-08 phone_call'],
  ],
  [
    'a leader named in an aside about the one who travels makes no visit',
    'Menteri Luar Negeri RI Sugiono, yang baru dilantik Presiden Prabowo Subianto sebagai Menlu pada Senin (21/10/2024), hadir di Kazan sebagai utusan khusus presiden. Presiden Rusia Vladimir Putin memimpin sesi itu.',
    '2024-10-24',
    [],
  ],
  [
    '"have met repeatedly this year" counts meetings, it reports none',
    'Xi and Putin have met repeatedly this year, including in Moscow.',
    '2019-12-02',
    [],
  ],
];

describe('dates, leaders and words in a meeting sentence that are not its own', () => {
  for (const [what, text, published, expected] of NOT_ITS_DATE) {
    it(what, () => {
      assert.deepEqual(
        meetings(run(text, published)).map(
          (m) => `${m.participants.join('+')} ${m.date} ${m.kind}`,
        ),
        expected,
      );
    });
  }
});

describe('"the two leaders" in a meeting named just before', () => {
  it('are the two the sentence before names, and their meeting is that one', () => {
    const doc = run(
      'Rusia mengekspor gandum ke China. Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Beijing pada 4 Februari lalu. Dalam pertemuan di Wisma Negara Diaoyutai itu, kedua pemimpin mengeluarkan pernyataan bersama. Presiden AS Joe Biden mengumumkan sanksi terhadap Rusia. Biden menyebut Putin agresor. Biden dan Putin tidak bertemu.',
      '2022-02-25',
    );
    const produced = doc.edges.filter((e) => e.attributes.type === 'PRODUCED').map((e) => e.source);
    assert.deepEqual(produced, ['Meeting:2022-02-04:cn-ru'], JSON.stringify(meetings(doc)));
  });
});

describe('"keduanya", both of them', () => {
  it('are the two leaders the sentence before names, and no one otherwise', () => {
    const found = meetings(
      run(
        'Putin dan Xi Jinping berbicara melalui telepon pada Senin (24/2/2025). Percakapan itu merupakan kontak kedua Xi dan Putin tahun ini. Pada 21 Januari, keduanya menggelar konferensi video.',
        '2025-02-24',
      ),
    );
    assert.ok(
      found.some((m) => m.date === '2025-01-21' && m.kind === 'video_call'),
      JSON.stringify(found),
    );
    const none = meetings(
      run(
        'Rusia dan China memperluas perdagangan. Pada 21 Januari, keduanya menggelar konferensi video.',
        '2025-02-24',
      ),
    );
    assert.deepEqual(none, [], JSON.stringify(none));
  });
});

describe('the two leaders, unnamed, signing', () => {
  it('report a meeting of their own on a date written in full, with a document', () => {
    const found = meetings(
      run(
        'Presiden China Xi Jinping bertemu Presiden Rusia Vladimir Putin di Kremlin pada Kamis (8/5/2025). Satu dekade lalu Xi juga menjadi tamu Putin. Saat itu, pada 8 Mei 2015, kedua pemimpin meneken pernyataan bersama tentang kerja sama ekonomi.',
        '2025-05-08',
      ),
    );
    assert.deepEqual(found.map((m) => m.date).sort(), ['2015-05-08', '2025-05-08']);
    // no document, no meeting: "reached a new level in 2021"
    const none = meetings(
      run(
        'Wei Fenghe said military cooperation between China and Russia was developing under the guidance of the two heads of state and had reached a new level in 2021.',
        '2021-11-23',
      ),
    );
    assert.deepEqual(none, []);
  });

  it('"keenam kepala negara" are the six of the summit', () => {
    const doc = run(
      'KTT SCO di Bishkek pada Kamis (16/8/2007) dihadiri Presiden Rusia Vladimir Putin, Presiden China Hu Jintao, Presiden Kirgistan Kurmanbek Bakiyev, Presiden Kazakhstan Nursultan Nazarbayev, Presiden Tajikistan Emomali Rahmon, dan Presiden Uzbekistan Islam Karimov. Keenam kepala negara menandatangani traktat persahabatan.',
      '2007-08-17',
    );
    const signers = doc.edges
      .filter((e) => e.attributes.type === 'SIGNED' && e.source.startsWith('Leader:'))
      .map((e) => e.source);
    assert.equal(new Set(signers).size, 6, JSON.stringify(signers));
  });
});

describe('undated reports', () => {
  it("belong to the article's day, not to a meeting known only to its year", () => {
    const found = meetings(
      run(
        'Xi Jinping and Vladimir Putin open gas pipeline by video link\n\nXi Jinping and Vladimir Putin met in Moscow this year. The two leaders spoke by video link about energy.',
        '2019-12-02',
      ),
    );
    assert.deepEqual(
      found.map((m) => [m.date, m.kind]).sort(),
      [
        ['2019', 'official_visit'],
        ['2019-12-02', 'video_call'],
      ].sort(),
      JSON.stringify(found),
    );
  });

  it("in a recap of dated meetings of the same leaders, none that week, add no meeting on the article's day", () => {
    const found = meetings(
      run(
        'Kilas balik: Xi dan Putin bertemu dari Moskow hingga Beijing\n\nXi Jinping dan Vladimir Putin bertemu di Moskow pada 8 Mei 2025. Xi dan Putin kembali menggelar pembicaraan di Beijing pada 2 September 2025.',
        '2026-01-03',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.date).sort(),
      ['2025-05-08', '2025-09-02'],
      JSON.stringify(found),
    );
  });
});

describe("a timeline's headings", () => {
  const TIMELINE =
    'Berikut jejak pertemuan Xi dan Putin:\n\n1. Shanghai, 21 Mei 2014\n\nPutin dan Xi menyaksikan Gazprom dan CNPC meneken kontrak gas.\n\n2. Beijing dan Tianjin, 8 Juni 2018\n\nDalam kunjungan kenegaraan Putin ke China, Xi menganugerahkan medali persahabatan kepada Putin.\n\n3. Beijing, 4 Februari 2022\n\nPutin datang ke Beijing untuk menghadiri pembukaan Olimpiade. Sebelum upacara, keduanya menandatangani pernyataan bersama.\n\nBertemu secara virtual\n\nSelama pandemi, pertemuan keduanya lebih banyak dilakukan secara virtual.';

  it('date and place the undated reports under them', () => {
    const found = meetings(run(TIMELINE, '2022-09-14'));
    assert.deepEqual(
      found.map((m) => `${m.date} ${m.kind} ${m.places.join('+')}`),
      [
        '2014-05-21 official_visit shanghai',
        '2018-06-08 state_visit beijing+tianjin',
        '2022-02-04 working_visit beijing',
      ],
      JSON.stringify(found),
    );
  });

  it('a day opening its line before a colon heads a day of a timeline, whatever the line names; "Hari yang sama" under it is that day', () => {
    const text =
      'Putin di China\n\nSenin (1/9): KTT SCO dan limusin bersama Modi\n\nPutin dan Perdana Menteri India Narendra Modi menumpang satu limusin menuju pertemuan bilateral mereka.\n\nSelasa (2/9): Pembicaraan resmi di Beijing\n\nBeijing mengumumkan bebas visa bagi warga Rusia mulai 15 September. Hari yang sama, Xi, Putin, dan Presiden Mongolia Ukhnaagiin Khurelsukh menggelar KTT trilateral.';
    const found = meetings(run(text, '2025-09-02'));
    assert.deepEqual(
      found.map((m) => `${m.date} ${m.participants.join('+')}`).sort(),
      [
        '2025-09-01 narendra-modi+vladimir-putin',
        '2025-09-02 ukhnaagiin-khurelsukh+vladimir-putin+xi-jinping',
      ],
      JSON.stringify(found),
    );
  });

  it("a line that is only a day, after the story's first paragraph, heads a live report's day; its entries' times keep it", () => {
    const text =
      "LIVE: Putin in China\n\nMay 18, 2024 | Updated May 18, 2024, 12:35 GMT\n\nRussian President Vladimir Putin is on a two-day state visit to China, his first trip abroad since he was sworn in for a fifth term, and is meeting the country's leaders in Beijing before he travels on to Harbin.\n\nFRIDAY, MAY 17\n\n10:00 GMT - Markets\nThe rouble rose against the yuan on the news of the deals.\n\n09:00 GMT - Putin meets Li\nPutin held talks with Premier Li Qiang in Beijing.\n\nTHURSDAY, MAY 16\n\n11:00 GMT - Markets\nStocks were flat in Shanghai as investors waited for the talks to end.\n\n08:00 GMT - Talks\nPutin held talks with Xi Jinping at the Great Hall of the People.";
    const found = meetings(run(text, '2024-05-18'));
    assert.deepEqual(
      found.map((m) => `${m.date} ${m.participants.join('+')}`).sort(),
      ['2024-05-16 vladimir-putin+xi-jinping', '2024-05-17 li-qiang+vladimir-putin'],
      JSON.stringify(found),
    );
  });

  it('end a section: what is said under another heading describes no meeting of this one', () => {
    const found = meetings(run(TIMELINE, '2022-09-14'));
    assert.ok(
      found.every((m) => m.kind !== 'video_call'),
      `"secara virtual" under its own heading made a meeting a call: ${JSON.stringify(found)}`,
    );
  });

  it('a dateline on its own line is no heading', () => {
    const found = meetings(
      run(
        "Kishida and Xi reaffirm strategic ties\n\nBY RYO NAKAMURA\nSTAFF WRITER\nSAN FRANCISCO – Nov 17, 2023\n\nPrime Minister Fumio Kishida and Chinese President Xi Jinping shake hands before their talks in San Francisco on Thursday.\n\nKishida and Xi agreed Thursday to pursue a mutually beneficial relationship.\n\nThe roughly 65-minute meeting on the sidelines of the Asia-Pacific Economic Cooperation summit was the leaders' first face-to-face talks in a year.",
        '2023-11-17',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.date),
      ['2023-11-16'],
      JSON.stringify(found),
    );
  });

  it('a paragraph that opens on its own date and place ("Maret 2013, Moskow.") is dated by it', () => {
    const found = meetings(
      run(
        'Putin akan memulai kunjungan kenegaraan ke China pada Kamis (16/5/2024).\n\nBerikut sebagian pertemuan keduanya.\n\nMaret 2013, Moskow. Xi memilih Rusia sebagai negara pertama yang ia kunjungi. Di Kremlin, keduanya meneken pernyataan bersama.\n\nJuni 2018, Beijing. Dalam kunjungan kenegaraan Putin, Xi menganugerahkan Medali Persahabatan kepada tamunya.',
        '2024-05-15',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.date).sort(),
      ['2013-03', '2018-06', '2024-05-16'],
      JSON.stringify(found),
    );
  });

  it("a page's stamp ('Jul 19th 2018 | BEIJING') is no heading", () => {
    const found = meetings(
      run(
        'Why China shrugged at Helsinki\n\nPrint edition | China\nJul 19th 2018 | BEIJING\n\nAt their summit in Helsinki on July 16th Donald Trump and Vladimir Putin spent two hours alone together.\n\nIn Beijing the reaction has been a shrug.\n\nBarely six weeks earlier Mr Putin was in China on a state visit. On June 8th, in the Great Hall of the People, Xi Jinping hung the first Friendship Medal around his neck. The two leaders signed a joint statement.',
        '2018-07-19',
      ),
    );
    const helsinki = found.find((m) => m.participants.includes('donald-trump'));
    assert.equal(helsinki?.date, '2018-07-16', JSON.stringify(found));
  });

  it("… nor is one with a bullet ('Jakarta ● Mon, November 11, 2024'): the talks are where the text says, not in the stamp's city", () => {
    const found = meetings(
      run(
        "Prabowo's Beijing trip yields deals\n\nYvonne Hartanto (The Jakarta Post)\nJakarta ● Mon, November 11, 2024\n\nPrabowo held talks with Xi Jinping at the Great Hall of the People after a welcoming ceremony.",
        '2024-11-11',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.places.join('+')),
      ['great-hall-of-the-people'],
      JSON.stringify(found),
    );
  });

  it('the day a visit ended is not that of its talks, though a document is named with it; it is when the visit ended with them', () => {
    const wrapped = meetings(
      run(
        'President Prabowo Subianto wrapped up his trip to Beijing on Sunday, but a line in the joint statement he issued with Chinese President Xi Jinping sparked a debate. Prabowo held talks with Xi at the Great Hall of the People on Saturday.',
        '2024-11-11',
      ),
    );
    assert.deepEqual(
      wrapped.map((m) => m.date),
      ['2024-11-09'],
      JSON.stringify(wrapped),
    );
    const endedWith = meetings(
      run(
        'Perdana Menteri Rusia Mikhail Mishustin mengakhiri kunjungan resminya ke China, Selasa (4/11/2025), dengan bertemu Presiden China Xi Jinping di Balai Agung Rakyat, Beijing. Sehari sebelumnya, ia bertemu Perdana Menteri Li Qiang di Hangzhou.',
        '2025-11-05',
      ),
    );
    const xi = endedWith.find((m) => m.participants.includes('xi-jinping'));
    assert.equal(xi?.date, '2025-11-04', JSON.stringify(endedWith));
  });

  it('"keduanya" after a visit reported with one name are the visitor and the host', () => {
    const doc = run(
      'Xi Jinping bertemu Vladimir Putin di Samarkand pada Kamis (15/9). Putin datang ke Beijing untuk menghadiri pembukaan Olimpiade pada 4 Februari 2022. Sebelum upacara, keduanya menandatangani pernyataan bersama.',
      '2022-09-15',
    );
    const produced = doc.edges.filter((e) => e.attributes.type === 'PRODUCED').map((e) => e.source);
    assert.deepEqual(produced, ['Meeting:2022-02-04:cn-ru'], JSON.stringify(meetings(doc)));
  });

  it('leave the title, which speaks of the whole article, and a time stamp is none', () => {
    const found = meetings(
      run(
        'Tiga hari Putin di Tiongkok: paket nuklir\n\nSenin, 11 Juni 2018 | 08:15 WIB\n\nXi Jinping bertemu Putin di Beijing pada Jumat (8/6).',
        '2018-06-11',
      ),
    );
    assert.deepEqual(
      found.map((m) => `${m.date} ${m.sectors.join('+')}`),
      ['2018-06-08 nuclear'],
      JSON.stringify(found),
    );
  });
});

describe('meetings "secara terpisah", separately', () => {
  it("are the subject's with each of the others, not one of them all", () => {
    const found = meetings(
      run(
        'Pada akhir Juni 2022, Presiden Joko Widodo melakukan lawatan ke Kiev dan Moskow. Ia bertemu Presiden Volodymyr Zelensky dan Presiden Vladimir Putin secara terpisah.',
        '2022-11-10',
      ),
    );
    assert.ok(
      found.every((m) => m.participants.length === 2),
      `a meeting of the three: ${JSON.stringify(found)}`,
    );
    assert.ok(
      found.some((m) => m.participants.join() === 'joko-widodo,vladimir-putin'),
      `no Jokowi-Putin meeting: ${JSON.stringify(found)}`,
    );
  });

  it('… and calls by telephone, the caller named first: two at a time', () => {
    const found = meetings(
      run(
        "On Monday, Russian President Vladimir Putin spoke by telephone with Israeli Prime Minister Benjamin Netanyahu, Palestinian President Mahmoud Abbas and Iran's President Ebrahim Raisi, the Kremlin said.",
        '2023-10-17',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.participants.join('+')).sort(),
      [
        'benjamin-netanyahu+vladimir-putin',
        'ebrahim-raisi+vladimir-putin',
        'mahmoud-abbas+vladimir-putin',
      ],
      JSON.stringify(found),
    );
  });

  it('… and "secara bergantian", in turn', () => {
    const found = meetings(
      run(
        'Sehari sebelumnya, Selasa (22/10), Putin menerima Xi, Modi, dan Presiden Afrika Selatan Cyril Ramaphosa secara bergantian di Kazan.',
        '2024-10-24',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.participants.join('+')).sort(),
      [
        'cyril-ramaphosa+vladimir-putin',
        'narendra-modi+vladimir-putin',
        'vladimir-putin+xi-jinping',
      ],
      JSON.stringify(found),
    );
  });
});

describe('the host of a visit', () => {
  it('is the premier when a premier visits, though the article names the president too', () => {
    const found = meetings(
      run(
        'Russia and China signed a currency swap deal on Monday during a visit by Chinese Premier Li Keqiang to Moscow. Prime Minister Dmitry Medvedev said trade would grow. President Vladimir Putin is expected to travel to Beijing next month. Putin praised the deal.',
        '2014-10-13',
      ),
    );
    const li = found.find((m) => m.participants.includes('li-keqiang'));
    assert.deepEqual(li?.participants, ['dmitry-medvedev', 'li-keqiang'], JSON.stringify(found));
  });
});

describe('a meeting told in a relative clause', () => {
  it("is its antecedent's, not that of the main clause's subject", () => {
    const found = meetings(
      run(
        'Mishustin juga menyampaikan salam dari Presiden Vladimir Putin, yang sebelumnya telah berunding dengan Xi Jinping di Beijing pada awal September lalu.',
        '2025-11-04',
      ),
    );
    assert.deepEqual(
      found.map((m) => `${m.date} ${m.participants.join('+')}`),
      ['2025-09 vladimir-putin+xi-jinping'],
      JSON.stringify(found),
    );
  });
});

describe('the day an outlet reported it', () => {
  it('is not the day of the meeting ("Seperti dilansir AFP, Rabu (20/7/2022), Putin tiba … pada Selasa (19/7)")', () => {
    const found = meetings(
      run(
        'Seperti dilansir AFP dan Al Jazeera, Rabu (20/7/2022), Presiden Rusia Vladimir Putin bertemu Presiden Iran Ebrahim Raisi di Teheran pada Selasa (19/7) waktu setempat.',
        '2022-07-20',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.date),
      ['2022-07-19'],
      JSON.stringify(found),
    );
  });
});

describe('a meeting told in a sentence that names no one', () => {
  it('is that of the two the sentence before named, when it points back ("Kesepakatan itu dicapai dalam pertemuan …")', () => {
    const found = meetings(
      run(
        'Presiden Susilo Bambang Yudhoyono dan Presiden China Xi Jinping sepakat meningkatkan hubungan kedua negara. Kesepakatan itu dicapai dalam pertemuan bilateral di Istana Merdeka, Jakarta, Rabu (2/10/2013).',
        '2013-10-03',
      ),
    );
    assert.deepEqual(
      found.map((m) => `${m.date} ${m.participants.join('+')} ${m.places.join('+')}`),
      ['2013-10-02 susilo-bambang-yudhoyono+xi-jinping merdeka-palace'],
      JSON.stringify(found),
    );
  });
});

describe('"the two premiers"', () => {
  it('are the first two prime ministers of two countries, not those of a gathering told after', () => {
    const found = meetings(
      run(
        'BEIJING, Oct 13 (Reuters) - Russian Prime Minister Vladimir Putin and Chinese Premier Wen Jiabao oversaw the signing of a gas agreement on Tuesday. Gazprom chief Alexei Miller signed the document in the Great Hall of the People after talks between the two premiers. Putin will join Wen and the prime ministers of Central Asia at a meeting of the Shanghai Cooperation Organisation on Wednesday. Kazakh Prime Minister Karim Masimov and Uzbek Prime Minister Shavkat Mirziyoyev are expected to ask for credit.',
        '2009-10-13',
      ),
    );
    const tuesday = found.filter((m) => m.date === '2009-10-13');
    assert.deepEqual(
      tuesday.map((m) => m.participants.join('+')),
      ['vladimir-putin+wen-jiabao'],
      JSON.stringify(found),
    );
  });
});

describe("a visit's destination", () => {
  it('is the country the visitor goes to first, not the place of a summit he attends after', () => {
    const found = meetings(
      run(
        'Presiden Susilo Bambang Yudhoyono dan Presiden China Xi Jinping bertemu di Istana Merdeka, Jakarta, Rabu (2/10/2013). Dari Jakarta, Xi akan bertolak ke Malaysia sebelum menghadiri Konferensi Tingkat Tinggi APEC di Bali pekan depan.',
        '2013-10-03',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.date),
      ['2013-10-02'],
      JSON.stringify(found),
    );
  });
});

describe('met "di layar", on a screen', () => {
  it('is the video call the article reports, not talks in person the same day', () => {
    const found = meetings(
      run(
        'Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping sepakat memperpanjang traktat persahabatan lewat konferensi video yang digelar Senin (28/6/2021). Kemarin, Putin dan Xi kembali bertemu di layar, kali ini untuk merayakan 20 tahun traktat itu.',
        '2021-06-29',
      ),
    );
    assert.deepEqual(
      found.map((m) => `${m.date} ${m.kind}`),
      ['2021-06-28 video_call'],
      JSON.stringify(found),
    );
  });
});

describe('an undated sentence that tells how they met', () => {
  it('describes the meeting reported nearest before it, not every meeting of the article', () => {
    const found = meetings(
      run(
        'Xi Jinping dan Vladimir Putin bertemu di Moskow pada 22 Maret 2023. Kedua pemimpin menggelar konferensi video pada 30 Desember 2022. Pertemuan itu berlangsung secara virtual.',
        '2023-03-23',
      ),
    );
    assert.deepEqual(
      found.map((m) => `${m.date} ${m.kind}`).sort(),
      ['2022-12-30 video_call', '2023-03-22 official_visit'],
      JSON.stringify(found),
    );
  });
});

describe('an undated meeting of leaders met nowhere else in the article', () => {
  it("is on the day the sentence right before gives, not the article's", () => {
    const found = meetings(
      run(
        'Pada Sabtu (9/6), ribuan delegasi memadati pusat konferensi di kota pelabuhan itu. Di sela acara, Putin bertemu Presiden Iran Hassan Rouhani.',
        '2018-06-11',
      ),
    );
    const iran = found.find((m) => m.participants.includes('hassan-rouhani'));
    assert.equal(iran?.date, '2018-06-09', JSON.stringify(found));
  });

  it('is on the day the story last gave, two sentences up in the same paragraph, though they met months before', () => {
    const text =
      'Presiden Joko Widodo bertemu Presiden Cina Xi Jinping di Beijing pada Selasa, 17 Oktober 2023.\n\nSehari kemudian, Rabu, 18 Oktober 2023, Xi membuka forum tersebut dengan pidato. Presiden Rusia Vladimir Putin hadir sebagai tamu kehormatan dan berpidato setelah Xi.\n\nSeusai upacara pembukaan, Xi dan Putin menggelar pembicaraan di Aula Besar Rakyat.\n\nXi sendiri terakhir bertemu Putin saat berkunjung ke Moskow pada Maret 2023.';
    const found = meetings(run(text, '2023-10-18'));
    const talks = found.filter((m) => m.participants.join('+') === 'vladimir-putin+xi-jinping');
    assert.deepEqual(
      talks.map((m) => m.date).sort(),
      ['2023-03', '2023-10-18'],
      JSON.stringify(found),
    );
  });

  it("takes no day from above a lead with a dateline (a caption's is the picture's)", () => {
    const text =
      'Putin dan Xi saat bertemu di Dushanbe, 15 Juni 2019. [SPUTNIK / ALEXEI DRUZHININ]\n\nTEMPO.CO, Sochi – Presiden Rusia, Vladimir Putin, dan Presiden Cina, Xi Jinping, menghadiri peluncuran pipa gas lewat video.';
    const found = meetings(run(text, '2019-12-03'));
    assert.deepEqual(
      found.filter((m) => m.date !== '2019-06-15').map((m) => m.date),
      ['2019-12-03'],
      JSON.stringify(found),
    );
  });
});

describe('"would": a plan told in reported speech', () => {
  it('does not move the day of talks reported as past', () => {
    const found = meetings(
      run(
        'Chinese President Jiang Zemin met Russian President Boris Yeltsin in a Moscow hospital yesterday. Officials said Jiang would fly to Novosibirsk today to visit a research centre before leaving for a state visit to Japan.',
        '1998-11-24',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.date),
      ['1998-11-23'],
      JSON.stringify(found),
    );
  });
});

describe('a meeting named in a "since" clause with "the two leaders"', () => {
  it('is dated there, apart from the main one', () => {
    const found = meetings(
      run(
        'Putin dan Xi duduk berhadapan di Wisma Negara Diaoyutai, Beijing, Jumat (4/2). Sinyal itu sudah terbaca sejak panggilan video kedua pemimpin pada pertengahan Desember lalu.',
        '2022-02-14',
      ),
    );
    assert.deepEqual(
      found.map((m) => [m.date, m.kind === 'video_call']).sort(),
      [
        ['2021-12', true],
        ['2022-02-04', false],
      ],
      JSON.stringify(found),
    );
  });
});

describe('documents that are not new', () => {
  const kinds = (doc: AnnotationDocument) =>
    doc.nodes
      .filter((n) => n.attributes.type === 'Agreement')
      .map((n) => n.attributes.kind)
      .sort();
  it('"rencana pertemuan" plans a meeting, and "selain menandatangani protokol" is the one told', () => {
    const doc = run(
      'Presiden Medvedev dan Presiden Hu Jintao bertemu di Beijing, Jumat (23/5). Kedua pemimpin menandatangani protokol tentang perbatasan. Selain menandatangani protokol, Medvedev dan Hu membahas rencana pertemuan di sela KTT SCO di Dushanbe pada akhir Agustus.',
      '2008-05-24',
    );
    assert.deepEqual(kinds(doc), ['protocol']);
  });
});

describe('leaders arriving as a group', () => {
  it('are the guests of the country they arrive in, when the sentence reports only the arrival', () => {
    const found = meetings(
      run(
        "Chinese President Xi Jinping hosted the China-Central Asia Summit. Kazakhstan's Kassym-Jomart Tokayev, Kyrgyzstan's Sadyr Japarov and Uzbekistan's Shavkat Mirziyoyev arrived in Xi'an on Thursday.",
        '2023-05-19',
      ),
    );
    assert.ok(
      found.some(
        (m) => m.participants.includes('xi-jinping') && m.participants.includes('sadyr-japarov'),
      ),
      JSON.stringify(found),
    );
  });
});

describe('a month after the year said first', () => {
  it('is in that year: "Last year, Xi paid a state visit to Russia in July"', () => {
    const found = meetings(
      run(
        'Xi and Putin have met more than 20 times since 2013. Last year, Xi paid a state visit to Russia in July, during which Putin awarded him the Order of St. Andrew.',
        '2018-06-08',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.date),
      ['2017-07'],
      JSON.stringify(found),
    );
  });
});

describe('others who also attend', () => {
  it('join the summit reported before, however many sentences back', () => {
    const found = meetings(
      run(
        'KTT SCO di Bishkek dibuka oleh Presiden Kirgistan Kurmanbek Bakiyev dan dihadiri Presiden China Hu Jintao dan Presiden Rusia Vladimir Putin pada Kamis (16/8/2007). Para pemimpin mengesahkan Deklarasi Bishkek. Deklarasi itu menyerukan stabilitas kawasan. Sidang yang diperluas juga dihadiri Presiden Iran Mahmoud Ahmadinejad dan Presiden Afghanistan Hamid Karzai.',
        '2007-08-16',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.participants),
      [['hamid-karzai', 'hu-jintao', 'kurmanbek-bakiyev', 'mahmoud-ahmadinejad', 'vladimir-putin']],
      JSON.stringify(found),
    );
    // "hadir pula" after a summit opened by its one leader: that summit, on its day
    const pula = meetings(
      run(
        'Putin dan Hu Jintao menyaksikan latihan militer gabungan di Chebarkul, Jumat (17/8). Sehari sebelumnya, Kamis (16/8), KTT SCO di Bishkek dibuka oleh Presiden Kirgistan Kurmanbek Bakiyev. Selain Putin dan Hu, hadir pula Presiden Kazakhstan Nursultan Nazarbayev.',
        '2007-08-17',
      ),
    );
    assert.ok(
      pula.some(
        (m) =>
          m.date === '2007-08-16' &&
          ['hu-jintao', 'kurmanbek-bakiyev', 'nursultan-nazarbayev', 'vladimir-putin'].every((k) =>
            m.participants.includes(k),
          ),
      ),
      JSON.stringify(pula),
    );
    // "were joined by": the summit's leaders and others
    const joined = meetings(
      run(
        'Xi Jinping and Vladimir Putin attended the summit of the Shanghai Cooperation Organization in Qingdao on June 9, 2018. Xi, as host, and Putin were joined around the table by Indian Prime Minister Narendra Modi.',
        '2018-06-11',
      ),
    );
    assert.deepEqual(
      joined.map((m) => m.participants),
      [['narendra-modi', 'vladimir-putin', 'xi-jinping']],
      JSON.stringify(joined),
    );
    // two leaders who also meet, after a bilateral, meet by themselves
    const two = meetings(
      run(
        'Xi Jinping bertemu Vladimir Putin di Moskow pada Senin (20/3/2023). Presiden Turki Recep Tayyip Erdogan dan Presiden Azerbaijan Ilham Aliyev juga bertemu di Ankara.',
        '2023-03-20',
      ),
    );
    assert.ok(!two.some((m) => m.participants.length > 2), JSON.stringify(two));
  });
});

describe('meetings that are not', () => {
  it('of others after a place, of a government, wished for or floated', () => {
    const found = meetings(
      run(
        "Russian President Vladimir Putin spoke by phone Monday with Chinese leader Xi Jinping, briefing him on contacts with the Trump administration. Putin told Xi about last week's meeting in Saudi Arabia between Sergey Lavrov and Marco Rubio. Trump has said he would like to meet both leaders and has floated three-way talks.",
        '2025-02-24',
      ),
    );
    assert.deepEqual(
      found.map((m) => [m.participants, m.date, m.kind]),
      [[['vladimir-putin', 'xi-jinping'], '2025-02-24', 'phone_call']],
    );
  });

  it("of a leader's talks with someone who is not a leader, told to another leader", () => {
    const found = meetings(
      run(
        'Putin menelepon Perdana Menteri India Narendra Modi pada Jumat (8/8). Pada hari yang sama, Putin juga berbicara lewat telepon dengan Presiden China Xi Jinping. Kepada Xi, Putin menjelaskan hasil pembicaraannya dengan utusan khusus Amerika Serikat Steve Witkoff di Moskow, Rabu (6/8).',
        '2025-08-09',
      ),
    );
    assert.ok(!found.some((m) => m.date === '2025-08-06'), JSON.stringify(found));
  });

  it('called off, whatever the clause that times it says', () => {
    for (const text of [
      'Presiden AS Donald Trump membatalkan rencana pertemuannya dengan Putin di Buenos Aires, Kamis (29/11), beberapa jam sebelum bertolak ke Argentina.',
      'Trump batalkan pertemuan dengan Putin di Buenos Aires.',
    ])
      assert.deepEqual(meetings(run(text, '2018-11-30')), [], text);
  });
});

describe('"the two leaders"', () => {
  it('are the one named and the leader named just before, when the pair is not there', () => {
    const text =
      'Chinese President Xi Jinping and Russian President Vladimir Putin met in Astana on Wednesday, July 3, 2024. For Kazakh President Kassym-Jomart Tokayev, the summit capped a busy week. Xi arrived on Tuesday for a state visit, and the two leaders held talks at the Akorda presidential palace.';
    const found = meetings(run(text, '2024-07-04'));
    const pairs = found.map((m) => m.participants.join('+'));
    assert.ok(pairs.includes('kassym-jomart-tokayev+xi-jinping'), JSON.stringify(found));
    assert.equal(
      found.find((m) => m.participants.join('+') === 'vladimir-putin+xi-jinping')?.date,
      '2024-07-03',
    );
  });
});

describe('a guest named by a pronoun', () => {
  it('is the leader named before: "Xi welcomed him", "Xi menyambutnya"', () => {
    for (const [text, published] of [
      [
        "The season opened with Putin's visit to China. On June 8, 2018, Xi welcomed him at the Great Hall of the People in Beijing.",
        '2018-08-30',
      ],
      [
        'Putin tiba di China untuk kunjungan kenegaraan. Pada 8 Juni 2018, Xi menyambutnya di Balai Agung Rakyat di Beijing.',
        '2018-08-30',
      ],
    ] as const) {
      const found = meetings(run(text, published));
      assert.ok(
        found.some(
          (m) =>
            m.date === '2018-06-08' && m.participants.join('+') === 'vladimir-putin+xi-jinping',
        ),
        `${text} ${JSON.stringify(found)}`,
      );
    }
  });
});

describe("a summit's days", () => {
  it('a week that holds the summit the sentence names gives way to its day', () => {
    const found = meetings(
      run(
        'Pertemuan di Fujian ini digelar beberapa hari setelah Presiden Xi Jinping dan Presiden Vladimir Putin bertatap muka di sela KTT Organisasi Kerja Sama Shanghai (SCO) di Samarkand, Uzbekistan, pekan lalu.',
        '2022-09-20',
      ),
    );
    assert.deepEqual(
      found.map((m) => m.date),
      ['2022-09-15'],
    );
  });

  it('the same leaders at a summit one day and in talks elsewhere the next are two meetings', () => {
    const found = meetings(
      run(
        'Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping menggelar pembicaraan di Beijing pada Sabtu (25/6/2016). Jumat (24/6/2016), Putin dan Xi menghadiri KTT Organisasi Kerja Sama Shanghai (SCO) di Tashkent.',
        '2016-06-26',
      ),
    );
    assert.equal(found.length, 2, JSON.stringify(found));
    assert.equal(
      found.find((m) => m.date === '2016-06-25')?.kind !== 'multilateral_summit',
      true,
      JSON.stringify(found),
    );
    assert.equal(
      found.find((m) => m.date === '2016-06-24')?.kind,
      'multilateral_summit',
      JSON.stringify(found),
    );
    // talks planned for the next day, before one of them leaves for a summit, are the same visit
    const planned = meetings(
      run(
        'Chinese President Xi Jinping met Russian President Vladimir Putin at the Kremlin on Monday (July 3, 2017). The two leaders are expected to hold talks on Tuesday before Xi heads for the G20 summit in Hamburg.',
        '2017-07-03',
      ),
    );
    assert.equal(planned.length, 1, JSON.stringify(planned));
  });

  it('a state visit the day before a summit in the same city is the visit, not the summit', () => {
    const found = meetings(
      run(
        'Presiden Rusia Vladimir Putin melakukan kunjungan kenegaraan ke Beijing dan bertemu Presiden China Hu Jintao pada Selasa (5/6/2012). Putin dijadwalkan menghadiri KTT Organisasi Kerja Sama Shanghai (SCO) di Beijing pada 6-7 Juni.',
        '2012-06-05',
      ),
    );
    const visit = found.find((m) => m.date === '2012-06-05');
    assert.equal(visit?.kind, 'state_visit', JSON.stringify(found));
    // on the summit's own day, talks in its city are on its sidelines
    const sidelines = meetings(
      run(
        'Presiden Rusia Vladimir Putin bertemu Presiden China Hu Jintao di Beijing pada Rabu (6/6/2012). Organisasi Kerja Sama Shanghai (SCO) menggelar pertemuan di kota itu.',
        '2012-06-06',
      ),
    );
    assert.equal(sidelines[0]?.kind, 'multilateral_summit', JSON.stringify(sidelines));
  });
});

describe('which document is which', () => {
  const agreementsOf = (doc: AnnotationDocument) =>
    doc.nodes
      .filter((n) => n.attributes.type === 'Agreement')
      .map((n) => ({
        kind: n.attributes.kind,
        signers: doc.edges
          .filter((e) => e.target === n.key && e.attributes.type === 'SIGNED')
          .map((e) => e.source)
          .sort(),
      }))
      .sort((a, b) => String(a.kind).localeCompare(String(b.kind)));

  it("ministers' treaty and companies' deal of one visit are two documents", () => {
    const doc = run(
      'Presiden Rusia Vladimir Putin bertemu Presiden China Hu Jintao di Beijing pada Kamis (14/10/2004). Perjanjian perbatasan ditandatangani oleh Menteri Luar Negeri Rusia Sergei Lavrov dan Menteri Luar Negeri China Li Zhaoxing. Raksasa gas Rusia Gazprom dan CNPC juga menandatangani perjanjian kerja sama strategis.',
      '2004-10-15',
    );
    const deals = agreementsOf(doc).filter((a) => a.kind === 'agreement');
    assert.equal(deals.length, 2, JSON.stringify(deals));
    assert.ok(
      deals.some((a) => a.signers.includes('Organization:gazprom')),
      JSON.stringify(deals),
    );
    assert.ok(
      deals.some((a) => a.signers.includes('Person:sergey-lavrov')),
      JSON.stringify(deals),
    );
    assert.ok(
      !deals.some(
        (a) =>
          a.signers.includes('Organization:gazprom') && a.signers.includes('Person:sergey-lavrov'),
      ),
      JSON.stringify(deals),
    );
  });

  it('an agreement "in the form of a protocol" is the protocol; a passive names its signers up to the witnesses', () => {
    const doc = run(
      'Putin dan Hu Jintao menyaksikan penandatanganan kesepakatan awal pasokan gas di Beijing pada Selasa (21/3/2006). Kesepakatan berupa protokol itu ditandatangani oleh Kepala Eksekutif Gazprom, Alexei Miller, dan pimpinan CNPC. Selain protokol gas, Rosneft dan CNPC menandatangani perjanjian usaha patungan.',
      '2006-03-22',
    );
    const found = agreementsOf(doc);
    assert.deepEqual(
      found.map((a) => a.kind),
      ['agreement', 'protocol'],
      JSON.stringify(found),
    );
    assert.deepEqual(found[1]?.signers, [
      'Organization:cnpc',
      'Organization:gazprom',
      'Person:alexei-miller',
    ]);
    assert.deepEqual(found[0]?.signers, ['Organization:cnpc', 'Organization:rosneft']);
    const fund = agreementsOf(
      run(
        'Kesepakatan pembentukan Russia-China Investment Fund itu diteken oleh Kirill Dmitriev dan Lou Jiwei di Beijing, Selasa (5/6/2012), disaksikan Presiden Rusia Vladimir Putin dan Presiden China Hu Jintao.',
        '2012-06-05',
      ),
    );
    assert.deepEqual(fund[0]?.signers, ['Person:kirill-dmitriev', 'Person:lou-jiwei']);
  });

  it('a document signed on a date of no meeting the article reports is history, not an outcome', () => {
    const doc = run(
      'Xi Jinping dan Vladimir Putin meresmikan pipa gas Power of Siberia lewat konferensi video pada Senin (2/12/2019). Kontrak pasokan 30 tahun antara Gazprom dan CNPC ditandatangani pada Mei 2014 di Shanghai.',
      '2019-12-02',
    );
    assert.deepEqual(agreementsOf(doc), []);
    // the same sentence of a meeting the article reports is that meeting's outcome
    const then = run(
      'Xi Jinping dan Vladimir Putin bertemu di Shanghai pada Rabu (21/5/2014). Kontrak pasokan 30 tahun antara Gazprom dan CNPC ditandatangani pada 21 Mei 2014 di Shanghai.',
      '2014-05-21',
    );
    assert.deepEqual(
      agreementsOf(then).map((a) => a.kind),
      ['contract'],
    );
  });

  it('"the joint statement" speaks of the last joint statement, whatever document came since', () => {
    const doc = run(
      'Putin dan Hu Jintao bertemu di Beijing pada Kamis (14/10/2004). Putin dan Hu menandatangani pernyataan bersama serta menyetujui rencana aksi. Pernyataan bersama itu menekankan kerja sama dalam memerangi terorisme.',
      '2004-10-15',
    );
    const sectorsOf = (kind: string) => {
      const node = doc.nodes.find(
        (n) => n.attributes.type === 'Agreement' && n.attributes.kind === kind,
      );
      return doc.edges
        .filter((e) => e.source === node?.key && e.attributes.type === 'COVERS')
        .map((e) => e.target);
    };
    assert.deepEqual(sectorsOf('joint_statement'), ['Sector:security']);
    assert.deepEqual(sectorsOf('plan'), []);
  });

  it('"put their names to" signs; "a set of agreements" is vague', () => {
    const doc = run(
      'Xi Jinping and Vladimir Putin have signed a set of agreements after talks in Moscow. Xi and Putin put their names to two joint statements at the Kremlin on Tuesday.',
      '2023-03-22',
    );
    assert.deepEqual(agreementsOf(doc), [
      { kind: 'joint_statement', signers: ['Leader:vladimir-putin', 'Leader:xi-jinping'] },
    ]);
  });

  it('a signer before an aside is the subject; leaders "present when" others sign are not', () => {
    const doc = run(
      'Presiden Rusia Dmitry Medvedev dan Presiden China Hu Jintao bertemu di Beijing pada Jumat (23/5/2008). Disaksikan kedua presiden, Kepala Rosatom Sergei Kiriyenko, mantan perdana menteri Rusia, menandatangani kesepakatan senilai 1 miliar dollar AS.',
      '2008-05-23',
    );
    assert.deepEqual(agreementsOf(doc)[0]?.signers, [
      'Leader:sergey-kiriyenko',
      'Organization:rosatom',
    ]);
    const present = run(
      'Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping bertemu di Shanghai pada Rabu (21/5/2014). Putin dan Xi hadir ketika para eksekutif energi menandatangani perjanjian gas.',
      '2014-05-21',
    );
    assert.deepEqual(agreementsOf(present), [{ kind: 'agreement', signers: [] }]);
  });

  it('"with" inside a document\'s title names no counterparty', () => {
    const doc = run(
      'Xi Jinping dan Vladimir Putin bertemu di Kremlin pada Jumat (8/5/2015) dan meneken pernyataan bersama tentang penyambungan Uni Ekonomi Eurasia dengan Sabuk Ekonomi Jalur Sutra.',
      '2015-05-08',
    );
    assert.deepEqual(agreementsOf(doc), [
      { kind: 'joint_statement', signers: ['Leader:vladimir-putin', 'Leader:xi-jinping'] },
    ]);
  });

  it('a currency names no party; "on the same occasion" after a document of history is the main meeting\'s', () => {
    const doc = run(
      'Presiden China Xi Jinping dan Presiden Rusia Vladimir Putin bertemu di Beijing pada Minggu (9/11/2014). Jalur itu melengkapi rute timur yang kontraknya senilai 400 miliar dolar AS ditandatangani di Shanghai pada Mei lalu. Dalam kesempatan yang sama, Rosneft dan CNPC menandatangani kesepakatan kerangka.',
      '2014-11-09',
    );
    const found = doc.nodes
      .filter((n) => n.attributes.type === 'Agreement')
      .map((n) => n.key)
      .sort();
    assert.ok(
      found.some((k) => k.startsWith('Agreement:2014-11-09:') && k.includes('rosneft')),
      JSON.stringify(found),
    );
    // (a message of its own: without one, a failing assert.ok parses this file to write one, for minutes)
    assert.ok(!doc.edges.some((e) => e.key.startsWith('SIGNED:Country:US')), 'the US signs');
  });

  it('"besides the protocol" names a document signed by others; "the protocol was signed by" names its signers', () => {
    const doc = run(
      'Putin dan Hu Jintao menyaksikan penandatanganan protokol pasokan gas di Beijing pada Selasa (21/3/2006). Protokol itu ditandatangani oleh Kepala Eksekutif Gazprom, Alexei Miller. Selain protokol gas, Rosneft dan CNPC menandatangani perjanjian usaha patungan.',
      '2006-03-22',
    );
    const found = agreementsOf(doc);
    const protocol = found.find((a) => a.kind === 'protocol');
    assert.ok(protocol?.signers.includes('Person:alexei-miller'), JSON.stringify(found));
    assert.ok(!protocol?.signers.includes('Organization:rosneft'), JSON.stringify(found));
    assert.ok(
      found.find((a) => a.kind === 'agreement')?.signers.includes('Organization:rosneft'),
      JSON.stringify(found),
    );
  });

  it("a counted set listed by ordinals is that many documents, each with the set's signers", () => {
    const doc = run(
      'Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Beijing pada Sabtu (25/6/2016). Kedua kepala negara meneken tiga pernyataan bersama. Pertama, pernyataan bersama tentang kemitraan strategis. Kedua, pernyataan bersama tentang stabilitas strategis global. Ketiga, pernyataan bersama tentang keamanan informasi.',
      '2016-06-26',
    );
    const found = agreementsOf(doc).filter((a) => a.kind === 'joint_statement');
    assert.equal(found.length, 3, JSON.stringify(found));
    for (const a of found)
      assert.deepEqual(
        a.signers,
        ['Leader:vladimir-putin', 'Leader:xi-jinping'],
        JSON.stringify(found),
      );
  });

  it('leaders who "also signed" a joint statement signed another one; "the joint statement" is the one before', () => {
    const two = run(
      'Presiden Rusia Dmitry Medvedev dan Presiden China Hu Jintao bertemu di Beijing pada Senin (27/9/2010). Kedua kepala negara menandatangani pernyataan bersama tentang kemitraan strategis. Kedua kepala negara juga menandatangani pernyataan bersama memperingati berakhirnya Perang Dunia II.',
      '2010-09-28',
    );
    assert.equal(
      agreementsOf(two).filter((a) => a.kind === 'joint_statement').length,
      2,
      JSON.stringify(agreementsOf(two)),
    );
    const one = run(
      'Presiden Rusia Dmitry Medvedev dan Presiden China Hu Jintao bertemu di Beijing pada Senin (27/9/2010). Kedua kepala negara menandatangani pernyataan bersama tentang kemitraan strategis. Pernyataan bersama itu juga menyebut kerja sama energi.',
      '2010-09-28',
    );
    assert.equal(
      agreementsOf(one).filter((a) => a.kind === 'joint_statement').length,
      1,
      JSON.stringify(agreementsOf(one)),
    );
  });

  it("a passive's agents sign the document named before; a plan after them is not signed", () => {
    const deal = run(
      'Presiden Rusia Vladimir Putin bertemu Presiden China Hu Jintao di Beijing pada Kamis (14/10/2004). Gazprom dan CNPC menandatangani perjanjian kerja sama strategis. Perjanjian itu diteken Kepala Gazprom Alexei Miller dan pimpinan CNPC, dan membuka jalan bagi rencana pasokan gas.',
      '2004-10-15',
    );
    const deals = agreementsOf(deal);
    assert.deepEqual(
      deals.map((a) => a.kind),
      ['agreement'],
      JSON.stringify(deals),
    );
    assert.deepEqual(
      deals[0]?.signers,
      ['Organization:cnpc', 'Organization:gazprom', 'Person:alexei-miller'],
      JSON.stringify(deals),
    );
  });

  it('"Saat itu" and "dalam kunjungan itu" put a document at the time or meeting of the sentence before', () => {
    const history = run(
      'Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Xiamen pada Minggu (3/9/2017). Pada Juli lalu Xi melakukan kunjungan kenegaraan ke Moskow. Saat itu kementerian luar negeri kedua negara mengeluarkan pernyataan bersama tentang Korea Utara.',
      '2017-09-04',
    );
    const fromSeptember = history.edges.filter(
      (e) => e.attributes.type === 'PRODUCED' && e.source.startsWith('Meeting:2017-09'),
    );
    assert.deepEqual(fromSeptember, [], JSON.stringify(fromSeptember));
    const before = run(
      'Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Moskow pada Jumat (25/2/2022). Pada 4 Februari 2022, Putin menghadiri pembukaan Olimpiade di Beijing dan bertemu Xi. Dalam kunjungan itu, kedua pemimpin menandatangani pernyataan bersama.',
      '2022-02-26',
    );
    const produced = before.edges
      .filter((e) => e.attributes.type === 'PRODUCED')
      .map((e) => e.source);
    assert.deepEqual(produced, ['Meeting:2022-02-04:cn-ru'], JSON.stringify(produced));
  });

  it('companies in apposition, joined by "dan", are one subject; their deal is not the leaders\' joint statement', () => {
    const doc = run(
      'Presiden Rusia Vladimir Putin bertemu Presiden Cina Hu Jintao di Beijing, Selasa (21/3/2006). Perusahaan minyak negara Rusia, Rosneft, dan perusahaan minyak negara Cina, CNPC, meneken perjanjian pembentukan usaha patungan di bidang investasi. Kedua pemimpin kemudian menandatangani pernyataan bersama tentang investasi.',
      '2006-03-22',
    );
    const found = agreementsOf(doc);
    assert.deepEqual(
      found.map((a) => [a.kind, a.signers]),
      [
        ['agreement', ['Organization:cnpc', 'Organization:rosneft']],
        ['joint_statement', ['Leader:hu-jintao', 'Leader:vladimir-putin']],
      ],
      JSON.stringify(found),
    );
  });

  it('"one of the agreements was …" is a document of its own, with the parties it is "between"', () => {
    const doc = run(
      'Perdana Menteri China Li Keqiang dan Perdana Menteri Rusia Dmitry Medvedev menandatangani 38 kesepakatan di Moskow, Senin (13/10/2014). Salah satu kesepakatan terpenting adalah perjanjian pertukaran mata uang senilai 150 miliar yuan antara Bank Sentral China dan Bank Sentral Rusia.',
      '2014-10-14',
    );
    const found = agreementsOf(doc);
    assert.ok(
      found.some(
        (a) =>
          a.signers.join() ===
          'Organization:central-bank-of-russia,Organization:peoples-bank-of-china',
      ),
      JSON.stringify(found),
    );
  });

  it('"Di antaranya perjanjian …", "among them an agreement …" is one of the documents counted', () => {
    const doc = run(
      'Presiden Xi Jinping dan Presiden Vladimir Putin bertemu di Kremlin pada Kamis (8/5). Kedua pemimpin menyaksikan penandatanganan lebih dari 20 dokumen kerja sama. Di antaranya perjanjian tentang perlindungan investasi.',
      '2025-05-09',
    );
    assert.deepEqual(
      agreementsOf(doc)
        .map((a) => a.kind)
        .sort(),
      ['agreement', 'other'],
    );
  });

  it('"Russian President Vladimir Putin … signed a declaration … opposing U.S. plans": the leaders sign, the plans are no document', () => {
    const doc = run(
      'BEIJING (AP) -- Russian President Vladimir Putin and Chinese President Jiang Zemin signed a declaration Tuesday opposing U.S. plans for a national missile defense.',
      '2000-07-18',
    );
    assert.deepEqual(
      agreementsOf(doc),
      [{ kind: 'declaration', signers: ['Leader:jiang-zemin', 'Leader:vladimir-putin'] }],
      JSON.stringify(agreementsOf(doc)),
    );
  });

  it('a negated signing word signs nothing ("sanksi yang tidak disetujui Dewan Keamanan PBB")', () => {
    const doc = run(
      'Presiden China Xi Jinping dan Presiden Rusia Vladimir Putin menggelar pembicaraan di Moskow, Selasa (21/3/2023). Pernyataan bersama kedua negara menolak sanksi sepihak yang tidak disetujui Dewan Keamanan PBB.',
      '2023-03-22',
    );
    const signers = agreementsOf(doc).flatMap((a) => a.signers);
    assert.ok(!signers.includes('Organization:un-security-council'), JSON.stringify(signers));
  });

  it('"also signed" a deal that opens the way for a plan signs no second plan', () => {
    const doc = run(
      'Presiden Rusia Vladimir Putin bertemu Presiden China Hu Jintao di Beijing pada Kamis (14/10/2004). Putin dan Hu menyetujui rencana aksi kerja sama. Gazprom dan CNPC juga menandatangani perjanjian kerja sama strategis, yang membuka jalan bagi rencana pasokan gas.',
      '2004-10-15',
    );
    const plans = agreementsOf(doc).filter((a) => a.kind === 'plan');
    assert.ok(
      !plans.some((a) => a.signers.includes('Organization:gazprom') && plans.length > 1),
      JSON.stringify(agreementsOf(doc)),
    );
  });
});

// [what, text, published, document kind, its signers]: who signs, as the sentence says it
const SIGNERS: Array<[string, string, string, string, string[]]> = [
  [
    'a name that is also an Indonesian word ("Yang Jiechi") ends no list of signers',
    'Putin met Wen Jiabao in Beijing on Tuesday. An agreement on missile launches was signed by Russian Foreign Minister Sergei Lavrov and Chinese Foreign Minister Yang Jiechi.',
    '2009-10-13',
    'agreement',
    ['Person:sergey-lavrov', 'Person:yang-jiechi'],
  ],
  [
    '"they" right after a sentence about the two leaders are the two leaders ("They also signed a declaration")',
    'On Monday, Russian President Dmitry Medvedev held talks with Chinese President Hu Jintao in Beijing. The two leaders signed a joint statement on their partnership. They also signed a declaration marking the 65th anniversary of the end of World War Two.',
    '2010-09-28',
    'declaration',
    ['Leader:dmitry-medvedev', 'Leader:hu-jintao'],
  ],
  [
    '… "mereka" too ("Mereka juga menandatangani pernyataan bersama")',
    'Presiden China Hu Jintao bertemu Presiden Rusia Dmitry Medvedev di Kremlin, Kamis (16/6/2011). Hu dan Medvedev membahas kerja sama energi. Mereka juga menandatangani pernyataan bersama mengenai situasi internasional.',
    '2011-06-17',
    'joint_statement',
    ['Leader:dmitry-medvedev', 'Leader:hu-jintao'],
  ],
  [
    'a signer described after his name by an office in lower case ("Zhou Jiping, chairman of CNPC, signed") joins the one before',
    'Putin and Xi met in Beijing on November 9, 2014. After the talks, Gazprom CEO Alexei Miller and Zhou Jiping, chairman of China National Petroleum Corp., signed a memorandum of understanding on gas supplies.',
    '2014-11-10',
    'memorandum',
    ['Organization:cnpc', 'Organization:gazprom', 'Person:alexei-miller', 'Person:zhou-jiping'],
  ],
  [
    'a counterparty after "dengan" described first, then named between commas ("dengan perusahaan migas milik negara Tiongkok, CNPC, untuk")',
    'Putin bertemu Xi di Beijing pada Jumat (4/2/2022). Raksasa gas Rusia, Gazprom, meneken kontrak jangka panjang dengan perusahaan migas milik negara Tiongkok, CNPC, untuk memasok gas.',
    '2022-02-05',
    'contract',
    ['Organization:cnpc', 'Organization:gazprom'],
  ],
  [
    '… but not a clause that goes on after the comma ("between their countries …, and Gazprom signed a deal with CNPC")',
    'Vladimir Putin met Xi Jinping in Beijing on February 4, 2022. After their talks, the two leaders issued a joint statement declaring that the friendship between their countries had "no limits", and Gazprom signed a deal with CNPC to supply gas.',
    '2022-02-05',
    'joint_statement',
    ['Leader:vladimir-putin', 'Leader:xi-jinping'],
  ],
  [
    'an Indonesian passive names its agents right after the verb, with no "oleh", up to a title\'s country',
    'Presiden Rusia Vladimir Putin bertemu Presiden China Hu Jintao di Beijing pada Kamis (14/10/2004). Perjanjian tambahan tentang perbatasan timur kedua negara ditandatangani di Beijing, disaksikan kedua presiden. Dokumen itu diteken Menteri Luar Negeri Rusia Sergei Lavrov dan Menteri Luar Negeri China Li Zhaoxing di Balai Agung Rakyat.',
    '2004-10-15',
    'agreement',
    ['Person:li-zhaoxing', 'Person:sergey-lavrov'],
  ],
  [
    '… in the sentence that names the document too',
    'Presiden Rusia Vladimir Putin bertemu Presiden China Hu Jintao di Beijing pada Kamis (14/10/2004). Perjanjian tambahan mengenai bagian timur perbatasan Rusia-China itu ditandatangani Menteri Luar Negeri Rusia Sergei Lavrov dan Menteri Luar Negeri China Li Zhaoxing di Balai Agung Rakyat.',
    '2004-10-15',
    'agreement',
    ['Person:li-zhaoxing', 'Person:sergey-lavrov'],
  ],
  [
    '… after a few words describing them ("perusahaan gas raksasa Rusia, Gazprom, dan CNPC")',
    'Presiden Rusia Vladimir Putin bertemu Presiden Cina Hu Jintao di Beijing, Selasa (21/3/2006). Kesepakatan itu dituangkan dalam protokol yang diteken perusahaan gas raksasa Rusia, Gazprom, dan China National Petroleum Corporation (CNPC) di Beijing.',
    '2006-03-22',
    'protocol',
    ['Organization:cnpc', 'Organization:gazprom'],
  ],
  [
    'an English passive: "The agreement, signed by …"',
    'Vladimir Putin and Wen Jiabao held talks in Beijing on Tuesday, October 13, 2009. Gazprom and CNPC signed a framework agreement on gas supplies. The agreement, signed by Gazprom chief executive Alexei Miller and CNPC chairman Jiang Jiemin after the talks, sets out the terms of gas deliveries.',
    '2009-10-14',
    'agreement',
    ['Organization:cnpc', 'Organization:gazprom', 'Person:alexei-miller', 'Person:jiang-jiemin'],
  ],
  [
    'people who sign "the agreement" the countries signed sign it too; a package is an agreement',
    'Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Beijing pada Jumat (8/6/2018). Dalam kunjungan ini, kedua negara menandatangani paket kerja sama nuklir. Direktur Jenderal Rosatom Alexei Likhachev dan Ketua Otoritas Energi Atom Cina Zhang Kejian meneken kesepakatan itu disaksikan Xi dan Putin.',
    '2018-06-09',
    'agreement',
    [
      'Country:CN',
      'Country:RU',
      'Organization:china-atomic-energy-authority',
      'Organization:rosatom',
      'Person:alexey-likhachev',
      'Person:zhang-kejian',
    ],
  ],
  [
    'what "the statement" says the countries agreed is not who signed it',
    'Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Shanghai pada Selasa (20/5/2014). Putin dan Xi menandatangani pernyataan bersama. Dalam pernyataan itu, kedua negara sepakat memperluas penggunaan mata uang nasional.',
    '2014-05-21',
    'joint_statement',
    ['Leader:vladimir-putin', 'Leader:xi-jinping'],
  ],
  [
    '"their presidents issued a joint statement": the presidents issue it, the countries sign the treaty',
    'Russian President Vladimir Putin and Chinese President Jiang Zemin met in Moscow on Monday, July 16, 2001. Russia and China signed a treaty of friendship, and their presidents issued a joint statement opposing missile defense plans.',
    '2001-07-16',
    'joint_statement',
    ['Leader:jiang-zemin', 'Leader:vladimir-putin'],
  ],
  [
    '"the treaty itself was signed by … in July 2001" names no signer of the visit\'s plan',
    'Presiden Rusia Vladimir Putin bertemu Presiden Cina Hu Jintao di Beijing, Kamis (14/10/2004). Putin dan Hu menyetujui rencana aksi 2005-2008 untuk melaksanakan Perjanjian Bertetangga Baik. Perjanjian itu sendiri diteken Putin dan Presiden Cina saat itu, Jiang Zemin, di Moskow pada Juli 2001.',
    '2004-10-15',
    'plan',
    ['Leader:hu-jintao', 'Leader:vladimir-putin'],
  ],
  [
    '"Gazprom, Russia\'s gas export monopoly, signed": the aside names no signer',
    "Vladimir Putin and Xi Jinping met in Beijing on Friday, February 4, 2022. Gazprom, Russia's gas export monopoly, signed a long-term contract with CNPC to supply gas.",
    '2022-02-04',
    'contract',
    ['Organization:cnpc', 'Organization:gazprom'],
  ],
  [
    'a document "between" two parties has them as signatories',
    'Putin dan Hu Jintao menyaksikan penandatanganan nota kesepahaman antara Gazprom dan CNPC tentang pasokan gas di Beijing pada Selasa (21/3/2006).',
    '2006-03-22',
    'memorandum',
    ['Organization:cnpc', 'Organization:gazprom'],
  ],
  [
    '… in English too',
    'Vladimir Putin and Hu Jintao met in Beijing on Tuesday, March 21, 2006, and witnessed the signing of a memorandum between Gazprom and CNPC on gas supplies.',
    '2006-03-22',
    'memorandum',
    ['Organization:cnpc', 'Organization:gazprom'],
  ],
];

describe('who signs', () => {
  for (const [what, text, published, kind, signers] of SIGNERS) {
    it(what, () => {
      const doc = run(text, published);
      const found = doc.nodes
        .filter((n) => n.attributes.type === 'Agreement' && n.attributes.kind === kind)
        .map((n) =>
          doc.edges
            .filter((e) => e.target === n.key && e.attributes.type === 'SIGNED')
            .map((e) => e.source)
            .sort(),
        );
      assert.deepEqual(found[0], signers, JSON.stringify(found));
    });
  }
});

describe('two meetings in one report: what belongs to which', () => {
  // the premiers' talks are the lead; the president's reception, a day later, is as near the
  // article's date (a day either way counts as the same) but reported in fewer sentences
  const text =
    'Perdana Menteri Rusia Mikhail Mishustin dan Perdana Menteri China Li Qiang menggelar pertemuan rutin ke-29 kepala pemerintahan di Moskow pada Selasa (20/8/2024). Mishustin mengatakan kedua pihak sepakat memperluas kerja sama energi. Usai pembicaraan, kedua perdana menteri menandatangani komunike bersama. Di hadapan mereka, kedua pihak juga menandatangani lima dokumen kerja sama di bidang pertanian dan pendidikan. Presiden Rusia Vladimir Putin menerima Li Qiang di Kremlin pada Rabu (21/8/2024).';
  const doc = run(text, '2024-08-21');
  const found = meetings(doc);
  const premiers = found.find((m) => m.participants.includes('mikhail-mishustin'));
  const reception = found.find((m) => m.participants.includes('vladimir-putin'));

  it("a sentence naming only one meeting's leader speaks of that meeting", () => {
    assert.ok(premiers?.sectors.includes('energy'), JSON.stringify(premiers));
  });

  it('documents signed "in their presence" come from the meeting of the document before', () => {
    const produced = doc.edges
      .filter((e) => e.attributes.type === 'PRODUCED')
      .map((e) => e.source)
      .sort();
    assert.deepEqual(produced, [premiers?.key, premiers?.key]);
    assert.deepEqual(premiers?.sectors, ['agriculture', 'education', 'energy']);
    assert.deepEqual(reception?.sectors, []);
  });

  it('a plan told without a date is not a past meeting at which an invitation was made', () => {
    const doc = run(
      'Perdana Menteri Rusia Mikhail Mishustin tiba di Shanghai pada Senin (22/5/2023). Selanjutnya, Mishustin akan mengadakan pembicaraan dengan Presiden China Xi Jinping di Beijing. Selama kunjungan ke Moskow pada 20-22 Maret, Xi mengundang Perdana Menteri Rusia untuk mengunjungi China.',
      '2023-05-23',
    );
    const march = doc.nodes.find((n) => n.key.startsWith('Meeting:2023-03-20'));
    const words = (march?.attributes.evidence as Array<{ text: string }> | undefined)?.map(
      (x) => x.text,
    );
    assert.ok(
      words !== undefined && !words.includes('mengadakan pembicaraan'),
      `the talks ahead were told of the March visit: ${JSON.stringify(words)}`,
    );
  });

  it('"the eight leaders" are those of the summit last reported, with those who joined later', () => {
    const doc = run(
      'Xi Jinping and Vladimir Putin flew to Qingdao for the June 9-10 summit of the Shanghai Cooperation Organization. Xi and Putin were joined by Indian Prime Minister Narendra Modi. The eight leaders signed a declaration on terrorism.',
      '2018-06-11',
    );
    const signed = doc.edges
      .filter((e) => e.attributes.type === 'SIGNED')
      .map((e) => e.source)
      .sort();
    assert.deepEqual(signed, [
      'Leader:narendra-modi',
      'Leader:vladimir-putin',
      'Leader:xi-jinping',
    ]);
  });

  it("an undated signing of the two leaders belongs to their meeting just reported, not to the article's", () => {
    const doc = run(
      'Vladimir Putin and Xi Jinping held talks in Beijing on Thursday. Their first meeting this year came in June. On June 8, Xi Jinping welcomed Vladimir Putin at the Great Hall of the People. The two presidents signed a joint statement.',
      '2018-08-30',
    );
    const produced = doc.edges.filter((e) => e.attributes.type === 'PRODUCED').map((e) => e.source);
    assert.deepEqual(produced, ['Meeting:2018-06-08:cn-ru'], JSON.stringify(meetings(doc)));
  });

  it('an undated signing belongs to the nearest meeting that may be dated by it, not to one known only to its month', () => {
    const doc = run(
      'Vladimir Putin bertemu Kim Jong Un di Pyongyang pada Rabu (19/6/2024). Pada Juli 2000, Putin bertemu Kim Jong Il di Pyongyang. Setelah pembicaraan, Putin menandatangani perjanjian kemitraan strategis. Dari Pyongyang, Putin melanjutkan lawatan ke Hanoi dan bertemu Presiden Vietnam To Lam pada Kamis (20/6/2024).',
      '2024-06-21',
    );
    const produced = doc.edges.filter((e) => e.attributes.type === 'PRODUCED').map((e) => e.source);
    assert.deepEqual(produced, ['Meeting:2024-06-19:kp-ru'], JSON.stringify(meetings(doc)));
  });

  it('what a leader says right after a report of his meeting, he says of that one', () => {
    const three = meetings(
      run(
        'Perdana Menteri Rusia Mikhail Mishustin bertemu Perdana Menteri China Li Qiang di Beijing pada Rabu (20/12/2023). Usai pertemuan dengan Li Qiang, Mishustin diterima Presiden China Xi Jinping. Xi menyatakan kerja sama di bidang energi harus terus diperkuat. Putin dan Xi terakhir bertemu di Beijing pada Oktober lalu.',
        '2023-12-20',
      ),
    );
    const xi = three.find((m) => m.participants.join() === 'mikhail-mishustin,xi-jinping');
    assert.deepEqual(xi?.sectors, ['energy'], JSON.stringify(three));
  });
});

describe("the article's main meeting", () => {
  const meeting = (date: string, planned: boolean, sentences: number[]) =>
    ({ date, planned, sentences }) as unknown as MeetingEvent;

  it('of the meetings of the week, is the one the article reports most, not the nearest', () => {
    const doc = run(
      'Perdana Menteri Tiongkok Li Keqiang dan Perdana Menteri Rusia Dmitry Medvedev hari Senin (13/10) di Moskow memimpin Pertemuan Reguler ke-19 antara Kepala Pemerintahan Tiongkok dan Rusia. Dalam pembicaraan, Li Keqiang dan Medvedev membahas energi dan keuangan. Medvedev menyatakan, Rusia memandang Tiongkok sebagai mitra strategis. Presiden Rusia Vladimir Putin hari Selasa (14/10) menerima Li Keqiang di Kremlin. Kedua pihak menandatangani 38 dokumen kerja sama.',
      '2014-10-15',
    );
    const produced = doc.edges.filter((e) => e.attributes.type === 'PRODUCED').map((e) => e.source);
    assert.deepEqual(produced, ['Meeting:2014-10-13:cn-ru:dmitry-medvedev+li-keqiang']);
  });

  it('of the meetings that week, one reported before one planned, however near', () => {
    const talks = meeting('2004-10-14', false, [1]);
    const planned = meeting('2004-10-15', true, [3, 4]);
    assert.equal(mainMeeting([planned, talks], '2004-10-15'), talks);
    // both reported: the nearer, a day either way counting as the same day
    const later = meeting('2004-10-15', false, [3]);
    assert.equal(mainMeeting([talks, later], '2004-10-17'), later);
    // then the one reported in more sentences (a visit dated by its first day, the talks a day later)
    const visit = meeting('2016-06-24', false, [0, 2, 5, 8]);
    const premier = meeting('2016-06-25', false, [9, 10]);
    assert.equal(mainMeeting([premier, visit], '2016-06-25'), visit);
  });

  it('a planned visit an article is about, when nothing that week was reported', () => {
    const visit = meeting('2025-05-09', true, [0, 1, 2]);
    const past = meeting('2024-10-22', false, [5]);
    assert.equal(mainMeeting([past, visit], '2025-04-20'), visit);
  });
});
