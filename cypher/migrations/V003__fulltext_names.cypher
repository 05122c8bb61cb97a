// Full-text search over names, aliases and their normalised forms (pinyin stripped, simplified
// script, half-width). The CJK analyzer indexes Chinese as overlapping bigrams, so a partial name
// such as 基因药谷 finds 中国基因药谷.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Park|Enterprise|Platform|Chain|ChainNode)
ON EACH [n.name, n.aliasText, n.normText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
