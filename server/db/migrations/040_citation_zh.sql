-- A rule cites its policy in Chinese as well as in English (rule-schema.ts citation_zh), so the
-- Chinese UI quotes 《中华人民共和国自然保护区条例》 rather than its translation. Runs before this
-- have no Chinese citation: readers fall back to the English one.
ALTER TABLE run_rules ADD COLUMN citation_zh VARCHAR;

CREATE OR REPLACE VIEW flags AS
  SELECT f.enterprise_id, f.rule_id, r.policy, r.citation, r.title_zh, r.title_en, f.action, f.severity, f.deadline,
         r.jurisdiction, f.evidence, f.run_id, r.citation_zh
  FROM flag_rows f JOIN run_rules r ON r.run_id = f.run_id AND r.rule_id = f.rule_id;
