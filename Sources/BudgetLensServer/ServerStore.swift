import BudgetLensStore
import BudgetLensStorePostgres

/// The store the server works on: the document library and the accounts, one database.
public typealias ServerStore = any DisclosureStore & AccountStore

/// Opens the store a `--db` value names, migrated, with its accounts.
public enum ServerStoreLocation {
    /// Opens and migrates the store at `spec` (SQLite file or `postgres://…`).
    ///
    /// - Throws: ``StoreError`` naming the database.
    public static func open(_ spec: String) async throws -> ServerStore {
        let store = try await StoreLocation.open(spec)
        guard let accounts = store as? any DisclosureStore & AccountStore else {
            throw StoreError.cannotOpen(spec, "this store engine keeps no accounts")
        }
        return accounts
    }
}
