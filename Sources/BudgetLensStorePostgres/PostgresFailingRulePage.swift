import BudgetLensStore
import PostgresNIO

/// The paged "documents failing rule R" in PostgreSQL (docs/store4.md).
extension PostgresStore {
    public func documents(failing rule: String, limit: Int, offset: Int) async throws -> FailingRulePage {
        try FailingRulePage.validate(limit: limit, offset: offset)
        return try await run {
            // As SQLite's: the rule's checks (findings_rule) matched to the documents whose latest check they are
            // (documents_latest_check), sorted on unit (byte order, COLLATE "C", as SQLite compares text), year
            // and id; only the page's rows are joined to the rest of the document and to their checks. The total comes from the same statement (one snapshot) as the page.
            let limit = Int64(limit)
            let offset = Int64(offset)
            let query: PostgresQuery = """
                WITH page AS (
                    SELECT d.id, u.name, d.year, COUNT(*) OVER () AS total
                    FROM (SELECT DISTINCT f.check_id FROM findings f WHERE f.rule = \(rule)) failing
                    JOIN documents d ON d.latest_check_id = failing.check_id
                    LEFT JOIN units u ON u.id = d.unit_id
                    ORDER BY u.name IS NULL, u.name COLLATE "C", d.year IS NULL, d.year, d.id
                    LIMIT \(limit) OFFSET \(offset)
                )
                SELECT p.id, d.source_file, d.sha256, p.name, p.year, d.kind, c.pack_version, p.total
                FROM page p
                JOIN documents d ON d.id = p.id
                LEFT JOIN check_runs c ON c.id = d.latest_check_id
                ORDER BY p.name IS NULL, p.name COLLATE "C", p.year IS NULL, p.year, p.id
                """
            var documents: [StoredDocument] = []
            var total: Int64?
            for try await (id, file, hash, unit, year, kind, version, count) in try await client.query(query, logger: logger)
                .decode((Int64, String, String, String?, Int64?, String, String?, Int64).self)
            {
                documents.append(
                    StoredDocument(
                        id: id, file: file, contentHash: hash, unit: unit, year: year.map(Int.init), kind: kind,
                        packVersion: version))
                total = count
            }
            if total == nil {
                // Past the last page no row carries the total: counted on its own.
                let counting: PostgresQuery = """
                    SELECT COUNT(*) FROM (SELECT DISTINCT f.check_id FROM findings f WHERE f.rule = \(rule)) failing
                    JOIN documents d ON d.latest_check_id = failing.check_id
                    """
                for try await count in try await client.query(counting, logger: logger).decode(Int64.self) {
                    total = count
                }
            }
            return FailingRulePage(
                rule: rule, total: Int(total ?? 0), offset: Int(offset), limit: Int(limit), documents: documents)
        }
    }
}
