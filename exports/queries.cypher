// sinorus-kg query cookbook: queries for a graph written by `kg push`.
// Each query has a header: `name:`, what it answers, a `:params` line to paste
// into Neo4j Browser before running it, and the columns it returns.
// Node keys are `Type:id` (Leader:vladimir-putin, Sector:energy, Article:<id>).
// Evidence item i of a relationship is r.article[i], r.`start`[i], r.`end`[i],
// r.text[i] (UTF-16 offsets into the article text); nodes reach theirs through
// MENTIONS relationships from Article nodes.

// name: meetings-of-two-leaders
// All meetings both leaders took part in, in time order (undated ones last).
// :params {a: 'Leader:vladimir-putin', b: 'Leader:xi-jinping'}
// returns: date, kind, meeting, label, places, articles
MATCH (x:Leader {key: $a})-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(y:Leader {key: $b})
OPTIONAL MATCH (m)-[:HELD_IN]->(place:Location)
WITH m, collect(place.label) AS places
RETURN m.date AS date, m.kind AS kind, m.key AS meeting, m.label AS label, places,
       size(m.articles) AS articles
ORDER BY date, meeting;

// name: agreements-by-sector-and-year
// Agreements per sector and year. The year is that of the meeting that
// produced the agreement, else of the earliest article reporting it.
// :params {}
// returns: sector, year, agreements, documents, kinds
MATCH (g:Agreement)-[:COVERS]->(s:Sector)
OPTIONAL MATCH (m:Meeting)-[:PRODUCED]->(g)
WITH s, g, min(left(m.date, 4)) AS meetingYear
OPTIONAL MATCH (a:Article)
  WHERE a.key IN [id IN coalesce(g.articles, []) | 'Article:' + id]
WITH s, g, meetingYear, min(left(a.published, 4)) AS articleYear
WITH s, g, coalesce(meetingYear, articleYear) AS year
ORDER BY g.kind
RETURN s.key AS sector, year, count(g) AS agreements, sum(coalesce(g.count, 1)) AS documents,
       collect(DISTINCT g.kind) AS kinds
ORDER BY sector, year;

// name: sectors-discussed-per-meeting
// The sectors each meeting discussed, in time order.
// :params {}
// returns: date, meeting, label, sectors
MATCH (m:Meeting)-[:DISCUSSED]->(s:Sector)
WITH m, s
ORDER BY s.key
RETURN m.date AS date, m.key AS meeting, m.label AS label, collect(s.key) AS sectors
ORDER BY date, meeting;

// name: organizations-signed-what
// Which organizations signed which agreements, with the dates of the
// meetings that produced them.
// :params {}
// returns: organization, name, agreement, kind, title, meetingDates, articles
MATCH (o:Organization)-[r:SIGNED]->(g:Agreement)
OPTIONAL MATCH (m:Meeting)-[:PRODUCED]->(g)
RETURN o.key AS organization, o.label AS name, g.key AS agreement, g.kind AS kind,
       g.title AS title, collect(m.date) AS meetingDates, r.weight AS articles
ORDER BY organization, agreement;

// name: leader-ego-network
// Everything one leader is directly connected to, articles aside. To draw it
// in Browser instead: MATCH p = (l:Leader {key: $leader})-[]-(n) WHERE NOT n:Article RETURN p
// :params {leader: 'Leader:vladimir-putin'}
// returns: relation, direction, type, neighbour, label, weight
MATCH (l:Leader {key: $leader})-[r]-(n)
WHERE NOT n:Article
RETURN type(r) AS relation, CASE WHEN startNode(r) = l THEN 'out' ELSE 'in' END AS direction,
       labels(n)[0] AS type, n.key AS neighbour, n.label AS label, r.weight AS weight
ORDER BY relation, neighbour;

// name: evidence-behind-an-edge
// The evidence spans behind one relationship, with the article they come from.
// Endpoints are matched by key without a label, so this scans the nodes once.
// :params {source: 'Leader:vladimir-putin', type: 'LEADS', target: 'Country:RU'}
// returns: relation, article, title, url, start, end, text
MATCH (s {key: $source})-[r]->(t {key: $target})
WHERE type(r) = $type AND r.text IS NOT NULL
UNWIND range(0, size(r.text) - 1) AS i
OPTIONAL MATCH (a:Article {key: 'Article:' + r.article[i]})
RETURN type(r) AS relation, r.article[i] AS article, a.title AS title, a.url AS url,
       r.`start`[i] AS `start`, r.`end`[i] AS `end`, r.text[i] AS text
ORDER BY article, `start`;

// name: mentions-of-a-node
// Every span that mentions one node, article by article: from any node back
// to its sentences.
// :params {node: 'Sector:energy'}
// returns: article, outlet, published, start, end, text
MATCH (a:Article)-[r:MENTIONS]->(n {key: $node})
UNWIND range(0, size(r.text) - 1) AS i
RETURN a.key AS article, a.outlet AS outlet, a.published AS published,
       r.`start`[i] AS `start`, r.`end`[i] AS `end`, r.text[i] AS text
ORDER BY published, article, `start`;

// name: meetings-by-outlets
// Meetings reported by the most outlets.
// :params {limit: 10}
// returns: meeting, label, date, outletCount, outlets, articles
MATCH (m:Meeting)
UNWIND coalesce(m.articles, []) AS id
MATCH (a:Article {key: 'Article:' + id})
WITH m, collect(DISTINCT a.outlet) AS outlets, count(DISTINCT a) AS articles
RETURN m.key AS meeting, m.label AS label, m.date AS date, size(outlets) AS outletCount, outlets,
       articles
ORDER BY outletCount DESC, articles DESC, meeting
LIMIT $limit;
