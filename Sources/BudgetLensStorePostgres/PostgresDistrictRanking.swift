import BudgetLensStore
import PostgresNIO

/// One district's ranking, summed in PostgreSQL.
extension PostgresStore {
    public func ranking(unitPrefix: String, year: Int?) async throws -> [StoreReport.Rank] {
        try await run {
            var units: [StoreReport.Rank] = []
            let pattern = StoreLike.prefixPattern(unitPrefix)
            let year = year.map(Int64.init)
            let query: PostgresQuery = """
                SELECT u.name, COUNT(DISTINCT d.id), COUNT(f.id) FILTER (WHERE f.severity = 'error'),
                    COUNT(f.id) FILTER (WHERE f.severity = 'warning' AND NOT f.is_rounding),
                    COUNT(f.id) FILTER (WHERE f.is_rounding)
                FROM units u
                JOIN documents d ON d.unit_id = u.id
                LEFT JOIN findings f ON f.check_id = d.latest_check_id
                WHERE u.name LIKE \(pattern) ESCAPE '\\' AND (\(year)::bigint IS NULL OR d.year = \(year))
                GROUP BY u.name
                """
            for try await (name, documents, errors, warnings, rounding) in try await client.query(query, logger: logger)
                .decode((String, Int64, Int64, Int64, Int64).self)
            {
                units.append(
                    StoreReport.Rank(
                        rank: 0, unit: name, documents: Int(documents), errors: Int(errors), warnings: Int(warnings),
                        rounding: Int(rounding)))
            }
            return StoreReport.ranking(of: units)
        }
    }
}
