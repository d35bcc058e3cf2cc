import BudgetLensCore
import Foundation
import GRDB
import GRDBSQLite

/// The SQLite engine of ``DisclosureStore`` (GRDB, one file, no server): a `DatabasePool` in WAL mode, so
/// reads run beside the one writer. Every write is one transaction.
public final class SQLiteStore: DisclosureStore {
    let pool: DatabasePool
    /// The pool, for reads in extensions.
    var reader: DatabasePool { pool }
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `path`; call ``migrate()`` before use.
    ///
    /// - Throws: ``StoreError/cannotOpen(_:_:)`` when the file cannot be opened as SQLite.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        // WAL with synchronous NORMAL: a commit is atomic and survives the process being killed; only an OS crash
        // or power loss may lose the last commits (never half a document).
        // A larger page cache (64 MiB) and temporary tables in memory for bulk imports.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path, "\(error)")
        }
        self.path = path
    }

    public func migrate() async throws {
        try await migrate(upTo: nil)
    }

    /// Applies the migrations up to and including `name` (all when `nil`).
    public func migrate(upTo name: String?) async throws {
        let migrator = StoreSchema.migrator
        do {
            if let name { try migrator.migrate(pool, upTo: name) } else { try migrator.migrate(pool) }
        } catch {
            throw StoreError.migrationFailed(path, "\(error)")
        }
    }

    public func appliedMigrations() async throws -> [String] {
        let migrator = StoreSchema.migrator
        let applied = try await pool.read { db in try migrator.appliedIdentifiers(db) }
        return StoreSchema.migrationNames.filter(applied.contains)
    }

    public func documentID(contentHash: String) async throws -> Int64? {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE sha256 = ?", arguments: [contentHash])
        }
    }

    public func insert(_ record: DocumentRecord) async throws -> InsertOutcome {
        try await pool.write { db in try Self.insert(record, db: db) }
    }

    public func insert(batch records: [DocumentRecord]) async throws -> [InsertOutcome] {
        guard !records.isEmpty else { return [] }
        return try await pool.write { db in try records.map { try Self.insert($0, db: db) } }
    }

    /// One document inside the caller's transaction.
    private static func insert(_ record: DocumentRecord, db: Database) throws -> InsertOutcome {
        if let existing = try Int64.fetchOne(
            db, sql: "SELECT id FROM documents WHERE sha256 = ?", arguments: [record.contentHash])
        {
            return .alreadyStored(existing)
        }
        let document = try insertDocument(record, db: db)
        try insertCells(record.disclosure, document: document, db: db)
        try insertStatements(record.disclosure, document: document, db: db)
        _ = try insertCheck(
            document: document, packVersion: record.packVersion, findings: record.findings,
            checkedAt: record.importedAt, db: db)
        try insertAssessments(record.assessments, document: document, db: db)
        try db.execute(sql: "DELETE FROM import_failures WHERE sha256 = ?", arguments: [record.contentHash])
        return .inserted(document)
    }

    private static func insertDocument(_ record: DocumentRecord, db: Database) throws -> Int64 {
        let header = record.disclosure.header
        var unit: Int64?
        if let name = header.unitName, !name.isEmpty {
            try db.execute(
                sql: "INSERT INTO units (name, label) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
                arguments: [name, header.unitLabel])
            unit = try Int64.fetchOne(db, sql: "SELECT id FROM units WHERE name = ?", arguments: [name])
        }
        try db.execute(
            sql: """
                INSERT INTO documents (unit_id, year, kind, scope, title, source_file, sha256, format, byte_count,
                    lines, pages, money_unit, reader_version, imported_at, income_total_fen, expenditure_total_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                unit, header.year, record.disclosure.kind.rawValue, header.scope?.rawValue, header.title,
                record.sourceFile, record.contentHash, record.disclosure.source.format.rawValue,
                record.disclosure.source.byteCount, record.lines, record.pages, header.moneyUnit?.rawValue,
                record.readerVersion, record.importedAt, record.incomeTotal, record.expenditureTotal,
            ])
        let document = db.lastInsertedRowID
        try db.execute(
            sql: "INSERT INTO document_exports (document_id, disclosure_json) VALUES (?, ?)",
            arguments: [document, record.json])
        return document
    }

    /// Every cell of the document, bound and stepped through SQLite's C API on the cached prepared statement:
    /// ≈ 490 rows per document, where building GRDB's `StatementArguments` (an array of boxed values per row)
    /// cost about as much as SQLite's own work (docs/store4.md). The same values and types as before: integers as
    /// INTEGER, text as TEXT, `nil` as NULL.
    private static func insertCells(_ disclosure: Disclosure, document: Int64, db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO cells (document_id, table_id, line, standard_line, code, item, column_number, value_fen,
                    printed, source_line, page, source_cell)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let handle = statement.sqliteStatement
        var row = RawRow(handle: handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for table in disclosure.tables {
            for tableRow in table.rows {
                for cell in tableRow.cells {
                    sqlite3_reset(handle)
                    row.bind(1, document)
                    row.bind(2, table.id.rawValue)
                    row.bind(3, tableRow.line.map(Int64.init))
                    row.bind(4, tableRow.standardLine.map(Int64.init))
                    row.bind(5, tableRow.code)
                    row.bind(6, tableRow.item)
                    row.bind(7, Int64(cell.column))
                    row.bind(8, cell.value?.fen)
                    row.bind(9, cell.text)
                    row.bind(10, Int64(cell.source.line))
                    row.bind(11, cell.source.page.map(Int64.init))
                    row.bind(12, cell.source.cell)
                    try row.step(db: db, sql: statement.sql)
                }
            }
        }
    }

    private static func insertStatements(_ disclosure: Disclosure, document: Int64, db: Database) throws {
        guard let statements = disclosure.statements?.statements, !statements.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO statements (document_id, ordinal, topic, section, subject, claim_kind, amount_fen,
                    base_amount_fen, delta_fen, budget_fen, percent_scaled, percent_decimals, count_value, measure,
                    direction, percent_direction, against_budget, base_subject, wording, source_line, page, span)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (ordinal, statement) in statements.enumerated() {
            let row = StatementRow(statement.claim)
            try insert.execute(arguments: [
                document, ordinal, statement.topic.rawValue, statement.section, statement.subject, row.claimKind,
                row.amountFen, row.baseAmountFen, row.deltaFen, row.budgetFen, row.percentScaled,
                row.percentDecimals, row.count, row.measure, row.direction, row.percentDirection, row.againstBudget,
                row.baseSubject, row.wording, statement.source.line, statement.source.page, statement.span,
            ])
        }
    }

    private static func insertCheck(
        document: Int64, packVersion: String, findings: [Finding], checkedAt: String, db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO check_runs (document_id, pack_version, checked_at, finding_count) VALUES (?, ?, ?, ?)",
            arguments: [document, packVersion, checkedAt, findings.count])
        let check = db.lastInsertedRowID
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO findings (check_id, document_id, ordinal, rule, severity, is_rounding, message, message_en,
                    table_name, line, code, item, column_number, source_line, page, expected_fen, actual_fen,
                    difference_fen, tolerance_fen, finding_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (ordinal, finding) in findings.enumerated() {
            let location = finding.location
            let json = String(decoding: try encoder.encode(finding), as: UTF8.self)
            try insert.execute(arguments: [
                check, document, ordinal, finding.rule, finding.severity.rawValue, finding.isRounding,
                finding.message, finding.messageEnglish, location.table, location.line, location.code, location.item,
                location.column, location.source?.line, location.source?.page, finding.expected?.amount?.fen,
                finding.actual?.amount?.fen, finding.difference?.fen, finding.tolerance?.fen, json,
            ])
        }
        // An explanation (出错说明) stays with a finding that is unchanged (same rule, cell, values, message):
        // copied from the document's previous check to the identical finding of this one.
        try db.execute(
            sql: """
                INSERT INTO explanations (finding_id, author, written_at, text)
                SELECT n.id, e.author, e.written_at, e.text
                FROM findings n
                JOIN documents d ON d.id = n.document_id
                JOIN findings o ON o.check_id = d.latest_check_id AND o.finding_json = n.finding_json
                JOIN explanations e ON e.finding_id = o.id
                WHERE n.check_id = ?
                ORDER BY e.id
                """, arguments: [check])
        try db.execute(
            sql: "UPDATE documents SET latest_check_id = ? WHERE id = ?", arguments: [check, document])
        return check
    }

    public func recordFailure(_ failure: ImportFailure) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_failures (source_file, sha256, error, failed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(source_file) DO UPDATE SET sha256 = excluded.sha256, error = excluded.error,
                        failed_at = excluded.failed_at
                    """,
                arguments: [failure.file, failure.contentHash, failure.message, failure.failedAt])
        }
    }

    public func failures() async throws -> [ImportFailure] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT source_file, sha256, error, failed_at FROM import_failures ORDER BY source_file"
            ).map { row in
                ImportFailure(file: row[0], contentHash: row[1], message: row[2], failedAt: row[3])
            }
        }
    }

    public func documents() async throws -> [StoredDocument] {
        try await listDocuments(where: "1", arguments: [])
    }

    public func documents(failing rule: String) async throws -> [StoredDocument] {
        try await listDocuments(
            where: "EXISTS (SELECT 1 FROM findings f WHERE f.check_id = d.latest_check_id AND f.rule = ?)",
            arguments: [rule])
    }

    private func listDocuments(where condition: String, arguments: StatementArguments) async throws -> [StoredDocument] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.source_file, d.sha256, u.name, d.year, d.kind, c.pack_version
                    FROM documents d LEFT JOIN units u ON u.id = d.unit_id
                    LEFT JOIN check_runs c ON c.id = d.latest_check_id
                    WHERE \(condition)
                    ORDER BY d.id
                    """, arguments: arguments
            ).map { row in
                StoredDocument(
                    id: row[0], file: row[1], contentHash: row[2], unit: row[3], year: row[4], kind: row[5],
                    packVersion: row[6])
            }
        }
    }

    public func disclosureJSON(document: Int64) async throws -> Data {
        let data = try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT disclosure_json FROM document_exports WHERE document_id = ?", arguments: [document])
        }
        guard let data else { throw StoreError.noSuchDocument(document) }
        return data
    }

    public func latestFindings(document: Int64) async throws -> [StoredFinding] {
        let rows = try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.id, f.finding_json FROM findings f JOIN documents d ON d.latest_check_id = f.check_id
                    WHERE d.id = ? ORDER BY f.ordinal
                    """,
                arguments: [document]
            ).map { row -> (Int64, String) in (row[0], row[1]) }
        }
        let decoder = JSONDecoder()
        return try rows.map { id, json in
            StoredFinding(id: id, finding: try decoder.decode(Finding.self, from: Data(json.utf8)))
        }
    }

    public func recordCheck(document: Int64, packVersion: String, findings: [Finding]) async throws -> Int64 {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [document]) != nil
            else { throw StoreError.noSuchDocument(document) }
            return try Self.insertCheck(
                document: document, packVersion: packVersion, findings: findings, checkedAt: StoreClock.now(), db: db)
        }
    }

    public func addExplanation(_ explanation: Explanation, toFinding finding: Int64) async throws -> Int64 {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM findings WHERE id = ?", arguments: [finding]) != nil
            else { throw StoreError.noSuchFinding(finding) }
            try db.execute(
                sql: "INSERT INTO explanations (finding_id, author, written_at, text) VALUES (?, ?, ?, ?)",
                arguments: [finding, explanation.author, explanation.writtenAt, explanation.text])
            return db.lastInsertedRowID
        }
    }

    public func explanations(ofFinding finding: Int64) async throws -> [Explanation] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT author, written_at, text FROM explanations WHERE finding_id = ? ORDER BY id",
                arguments: [finding]
            ).map { Explanation(author: $0[0], writtenAt: $0[1], text: $0[2]) }
        }
    }

    public func summaries(unit: String?, year: Int?) async throws -> [DocumentSummary] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.source_file, u.name, d.year, d.income_total_fen, d.expenditure_total_fen,
                        (SELECT MIN(value_fen) FROM cells b WHERE b.document_id = d.id AND b.table_id = '01'
                            AND COALESCE(b.standard_line, b.line) = 29 AND b.column_number = 1),
                        (SELECT MIN(value_fen) FROM cells b WHERE b.document_id = d.id AND b.table_id = '01'
                            AND COALESCE(b.standard_line, b.line) = 60 AND b.column_number = 2),
                        COALESCE(SUM(f.severity = 'error'), 0), COALESCE(SUM(f.severity = 'warning' AND NOT f.is_rounding), 0),
                        COALESCE(SUM(f.severity = 'info'), 0), COALESCE(SUM(f.is_rounding), 0), c.pack_version
                    FROM documents d
                    LEFT JOIN units u ON u.id = d.unit_id
                    LEFT JOIN check_runs c ON c.id = d.latest_check_id
                    LEFT JOIN findings f ON f.check_id = d.latest_check_id
                    WHERE (?1 IS NULL OR u.name = ?1) AND (?2 IS NULL OR d.year = ?2)
                    GROUP BY d.id
                    ORDER BY u.name, d.year, d.id
                    """,
                arguments: [unit, year]
            ).map { row in
                DocumentSummary(
                    document: row[0], file: row[1], unit: row[2], year: row[3], incomeTotalFen: row[4],
                    expenditureTotalFen: row[5], openingBalanceFen: row[6], closingBalanceFen: row[7], errors: row[8],
                    warnings: row[9], infos: row[10], rounding: row[11], packVersion: row[12])
            }
        }
    }

    public func counts() async throws -> StoreCounts {
        try await pool.read { db in
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return StoreCounts(
                documents: try count("documents"), cells: try count("cells"), statements: try count("statements"),
                findings: try count("findings"), checks: try count("check_runs"), failures: try count("import_failures"))
        }
    }
}

/// Errors of the store, each naming the database or the record.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// The database could not be opened.
    case cannotOpen(String, String)
    /// A migration failed.
    case migrationFailed(String, String)
    /// No document has this id.
    case noSuchDocument(Int64)
    /// No finding has this id.
    case noSuchFinding(Int64)
    /// The database server answered with an error, or could not be reached.
    case database(String, String)
    /// A page of a listing that the store does not serve (a limit out of range, a negative offset).
    case invalidPage(chinese: String, english: String)

    /// The place the error names (the database's path or address), empty when it names a record.
    public var place: String {
        switch self {
        case .cannotOpen(let path, _), .migrationFailed(let path, _): path
        case .database(let location, _): location
        case .noSuchDocument, .noSuchFinding, .invalidPage: ""
        }
    }

    /// The error in Chinese, without the place.
    public var chineseMessage: String {
        switch self {
        case .cannotOpen(_, let reason): "无法打开数据库：\(reason)"
        case .migrationFailed(_, let reason): "数据库迁移失败：\(reason)"
        case .noSuchDocument(let id): "库中无此文档：#\(id)"
        case .noSuchFinding(let id): "库中无此审核结果：#\(id)"
        case .database(_, let reason): "数据库错误：\(reason)"
        case .invalidPage(let chinese, _): "分页参数无效：\(chinese)"
        }
    }

    /// The error in English, without the place.
    public var englishMessage: String {
        switch self {
        case .cannotOpen(_, let reason): "cannot open the database: \(reason)"
        case .migrationFailed(_, let reason): "migration failed: \(reason)"
        case .noSuchDocument(let id): "no document #\(id) in the store"
        case .noSuchFinding(let id): "no finding #\(id) in the store"
        case .database(_, let reason): "database error: \(reason)"
        case .invalidPage(_, let english): "invalid page: \(english)"
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the database (无法打开数据库): \(reason)"
        case .migrationFailed(let path, let reason): "\(path): migration failed (数据库迁移失败): \(reason)"
        case .noSuchDocument(let id): "no document #\(id) in the store (库中无此文档)"
        case .noSuchFinding(let id): "no finding #\(id) in the store (库中无此审核结果)"
        case .database(let location, let reason): "\(location): database error (数据库错误): \(reason)"
        case .invalidPage(let chinese, let english): "invalid page (分页参数无效): \(english) (\(chinese))"
        }
    }
}
