import GRDB

/// The paged "documents failing rule R" in SQLite (docs/store4.md).
extension SQLiteStore {
    public func documents(failing rule: String, limit: Int, offset: Int) async throws -> FailingRulePage {
        try FailingRulePage.validate(limit: limit, offset: offset)
        return try await reader.read { db in
            // The checks with a finding of the rule (index findings_rule), each matched to the document whose latest
            // check it is (index documents_latest_check, which holds the unit and year too), sorted on unit, year
            // and id only; the page's rows are read after.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    WITH page AS (
                        SELECT d.id, u.name, d.year, COUNT(*) OVER () AS total
                        FROM (SELECT DISTINCT f.check_id FROM findings f WHERE f.rule = ?1) failing
                        JOIN documents d ON d.latest_check_id = failing.check_id
                        LEFT JOIN units u ON u.id = d.unit_id
                        ORDER BY u.name IS NULL, u.name, d.year IS NULL, d.year, d.id
                        LIMIT ?2 OFFSET ?3
                    )
                    SELECT p.id, d.source_file, d.sha256, p.name, p.year, d.kind, c.pack_version, p.total
                    FROM page p
                    JOIN documents d ON d.id = p.id
                    LEFT JOIN check_runs c ON c.id = d.latest_check_id
                    ORDER BY p.name IS NULL, p.name, p.year IS NULL, p.year, p.id
                    """,
                arguments: [rule, limit, offset])
            let documents = rows.map { row in
                StoredDocument(
                    id: row[0], file: row[1], contentHash: row[2], unit: row[3], year: row[4], kind: row[5],
                    packVersion: row[6])
            }
            // Past the last page no row carries the total: counted on its own.
            let total: Int =
                try rows.first.map { $0[7] }
                ?? Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM (SELECT DISTINCT f.check_id FROM findings f WHERE f.rule = ?) failing
                        JOIN documents d ON d.latest_check_id = failing.check_id
                        """, arguments: [rule]) ?? 0
            return FailingRulePage(rule: rule, total: total, offset: offset, limit: limit, documents: documents)
        }
    }
}
