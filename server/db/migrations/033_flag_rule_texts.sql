-- A flag's rule texts (policy, citation, titles, jurisdiction) are those of its rule in the run
-- that raised it: kept once per run and rule in run_rules instead of once per flag, where half a
-- million copies were most of the cost of storing a run. `flags` stays what readers query.
CREATE TABLE flag_rows (
  enterprise_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  severity INTEGER NOT NULL,
  deadline DATE,
  evidence JSON NOT NULL,
  run_id INTEGER NOT NULL
);

CREATE TABLE run_rules (
  run_id INTEGER NOT NULL,
  rule_id VARCHAR NOT NULL,
  policy VARCHAR NOT NULL,
  citation VARCHAR NOT NULL,
  title_zh VARCHAR NOT NULL,
  title_en VARCHAR NOT NULL,
  jurisdiction VARCHAR NOT NULL
);

INSERT INTO flag_rows SELECT enterprise_id, rule_id, action, severity, deadline, evidence, run_id FROM flags;
INSERT INTO run_rules
  SELECT run_id, rule_id, any_value(policy), any_value(citation), any_value(title_zh), any_value(title_en), any_value(jurisdiction)
  FROM flags GROUP BY run_id, rule_id;
DROP TABLE flags;

CREATE VIEW flags AS
  SELECT f.enterprise_id, f.rule_id, r.policy, r.citation, r.title_zh, r.title_en, f.action, f.severity, f.deadline,
         r.jurisdiction, f.evidence, f.run_id
  FROM flag_rows f JOIN run_rules r ON r.run_id = f.run_id AND r.rule_id = f.rule_id;
