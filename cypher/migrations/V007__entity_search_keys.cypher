// Exact keys search finds an entity by (property searchKeys, a list: the normalised name and aliases,
// and normalised like them the id and an enterprise's listing and credit codes). The keyword analyzer
// makes each key one term, so an exact name, alias, id or code is one term lookup, and a code prefix
// one prefix scan, whatever the size of the graph.
CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS
FOR (n:Park|Enterprise|Platform|Chain|ChainNode)
ON EACH [n.searchKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
// Entities written before this migration get their keys from what they store: the normalised name and
// aliases (normText), the id and the codes (lower-cased: they are Latin letters and digits).
MATCH (n:Entity) WHERE n.searchKeys IS NULL AND n.normText IS NOT NULL
WITH n, [k IN split(n.normText, ' / ') + [toLower(trim(n.id)), toLower(trim(n.stockCode)), toLower(trim(n.creditCode))]
         WHERE k IS NOT NULL AND k <> ''] AS keys
SET n.searchKeys = reduce(distinct = [], k IN keys | CASE WHEN k IN distinct THEN distinct ELSE distinct + k END);
