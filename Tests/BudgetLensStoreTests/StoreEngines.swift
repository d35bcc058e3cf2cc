import BudgetLensStore
import BudgetLensStorePostgres
import Foundation
import GRDB

/// The engines the store suite runs on: SQLite always; PostgreSQL when `BUDGETLENS_TEST_POSTGRES` names a server
/// (`postgres://user@host/db`, a role allowed to create databases). `.ci/run` starts one and sets it. Set but
/// unreachable, the PostgreSQL tests fail; unset, they are left out with a printed reason.
enum StoreEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// The server URL for the PostgreSQL tests, if set.
    static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["BUDGETLENS_TEST_POSTGRES"] ?? ""
        return value.isEmpty ? nil : value
    }

    /// The engines to test.
    static let available: [StoreEngine] = {
        if postgresURL == nil {
            print("note: BUDGETLENS_TEST_POSTGRES is not set: the store tests run on SQLite only (bash .ci/run starts PostgreSQL)")
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }()
}

/// A fresh, empty, migrated store of one engine: a SQLite file in `folder`, or a new PostgreSQL database
/// `budgetlens_test_…` on the test server, dropped by `drop()`.
struct FreshStore {
    let engine: StoreEngine
    /// The `--db` value naming it.
    let spec: String
    private let databaseName: String?

    init(_ engine: StoreEngine, in folder: TemporaryFolder) async throws {
        self.engine = engine
        switch engine {
        case .sqlite:
            spec = folder.path("lens.sqlite")
            databaseName = nil
        case .postgres:
            guard let url = StoreEngine.postgresURL, var components = URLComponents(string: url) else {
                throw StoreError.cannotOpen("BUDGETLENS_TEST_POSTGRES", "not set or not a URL")
            }
            let name = "budgetlens_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await PostgresStore.administer(url: url, sql: "CREATE DATABASE \(name)")
            components.path = "/\(name)"
            spec = components.string ?? url
            databaseName = String(name)
        }
    }

    /// Opens (and migrates) the store.
    func open() async throws -> any DisclosureStore {
        try await StoreLocation.open(spec)
    }

    /// Applies the migrations up to and including `name` only (to build a database of an earlier version).
    func migrate(upTo name: String) async throws {
        switch engine {
        case .sqlite: try await SQLiteStore(path: spec).migrate(upTo: name)
        case .postgres: try await PostgresStore(url: spec).migrate(upTo: name)
        }
    }

    /// Runs one SQL statement on the database, outside the store (to write rows as an earlier version wrote them).
    func execute(_ sql: String) async throws {
        switch engine {
        case .sqlite:
            let queue = try DatabaseQueue(path: spec)
            try await queue.write { db in try db.execute(sql: sql) }
        case .postgres:
            try await PostgresStore.administer(url: spec, sql: sql)
        }
    }

    /// Drops the PostgreSQL database (nothing for SQLite: the folder goes).
    func drop() async {
        guard let databaseName, let url = StoreEngine.postgresURL else { return }
        try? await PostgresStore.administer(url: url, sql: "DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
    }
}
