import BudgetLensCore
import BudgetLensStore
import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL engine of ``DisclosureStore`` (postgres-nio's `PostgresClient`, a pool of connections; TLS
/// off: a server on the same host or network). The same migrations as SQLite (``PostgresSchema``), every write one
/// transaction.
public final class PostgresStore: DisclosureStore {
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let logger = Logger(label: "budgetlens.store")
    private let probeConfiguration: PostgresConnection.Configuration
    /// The URL the store was opened with, without its password.
    public let location: String

    /// Connects to `postgres://user[:password]@host[:port]/database`; call ``migrate()`` before use.
    ///
    /// - Throws: ``StoreError/cannotOpen(_:_:)`` when the URL is not of that form.
    public init(url: String) throws {
        guard let components = URLComponents(string: url),
            components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty
        else {
            throw StoreError.cannotOpen("--db", "expected postgres://user[:password]@host[:port]/database")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        probeConfiguration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        // The pool's own events (a connection being made cancelled as the process ends) are not the user's
        // business: a failure that matters surfaces as the query's error (StoreError, exit 2).
        var background = Logger(label: "budgetlens.postgres")
        background.logLevel = .error
        client = PostgresClient(configuration: configuration, backgroundLogger: background)
        let client = client
        runner = Task { await client.run() }
        location = "postgres://\(user)@\(host)\(components.port.map { ":\($0)" } ?? "")/\(database)"
    }

    deinit { runner.cancel() }

    /// Runs one SQL statement outside a transaction on the server `url` names (for tests and set-up:
    /// `CREATE DATABASE`, `DROP DATABASE`).
    public static func administer(url: String, sql: String) async throws {
        let store = try PostgresStore(url: url)
        try await store.run {
            let connection = try await PostgresConnection.connect(
                configuration: store.probeConfiguration, id: 0, logger: store.logger)
            do {
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: store.logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        }
    }

    /// Runs `body`, turning a PostgreSQL error into ``StoreError/database(_:_:)`` naming the store.
    @discardableResult
    func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresTransactionError {
            // A StoreError thrown inside a transaction (no such document) is the answer, not a database failure.
            if let answer = error.closureError as? StoreError { throw answer }
            throw StoreError.database(location, String(reflecting: error))
        } catch let error as PSQLError {
            throw StoreError.database(location, String(reflecting: error))
        } catch let error as DecodingError {
            throw StoreError.database(location, "a stored finding cannot be decoded: \(error)")
        } catch {
            throw StoreError.database(location, String(reflecting: error))
        }
    }

    /// Connects once, so that an unreachable server is an error at once (the pool would retry).
    private func probe() async throws {
        let connection = try await PostgresConnection.connect(configuration: probeConfiguration, id: 0, logger: logger)
        try await connection.close()
    }

    public func migrate() async throws {
        try await migrate(upTo: nil)
    }

    /// Applies the migrations up to and including `name` (all when `nil`), as ``SQLiteStore/migrate(upTo:)`` does.
    ///
    /// - Throws: ``StoreError/migrationFailed(_:_:)`` when `name` is not a migration; a database error otherwise.
    public func migrate(upTo name: String?) async throws {
        let all = PostgresSchema.migrations
        var end = all.count
        if let name {
            guard let last = all.firstIndex(where: { $0.name == name }) else {
                throw StoreError.migrationFailed(location, "no migration named \(name)")
            }
            end = last + 1
        }
        let steps = Array(all[..<end])
        try await run {
            try await probe()
            try await client.withConnection { connection in
                try await connection.query("SELECT pg_advisory_lock(1298)", logger: logger)
                do {
                    try await connection.query(
                        "CREATE TABLE IF NOT EXISTS budgetlens_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
                        logger: logger)
                    var applied: Set<String> = []
                    for try await name in try await connection.query(
                        "SELECT name FROM budgetlens_migrations", logger: logger
                    ).decode(String.self) {
                        applied.insert(name)
                    }
                    for migration in steps where !applied.contains(migration.name) {
                        try await connection.withTransaction(logger: logger) { transaction in
                            for sql in migration.sql {
                                try await transaction.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                            }
                            try await transaction.query(
                                "INSERT INTO budgetlens_migrations (name, applied_at) VALUES (\(migration.name), \(StoreClock.now()))",
                                logger: logger)
                        }
                    }
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(1298)", logger: logger)
                    throw error
                }
                try await connection.query("SELECT pg_advisory_unlock(1298)", logger: logger)
            }
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await run {
            let exists = try await client.query(
                "SELECT to_regclass('budgetlens_migrations') IS NOT NULL", logger: logger
            ).collect().first?.decode(Bool.self) ?? false
            guard exists else { return [] }
            var applied: Set<String> = []
            for try await name in try await client.query("SELECT name FROM budgetlens_migrations", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            return StoreSchema.migrationNames.filter(applied.contains)
        }
    }

    public func documentID(contentHash: String) async throws -> Int64? {
        try await run {
            try await client.query("SELECT id FROM documents WHERE sha256 = \(contentHash)", logger: logger)
                .collect().first?.decode(Int64.self)
        }
    }

    public func insert(_ record: DocumentRecord) async throws -> InsertOutcome {
        try await run {
            try await client.withTransaction(logger: logger) { connection in
                try await Self.insert(record, connection: connection, logger: logger)
            }
        }
    }

    public func insert(batch records: [DocumentRecord]) async throws -> [InsertOutcome] {
        guard !records.isEmpty else { return [] }
        return try await run {
            try await client.withTransaction(logger: logger) { connection in
                var outcomes: [InsertOutcome] = []
                for record in records {
                    outcomes.append(try await Self.insert(record, connection: connection, logger: logger))
                }
                return outcomes
            }
        }
    }

    /// One document inside the caller's transaction.
    private static func insert(_ record: DocumentRecord, connection: PostgresConnection, logger: Logger)
        async throws -> InsertOutcome
    {
        // One writer per hash: a second transaction with the same hash waits here, then finds it stored.
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(record.contentHash)))", logger: logger)
        if let existing = try await connection.query(
            "SELECT id FROM documents WHERE sha256 = \(record.contentHash)", logger: logger
        ).collect().first?.decode(Int64.self) {
            return InsertOutcome.alreadyStored(existing)
        }
        let document = try await insertDocument(record, connection: connection, logger: logger)
        try await insertCells(record.disclosure, document: document, connection: connection, logger: logger)
        try await insertStatements(record.disclosure, document: document, connection: connection, logger: logger)
        _ = try await insertCheck(
            document: document, packVersion: record.packVersion, findings: record.findings,
            checkedAt: record.importedAt, connection: connection, logger: logger)
        try await insertAssessments(record.assessments, document: document, connection: connection, logger: logger)
        try await connection.query("DELETE FROM import_failures WHERE sha256 = \(record.contentHash)", logger: logger)
        return InsertOutcome.inserted(document)
    }

    private static func insertDocument(_ record: DocumentRecord, connection: PostgresConnection, logger: Logger)
        async throws -> Int64
    {
        let header = record.disclosure.header
        var unit: Int64?
        if let name = header.unitName, !name.isEmpty {
            try await connection.query(
                "INSERT INTO units (name, label) VALUES (\(name), \(header.unitLabel)) ON CONFLICT (name) DO NOTHING",
                logger: logger)
            unit = try await connection.query("SELECT id FROM units WHERE name = \(name)", logger: logger)
                .collect().first?.decode(Int64.self)
        }
        let source = record.disclosure.source
        let year = header.year.map(Int64.init)
        let query: PostgresQuery = """
            INSERT INTO documents (unit_id, year, kind, scope, title, source_file, sha256, format, byte_count,
                lines, pages, money_unit, reader_version, imported_at, income_total_fen, expenditure_total_fen)
            VALUES (\(unit), \(year), \(record.disclosure.kind.rawValue), \(header.scope?.rawValue), \(header.title),
                \(record.sourceFile), \(record.contentHash), \(source.format.rawValue), \(Int64(source.byteCount)),
                \(record.lines.map(Int64.init)), \(record.pages.map(Int64.init)), \(header.moneyUnit?.rawValue),
                \(record.readerVersion), \(record.importedAt), \(record.incomeTotal), \(record.expenditureTotal))
            RETURNING id
            """
        guard let id = try await connection.query(query, logger: logger).collect().first?.decode(Int64.self) else {
            throw StoreError.database("documents", "INSERT returned no id")
        }
        try await connection.query(
            try "INSERT INTO document_exports (document_id, disclosure_json) VALUES (\(id), \(record.json))",
            logger: logger)
        return id
    }

    private static func insertCells(
        _ disclosure: Disclosure, document: Int64, connection: PostgresConnection, logger: Logger
    ) async throws {
        var copy = CopyRows(
            table: "cells",
            columns: [
                "document_id", "table_id", "line", "standard_line", "code", "item", "column_number", "value_fen",
                "printed", "source_line", "page", "source_cell",
            ])
        for table in disclosure.tables {
            for row in table.rows {
                for cell in row.cells {
                    copy.append(document)
                    copy.append(table.id.rawValue)
                    copy.append(row.line)
                    copy.append(row.standardLine)
                    copy.append(row.code)
                    copy.append(row.item)
                    copy.append(cell.column)
                    copy.append(cell.value?.fen)
                    copy.append(cell.text)
                    copy.append(cell.source.line)
                    copy.append(cell.source.page)
                    copy.append(cell.source.cell)
                }
            }
        }
        try await copy.send(connection, logger: logger)
    }

    private static func insertStatements(
        _ disclosure: Disclosure, document: Int64, connection: PostgresConnection, logger: Logger
    ) async throws {
        guard let statements = disclosure.statements?.statements, !statements.isEmpty else { return }
        var copy = CopyRows(
            table: "statements",
            columns: [
                "document_id", "ordinal", "topic", "section", "subject", "claim_kind", "amount_fen", "base_amount_fen",
                "delta_fen", "budget_fen", "percent_scaled", "percent_decimals", "count_value", "measure", "direction",
                "percent_direction", "against_budget", "base_subject", "wording", "source_line", "page", "span",
            ])
        for (ordinal, statement) in statements.enumerated() {
            let row = StatementRow(statement.claim)
            copy.append(document)
            copy.append(ordinal)
            copy.append(statement.topic.rawValue)
            copy.append(statement.section)
            copy.append(statement.subject)
            copy.append(row.claimKind)
            copy.append(row.amountFen)
            copy.append(row.baseAmountFen)
            copy.append(row.deltaFen)
            copy.append(row.budgetFen)
            copy.append(row.percentScaled)
            copy.append(row.percentDecimals)
            copy.append(row.count)
            copy.append(row.measure)
            copy.append(row.direction)
            copy.append(row.percentDirection)
            copy.append(row.againstBudget)
            copy.append(row.baseSubject)
            copy.append(row.wording)
            copy.append(statement.source.line)
            copy.append(statement.source.page)
            copy.append(statement.span)
        }
        try await copy.send(connection, logger: logger)
    }

    private static func insertCheck(
        document: Int64, packVersion: String, findings: [Finding], checkedAt: String, connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int64 {
        guard
            let check = try await connection.query(
                """
                INSERT INTO check_runs (document_id, pack_version, checked_at, finding_count)
                VALUES (\(document), \(packVersion), \(checkedAt), \(Int64(findings.count))) RETURNING id
                """, logger: logger
            ).collect().first?.decode(Int64.self)
        else { throw StoreError.database("check_runs", "INSERT returned no id") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var copy = CopyRows(
            table: "findings",
            columns: [
                "check_id", "document_id", "ordinal", "rule", "severity", "is_rounding", "message", "message_en",
                "table_name", "line", "code", "item", "column_number", "source_line", "page", "expected_fen",
                "actual_fen", "difference_fen", "tolerance_fen", "finding_json",
            ])
        for (ordinal, finding) in findings.enumerated() {
            let location = finding.location
            copy.append(check)
            copy.append(document)
            copy.append(ordinal)
            copy.append(finding.rule)
            copy.append(finding.severity.rawValue)
            copy.append(finding.isRounding)
            copy.append(finding.message)
            copy.append(finding.messageEnglish)
            copy.append(location.table)
            copy.append(location.line)
            copy.append(location.code)
            copy.append(location.item)
            copy.append(location.column)
            copy.append(location.source?.line)
            copy.append(location.source?.page)
            copy.append(finding.expected?.amount?.fen)
            copy.append(finding.actual?.amount?.fen)
            copy.append(finding.difference?.fen)
            copy.append(finding.tolerance?.fen)
            copy.append(String(decoding: try encoder.encode(finding), as: UTF8.self))
        }
        try await copy.send(connection, logger: logger)
        // An explanation (出错说明) stays with a finding that is unchanged (same rule, cell, values, message):
        // copied from the document's previous check to the identical finding of this one.
        try await connection.query(
            """
            INSERT INTO explanations (finding_id, author, written_at, text)
            SELECT n.id, e.author, e.written_at, e.text
            FROM findings n
            JOIN documents d ON d.id = n.document_id
            JOIN findings o ON o.check_id = d.latest_check_id AND o.finding_json = n.finding_json
            JOIN explanations e ON e.finding_id = o.id
            WHERE n.check_id = \(check)
            ORDER BY e.id
            """, logger: logger)
        try await connection.query(
            "UPDATE documents SET latest_check_id = \(check) WHERE id = \(document)", logger: logger)
        return check
    }

    public func recordFailure(_ failure: ImportFailure) async throws {
        try await run {
            try await client.query(
                """
                INSERT INTO import_failures (source_file, sha256, error, failed_at)
                VALUES (\(failure.file), \(failure.contentHash), \(failure.message), \(failure.failedAt))
                ON CONFLICT (source_file) DO UPDATE SET sha256 = excluded.sha256, error = excluded.error,
                    failed_at = excluded.failed_at
                """, logger: logger)
        }
    }

    public func failures() async throws -> [ImportFailure] {
        try await run {
            var result: [ImportFailure] = []
            for try await (file, hash, message, failedAt) in try await client.query(
                "SELECT source_file, sha256, error, failed_at FROM import_failures ORDER BY source_file", logger: logger
            ).decode((String, String?, String, String).self) {
                result.append(ImportFailure(file: file, contentHash: hash, message: message, failedAt: failedAt))
            }
            return result
        }
    }

    public func documents() async throws -> [StoredDocument] {
        try await listDocuments(rule: nil)
    }

    public func documents(failing rule: String) async throws -> [StoredDocument] {
        try await listDocuments(rule: rule)
    }

    private func listDocuments(rule: String?) async throws -> [StoredDocument] {
        try await run {
            var result: [StoredDocument] = []
            let query: PostgresQuery = """
                SELECT d.id, d.source_file, d.sha256, u.name, d.year, d.kind, c.pack_version
                FROM documents d LEFT JOIN units u ON u.id = d.unit_id
                LEFT JOIN check_runs c ON c.id = d.latest_check_id
                WHERE \(rule)::text IS NULL
                    OR EXISTS (SELECT 1 FROM findings f WHERE f.check_id = d.latest_check_id AND f.rule = \(rule))
                ORDER BY d.id
                """
            for try await (id, file, hash, unit, year, kind, version) in try await client.query(query, logger: logger)
                .decode((Int64, String, String, String?, Int64?, String, String?).self)
            {
                result.append(
                    StoredDocument(
                        id: id, file: file, contentHash: hash, unit: unit, year: year.map(Int.init), kind: kind,
                        packVersion: version))
            }
            return result
        }
    }

    public func disclosureJSON(document: Int64) async throws -> Data {
        try await run {
            guard
                let buffer = try await client.query(
                    "SELECT disclosure_json FROM document_exports WHERE document_id = \(document)", logger: logger
                ).collect().first?.decode(Data.self)
            else { throw StoreError.noSuchDocument(document) }
            return buffer
        }
    }

    public func latestFindings(document: Int64) async throws -> [StoredFinding] {
        try await run {
            var result: [StoredFinding] = []
            let decoder = JSONDecoder()
            for try await (id, json) in try await client.query(
                """
                SELECT f.id, f.finding_json FROM findings f JOIN documents d ON d.latest_check_id = f.check_id
                WHERE d.id = \(document) ORDER BY f.ordinal
                """, logger: logger
            ).decode((Int64, String).self) {
                result.append(StoredFinding(id: id, finding: try decoder.decode(Finding.self, from: Data(json.utf8))))
            }
            return result
        }
    }

    public func recordCheck(document: Int64, packVersion: String, findings: [Finding]) async throws -> Int64 {
        try await run {
            try await client.withTransaction(logger: logger) { connection in
                guard
                    try await connection.query("SELECT 1 FROM documents WHERE id = \(document)", logger: logger)
                        .collect().first != nil
                else { throw StoreError.noSuchDocument(document) }
                return try await Self.insertCheck(
                    document: document, packVersion: packVersion, findings: findings, checkedAt: StoreClock.now(),
                    connection: connection, logger: logger)
            }
        }
    }

    public func addExplanation(_ explanation: Explanation, toFinding finding: Int64) async throws -> Int64 {
        try await run {
            guard
                try await client.query("SELECT 1 FROM findings WHERE id = \(finding)", logger: logger).collect().first
                    != nil
            else { throw StoreError.noSuchFinding(finding) }
            guard
                let id = try await client.query(
                    """
                    INSERT INTO explanations (finding_id, author, written_at, text)
                    VALUES (\(finding), \(explanation.author), \(explanation.writtenAt), \(explanation.text)) RETURNING id
                    """, logger: logger
                ).collect().first?.decode(Int64.self)
            else { throw StoreError.database("explanations", "INSERT returned no id") }
            return id
        }
    }

    public func explanations(ofFinding finding: Int64) async throws -> [Explanation] {
        try await run {
            var result: [Explanation] = []
            for try await (author, writtenAt, text) in try await client.query(
                "SELECT author, written_at, text FROM explanations WHERE finding_id = \(finding) ORDER BY id",
                logger: logger
            ).decode((String, String, String).self) {
                result.append(Explanation(author: author, writtenAt: writtenAt, text: text))
            }
            return result
        }
    }

    public func summaries(unit: String?, year: Int?) async throws -> [DocumentSummary] {
        try await run {
            var result: [DocumentSummary] = []
            let year = year.map(Int64.init)
            let query: PostgresQuery = """
                SELECT d.id, d.source_file, u.name, d.year, d.income_total_fen, d.expenditure_total_fen,
                    (SELECT MIN(value_fen) FROM cells b WHERE b.document_id = d.id AND b.table_id = '01'
                        AND COALESCE(b.standard_line, b.line) = 29 AND b.column_number = 1),
                    (SELECT MIN(value_fen) FROM cells b WHERE b.document_id = d.id AND b.table_id = '01'
                        AND COALESCE(b.standard_line, b.line) = 60 AND b.column_number = 2),
                    COUNT(f.id) FILTER (WHERE f.severity = 'error'),
                    COUNT(f.id) FILTER (WHERE f.severity = 'warning' AND NOT f.is_rounding),
                    COUNT(f.id) FILTER (WHERE f.severity = 'info'),
                    COUNT(f.id) FILTER (WHERE f.is_rounding), c.pack_version
                FROM documents d
                LEFT JOIN units u ON u.id = d.unit_id
                LEFT JOIN check_runs c ON c.id = d.latest_check_id
                LEFT JOIN findings f ON f.check_id = d.latest_check_id
                WHERE (\(unit)::text IS NULL OR u.name = \(unit)) AND (\(year)::bigint IS NULL OR d.year = \(year))
                GROUP BY d.id, u.name, c.pack_version
                ORDER BY u.name, d.year, d.id
                """
            for try await row in try await client.query(query, logger: logger) {
                let (id, file, unitName, documentYear, income, expenditure) = try row.decode(
                    (Int64, String, String?, Int64?, Int64?, Int64?).self)
                let columns = row.makeRandomAccess()
                let opening = try columns[6].decode(Int64?.self)
                let closing = try columns[7].decode(Int64?.self)
                let errors = try columns[8].decode(Int64.self)
                let warnings = try columns[9].decode(Int64.self)
                let infos = try columns[10].decode(Int64.self)
                let rounding = try columns[11].decode(Int64.self)
                let version = try columns[12].decode(String?.self)
                result.append(
                    DocumentSummary(
                        document: id, file: file, unit: unitName, year: documentYear.map(Int.init),
                        incomeTotalFen: income, expenditureTotalFen: expenditure, openingBalanceFen: opening,
                        closingBalanceFen: closing, errors: Int(errors),
                        warnings: Int(warnings), infos: Int(infos), rounding: Int(rounding), packVersion: version))
            }
            return result
        }
    }

    public func counts() async throws -> StoreCounts {
        try await run {
            let row = try await client.query(
                """
                SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM cells), (SELECT COUNT(*) FROM statements),
                    (SELECT COUNT(*) FROM findings), (SELECT COUNT(*) FROM check_runs), (SELECT COUNT(*) FROM import_failures)
                """, logger: logger
            ).collect().first
            guard let row else { return StoreCounts(documents: 0, cells: 0, statements: 0, findings: 0, checks: 0, failures: 0) }
            let (documents, cells, statements, findings, checks, failures) = try row.decode(
                (Int64, Int64, Int64, Int64, Int64, Int64).self)
            return StoreCounts(
                documents: Int(documents), cells: Int(cells), statements: Int(statements), findings: Int(findings),
                checks: Int(checks), failures: Int(failures))
        }
    }
}
