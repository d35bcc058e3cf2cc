-- Benchmark set-up (docs/benchmarks.md, store fourth round), run as the postgres user on a store filled by
-- BudgetLensStoreBenchmark: replicates the imported documents four times (documents, check_runs, findings; not cells, statements or
-- the JSON, which the failing-rule query does not read): 10⁵ documents from 2·10⁴, the same shape of findings.
-- Assumes a fresh benchmark store: document and check ids 1…N without gaps.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE base AS SELECT max(id) AS docs FROM documents;
CREATE TEMP TABLE basec AS SELECT max(id) AS checks FROM check_runs;
INSERT INTO documents (id, unit_id, year, kind, scope, title, source_file, sha256, format, byte_count, lines, pages,
    money_unit, reader_version, imported_at, income_total_fen, expenditure_total_fen)
SELECT d.id + k * b.docs, d.unit_id, d.year, d.kind, d.scope, d.title, d.source_file || '#copy' || k,
    encode(sha256(convert_to(d.sha256 || k, 'UTF8')), 'hex'), d.format, d.byte_count, d.lines, d.pages, d.money_unit,
    d.reader_version, d.imported_at, d.income_total_fen, d.expenditure_total_fen
FROM documents d, base b, generate_series(1, 4) k WHERE d.id <= b.docs;
INSERT INTO check_runs (id, document_id, pack_version, checked_at, finding_count)
SELECT c.id + k * bc.checks, c.document_id + k * b.docs, c.pack_version, c.checked_at, c.finding_count
FROM check_runs c, base b, basec bc, generate_series(1, 4) k WHERE c.id <= bc.checks;
UPDATE documents d SET latest_check_id = o.latest_check_id + ((d.id - 1) / b.docs) * bc.checks
FROM documents o, base b, basec bc WHERE d.id > b.docs AND o.id = d.id - ((d.id - 1) / b.docs) * b.docs;
INSERT INTO findings (check_id, document_id, ordinal, rule, severity, is_rounding, message, message_en, table_name,
    line, code, item, column_number, source_line, page, expected_fen, actual_fen, difference_fen, tolerance_fen,
    finding_json)
SELECT f.check_id + k * bc.checks, f.document_id + k * b.docs, f.ordinal, f.rule, f.severity, f.is_rounding, f.message,
    f.message_en, f.table_name, f.line, f.code, f.item, f.column_number, f.source_line, f.page, f.expected_fen,
    f.actual_fen, f.difference_fen, f.tolerance_fen, f.finding_json
FROM findings f, base b, basec bc, generate_series(1, 4) k WHERE f.check_id <= bc.checks;
SELECT setval(pg_get_serial_sequence('documents', 'id'), (SELECT max(id) FROM documents));
SELECT setval(pg_get_serial_sequence('check_runs', 'id'), (SELECT max(id) FROM check_runs));
COMMIT;
VACUUM ANALYZE documents;
VACUUM ANALYZE check_runs;
VACUUM ANALYZE findings;
VACUUM ANALYZE units;
SELECT count(*) AS documents, (SELECT count(*) FROM findings) AS findings FROM documents;
