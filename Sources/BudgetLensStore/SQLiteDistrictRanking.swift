import Foundation
import GRDB

/// One district's ranking, summed in SQLite.
extension SQLiteStore {
    public func ranking(unitPrefix: String, year: Int?) async throws -> [StoreReport.Rank] {
        let pattern = StoreLike.prefixPattern(unitPrefix)
        let units = try await reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT u.name, COUNT(DISTINCT d.id), COALESCE(SUM(f.severity = 'error'), 0),
                        COALESCE(SUM(f.severity = 'warning' AND NOT f.is_rounding), 0), COALESCE(SUM(f.is_rounding), 0)
                    FROM units u
                    JOIN documents d ON d.unit_id = u.id
                    LEFT JOIN findings f ON f.check_id = d.latest_check_id
                    WHERE u.name LIKE ?1 ESCAPE '\\' AND (?2 IS NULL OR d.year = ?2)
                    GROUP BY u.id
                    """,
                arguments: [pattern, year]
            ).map { row in
                StoreReport.Rank(rank: 0, unit: row[0], documents: row[1], errors: row[2], warnings: row[3], rounding: row[4])
            }
        }
        return StoreReport.ranking(of: units)
    }
}

/// `LIKE` patterns.
public enum StoreLike {
    /// `prefix%`, with `%`, `_` and `\` in `prefix` escaped by `\` (`ESCAPE '\'`).
    public static func prefixPattern(_ prefix: String) -> String {
        var pattern = ""
        for character in prefix {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }
}
