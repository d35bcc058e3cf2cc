import BudgetLensCore
import BudgetLensStore
import BudgetLensStorePostgres
import Foundation
import GRDB
import Testing

@Suite("Store migrations")
struct StoreMigrationTests {
    @Test("From an empty database every named migration is applied, in order, with every table")
    func fromEmpty() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let store = try SQLiteStore(path: folder.path("lens.sqlite"))
        #expect(try await store.appliedMigrations() == [])
        try await store.migrate()
        #expect(try await store.appliedMigrations() == StoreSchema.migrationNames)
        try await store.migrate()  // a second run applies nothing and fails nothing
        #expect(try await store.appliedMigrations() == StoreSchema.migrationNames)
        let tables = try await DatabaseQueue(path: folder.path("lens.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
        }
        #expect(
            tables == [
                "audit_log", "bureau_units", "cells", "check_runs", "document_exports", "documents", "evaluations",
                "explanations", "findings", "import_failures", "project_scores", "published_documents", "score_reports",
                "sessions", "statements", "units", "users",
            ])
        #expect(try await store.counts() == StoreCounts(documents: 0, cells: 0, statements: 0, findings: 0, checks: 0, failures: 0))
    }

    @Test("Every engine: the same named migrations from an empty database, idempotent", arguments: StoreEngine.available)
    func everyEngineFromEmpty(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        let store = try await fresh.open()
        #expect(try await store.appliedMigrations() == StoreSchema.migrationNames)
        try await store.migrate()
        #expect(try await store.appliedMigrations() == StoreSchema.migrationNames)
        #expect(try await store.counts() == StoreCounts(documents: 0, cells: 0, statements: 0, findings: 0, checks: 0, failures: 0))
        #expect(try await store.documents().isEmpty)
    }

    @Test("From the previous version (v1-documents) with a document stored, v2-findings keeps it and adds the checks")
    func fromPreviousVersion() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("lens.sqlite")
        let old = try SQLiteStore(path: path)
        try await old.migrate(upTo: "v1-documents")
        #expect(try await old.appliedMigrations() == ["v1-documents"])
        // A v1 database with one document and one cell, written as v1 wrote them.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO units (name) VALUES ('烟台市医疗保障局')")
            try db.execute(
                sql: """
                    INSERT INTO documents (unit_id, year, kind, title, source_file, sha256, format, byte_count, lines,
                        reader_version, imported_at, income_total_fen)
                    VALUES (1, 2022, 'finalAccounts', 't', '000.txt', ?, 'text', 10, 1, 'v1', '2026-01-01T00:00:00Z',
                        8431280000)
                    """, arguments: [String(repeating: "a", count: 64)])
            try db.execute(
                sql: """
                    INSERT INTO cells (document_id, table_id, line, item, column_number, value_fen, printed, source_line)
                    VALUES (1, '01', 27, '本年收入合计', 1, 8431280000, '8431.28', 140)
                    """)
        }
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        #expect(try await store.appliedMigrations() == StoreSchema.migrationNames)
        let documents = try await store.documents()
        #expect(documents.count == 1)
        #expect(documents.first?.unit == "烟台市医疗保障局")
        #expect(documents.first?.packVersion == nil)
        #expect(try await store.latestFindings(document: 1).isEmpty)
        let summary = try await store.summaries(unit: nil, year: 2022)
        #expect(summary.map(\.incomeTotalFen) == [8_431_280_000])
        #expect(try await store.counts().cells == 1)
    }

    @Test(
        "Every engine: a database at v2-findings (the first round's last migration) holding a document, a cell, a check and a finding is migrated to the current version with all of them intact",
        arguments: StoreEngine.available)
    func everyEngineFromPreviousVersion(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)  // created, not migrated
        defer { Task { await fresh.drop() } }
        try await fresh.migrate(upTo: "v2-findings")
        let finding = Finding(
            rule: "01-1", severity: .error, message: "本年收入合计不等于各项收入之和",
            messageEnglish: "本年收入合计 is not the sum of the income rows",
            location: FindingLocation(table: "公开01", line: 27, column: 1),
            expected: .amount(Money(fen: 8_431_270_000), formula: "行1+…+行11"), actual: .amount(Money(fen: 8_431_280_000), formula: ""),
            difference: Money(fen: 10_000), tolerance: Money(fen: 5_000))
        let findingJSON = String(decoding: try JSONEncoder().encode(finding), as: UTF8.self)
        // Written as the first round wrote them (no source_cell, no scores tables).
        for sql in [
            "INSERT INTO units (name) VALUES ('烟台市医疗保障局')",
            """
            INSERT INTO documents (unit_id, year, kind, title, source_file, sha256, format, byte_count, lines,
                reader_version, imported_at, income_total_fen)
            VALUES (1, 2022, 'finalAccounts', 't', '000.txt', '\(String(repeating: "a", count: 64))', 'text', 10, 1, 'v1',
                '2026-01-01T00:00:00Z', 8431280000)
            """,
            """
            INSERT INTO cells (document_id, table_id, line, item, column_number, value_fen, printed, source_line)
            VALUES (1, '01', 27, '本年收入合计', 1, 8431280000, '8431.28', 140)
            """,
            "INSERT INTO check_runs (document_id, pack_version, checked_at, finding_count) VALUES (1, 'pack-v2', 'then', 1)",
            "UPDATE documents SET latest_check_id = 1 WHERE id = 1",
            """
            INSERT INTO findings (check_id, document_id, ordinal, rule, severity, is_rounding, message, message_en,
                table_name, line, column_number, expected_fen, actual_fen, difference_fen, tolerance_fen, finding_json)
            VALUES (1, 1, 0, '01-1', 'error', FALSE, '本年收入合计不等于各项收入之和', 'e', '公开01', 27, 1, 8431270000,
                8431280000, 10000, 5000, '\(findingJSON.replacingOccurrences(of: "'", with: "''"))')
            """,
        ] {
            try await fresh.execute(sql)
        }
        let store = try await fresh.open()  // migrates to the current version
        #expect(try await store.appliedMigrations() == StoreSchema.migrationNames)
        let documents = try await store.documents()
        #expect(documents.map(\.unit) == ["烟台市医疗保障局"])
        #expect(documents.first?.packVersion == "pack-v2")
        #expect(try await store.latestFindings(document: 1).map(\.finding) == [finding])
        #expect(try await store.summaries(unit: nil, year: 2022).map(\.incomeTotalFen) == [8_431_280_000])
        #expect(try await store.counts() == StoreCounts(documents: 1, cells: 1, statements: 0, findings: 1, checks: 1, failures: 0))
        let cells = try await store.cells(document: 1, table: "01")
        #expect(cells.map(\.printed) == ["8431.28"] && cells.first?.sourceCell == nil)
        #expect(try await store.assessments(document: 1) == .none)
    }

    @Test("Money columns refuse a REAL: 分 are integers only")
    func moneyIsInteger() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("lens.sqlite")
        try await SQLiteStore(path: path).migrate()
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO documents (kind, title, source_file, sha256, format, byte_count, reader_version,
                        imported_at)
                    VALUES ('finalAccounts', 't', 'a.txt', ?, 'text', 1, 'v', 'now')
                    """, arguments: [String(repeating: "b", count: 64)])
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO cells (document_id, table_id, item, column_number, value_fen, printed, source_line)
                        VALUES (1, '01', '本年收入合计', 1, 939.31, '939.31', 1)
                        """)
            }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE documents SET income_total_fen = 0.5") }
        }
    }
}
