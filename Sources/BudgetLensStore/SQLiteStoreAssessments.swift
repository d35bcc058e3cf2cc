import Foundation
import GRDB

/// Scores and evaluations in SQLite (`v3-store2-scores`).
extension SQLiteStore {
    static func insertAssessments(_ assessments: DocumentAssessments, document: Int64, db: Database) throws {
        if let json = assessments.scoreJSON {
            try db.execute(
                sql: "INSERT INTO score_reports (document_id, score_json) VALUES (?, ?)",
                arguments: [document, String(decoding: json, as: UTF8.self)])
        }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO project_scores (document_id, ordinal, project, kind, scheme, stated_total, computed_total,
                    stated_grade, computed_grade, execution_rate, finding_count, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in assessments.projects {
            try insert.execute(arguments: [
                document, row.ordinal, row.project, row.kind, row.scheme, row.statedTotal, row.computedTotal,
                row.statedGrade, row.computedGrade, row.executionRate, row.findings, row.source,
            ])
        }
        if let json = assessments.evaluationJSON, let summary = assessments.evaluation {
            try db.execute(
                sql: """
                    INSERT INTO evaluations (document_id, kind, title, total_score, grade, error_count, warning_count,
                        evaluation_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    document, summary.kind, summary.title, summary.totalScore, summary.grade, summary.errors,
                    summary.warnings, String(decoding: json, as: UTF8.self),
                ])
        }
    }

    public func assessments(document: Int64) async throws -> DocumentAssessments {
        try await reader.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [document]) != nil
            else { throw StoreError.noSuchDocument(document) }
            let scoreJSON = try String.fetchOne(
                db, sql: "SELECT score_json FROM score_reports WHERE document_id = ?", arguments: [document])
            let projects = try Row.fetchAll(
                db,
                sql: """
                    SELECT ordinal, project, kind, scheme, stated_total, computed_total, stated_grade, computed_grade,
                        execution_rate, finding_count, source
                    FROM project_scores WHERE document_id = ? ORDER BY ordinal
                    """, arguments: [document]
            ).map { row in
                ProjectScore(
                    ordinal: row[0], project: row[1], kind: row[2], scheme: row[3], statedTotal: row[4],
                    computedTotal: row[5], statedGrade: row[6], computedGrade: row[7], executionRate: row[8],
                    findings: row[9], source: row[10])
            }
            let evaluation = try Row.fetchOne(
                db,
                sql: """
                    SELECT kind, title, total_score, grade, error_count, warning_count, evaluation_json
                    FROM evaluations WHERE document_id = ?
                    """, arguments: [document])
            return DocumentAssessments(
                scoreJSON: scoreJSON.map { Data($0.utf8) }, projects: projects,
                evaluationJSON: evaluation.map { Data(($0[6] as String).utf8) },
                evaluation: evaluation.map { row in
                    EvaluationSummary(
                        kind: row[0], title: row[1], totalScore: row[2], grade: row[3], errors: row[4], warnings: row[5])
                })
        }
    }
}

/// Scopes for the 汇总 check.
extension SQLiteStore {
    public func documentScopes() async throws -> [Int64: String] {
        try await reader.read { db in
            var scopes: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, scope FROM documents WHERE scope IS NOT NULL") {
                scopes[row[0]] = row[1]
            }
            return scopes
        }
    }
}

/// Cells with their provenance.
extension SQLiteStore {
    public func cells(document: Int64, table: String) async throws -> [StoredCell] {
        try await reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT line, standard_line, item, column_number, value_fen, printed, source_line, page, source_cell
                    FROM cells WHERE document_id = ? AND table_id = ? ORDER BY rowid
                    """, arguments: [document, table]
            ).map { row in
                StoredCell(
                    line: row[0], standardLine: row[1], item: row[2], column: row[3], valueFen: row[4], printed: row[5],
                    sourceLine: row[6], page: row[7], sourceCell: row[8])
            }
        }
    }
}
