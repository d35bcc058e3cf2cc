import BudgetLensStore

/// Opens the store a `--db` value names: `postgres://user[:password]@host[:port]/database` (or `postgresql://`)
/// is PostgreSQL, anything else a SQLite file (created if missing).
public enum StoreLocation {
    /// True when `spec` names a PostgreSQL server.
    public static func isPostgres(_ spec: String) -> Bool {
        spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://")
    }

    /// Opens and migrates the store at `spec`.
    ///
    /// - Throws: ``StoreError`` naming the database when it cannot be opened, reached or migrated.
    public static func open(_ spec: String) async throws -> any DisclosureStore {
        if isPostgres(spec) {
            let store = try PostgresStore(url: spec)
            try await store.migrate()
            return store
        }
        let store = try SQLiteStore(path: spec)
        try await store.migrate()
        return store
    }
}
