import BudgetLensStore
import Foundation
import Logging
import PostgresNIO

/// Scores and evaluations in PostgreSQL (`v3-store2-scores`).
extension PostgresStore {
    static func insertAssessments(
        _ assessments: DocumentAssessments, document: Int64, connection: PostgresConnection, logger: Logger
    ) async throws {
        if let json = assessments.scoreJSON {
            let text = String(decoding: json, as: UTF8.self)
            try await connection.query(
                "INSERT INTO score_reports (document_id, score_json) VALUES (\(document), \(text))", logger: logger)
        }
        for row in assessments.projects {
            try await connection.query(
                """
                INSERT INTO project_scores (document_id, ordinal, project, kind, scheme, stated_total, computed_total,
                    stated_grade, computed_grade, execution_rate, finding_count, source)
                VALUES (\(document), \(Int64(row.ordinal)), \(row.project), \(row.kind), \(row.scheme),
                    \(row.statedTotal), \(row.computedTotal), \(row.statedGrade), \(row.computedGrade),
                    \(row.executionRate), \(Int64(row.findings)), \(row.source))
                """, logger: logger)
        }
        if let json = assessments.evaluationJSON, let summary = assessments.evaluation {
            let text = String(decoding: json, as: UTF8.self)
            try await connection.query(
                """
                INSERT INTO evaluations (document_id, kind, title, total_score, grade, error_count, warning_count,
                    evaluation_json)
                VALUES (\(document), \(summary.kind), \(summary.title), \(summary.totalScore), \(summary.grade),
                    \(Int64(summary.errors)), \(Int64(summary.warnings)), \(text))
                """, logger: logger)
        }
    }

    public func assessments(document: Int64) async throws -> DocumentAssessments {
        try await run {
            guard try await client.query("SELECT 1 FROM documents WHERE id = \(document)", logger: logger)
                .collect().first != nil
            else { throw StoreError.noSuchDocument(document) }
            let scoreJSON = try await client.query(
                "SELECT score_json FROM score_reports WHERE document_id = \(document)", logger: logger
            ).collect().first?.decode(String.self)
            var projects: [ProjectScore] = []
            for try await row in try await client.query(
                """
                SELECT ordinal, project, kind, scheme, stated_total, computed_total, stated_grade, computed_grade,
                    execution_rate, finding_count, source
                FROM project_scores WHERE document_id = \(document) ORDER BY ordinal
                """, logger: logger)
            {
                let (ordinal, project, kind, scheme, statedTotal, computedTotal, statedGrade) = try row.decode(
                    (Int64, String, String, String, String?, String?, String?).self)
                let columns = row.makeRandomAccess()
                projects.append(
                    ProjectScore(
                        ordinal: Int(ordinal), project: project, kind: kind, scheme: scheme, statedTotal: statedTotal,
                        computedTotal: computedTotal, statedGrade: statedGrade,
                        computedGrade: try columns[7].decode(String?.self),
                        executionRate: try columns[8].decode(String?.self),
                        findings: Int(try columns[9].decode(Int64.self)), source: try columns[10].decode(String.self)))
            }
            var evaluationJSON: Data?
            var evaluation: EvaluationSummary?
            if let row = try await client.query(
                """
                SELECT kind, title, total_score, grade, error_count, warning_count, evaluation_json
                FROM evaluations WHERE document_id = \(document)
                """, logger: logger
            ).collect().first {
                let (kind, title, total, grade, errors, warnings, json) = try row.decode(
                    (String, String, String?, String?, Int64, Int64, String).self)
                evaluationJSON = Data(json.utf8)
                evaluation = EvaluationSummary(
                    kind: kind, title: title, totalScore: total, grade: grade, errors: Int(errors),
                    warnings: Int(warnings))
            }
            return DocumentAssessments(
                scoreJSON: scoreJSON.map { Data($0.utf8) }, projects: projects, evaluationJSON: evaluationJSON,
                evaluation: evaluation)
        }
    }
}

/// Scopes for the 汇总 check.
extension PostgresStore {
    public func documentScopes() async throws -> [Int64: String] {
        try await run {
            var scopes: [Int64: String] = [:]
            for try await (id, scope) in try await client.query(
                "SELECT id, scope FROM documents WHERE scope IS NOT NULL", logger: logger
            ).decode((Int64, String).self) {
                scopes[id] = scope
            }
            return scopes
        }
    }
}

/// Cells with their provenance.
extension PostgresStore {
    public func cells(document: Int64, table: String) async throws -> [StoredCell] {
        try await run {
            var cells: [StoredCell] = []
            for try await row in try await client.query(
                """
                SELECT line, standard_line, item, column_number, value_fen, printed, source_line, page, source_cell
                FROM cells WHERE document_id = \(document) AND table_id = \(table) ORDER BY ctid
                """, logger: logger)
            {
                let (line, standardLine, item, column, value, printed, sourceLine) = try row.decode(
                    (Int64?, Int64?, String, Int64, Int64?, String, Int64).self)
                let columns = row.makeRandomAccess()
                cells.append(
                    StoredCell(
                        line: line.map(Int.init), standardLine: standardLine.map(Int.init), item: item,
                        column: Int(column), valueFen: value, printed: printed, sourceLine: Int(sourceLine),
                        page: try columns[7].decode(Int64?.self).map(Int.init),
                        sourceCell: try columns[8].decode(String?.self)))
            }
            return cells
        }
    }
}
