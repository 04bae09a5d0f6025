-- pgbench script: the raw engine doing what a registration must do, and nothing else (see raw_sqlite.py).
BEGIN;
INSERT INTO counters (key, value) VALUES ('IEN|2026', 0) ON CONFLICT DO NOTHING;
UPDATE counters SET value = value + 1 WHERE key = 'IEN|2026' RETURNING value AS seq \gset
INSERT INTO documents (id, number, title) VALUES (gen_random_uuid(), 'IEN-2026/' || lpad(:seq::text, 4, '0'), 'Iesniegums');
COMMIT;
