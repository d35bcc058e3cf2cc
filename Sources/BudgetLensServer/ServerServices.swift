import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import Foundation
import HTTPTypes
import Hummingbird

/// What every route works with: the store, the rule pack in force, the configuration and the limiters. Web
/// pages mounted on the server (``ServerApplication/init(configuration:store:pack:additionalRoutes:)``) get it
/// too, with the access helpers below.
public struct ServerServices: Sendable {
    /// The store (documents and accounts).
    public let store: ServerStore
    /// The rules checked at upload and re-check.
    public let pack: RulePack
    /// The pack's version (``PackVersion``).
    public let packVersion: String
    /// The configuration.
    public let configuration: ServerConfiguration
    /// The upload limiter (per user).
    let uploads: RateLimiter
    /// Money units of stored documents.
    let moneyUnits = MoneyUnitCache()

    init(store: ServerStore, pack: RulePack, configuration: ServerConfiguration) {
        self.store = store
        self.pack = pack
        packVersion = PackVersion.of(pack)
        self.configuration = configuration
        uploads = RateLimiter(
            capacity: configuration.uploadBurst, perSecond: Double(configuration.uploadsPerMinute) / 60)
    }

    /// The stored document `id` when `user` (nil: anonymous) may see it; otherwise 404 (never 403: a document
    /// of another unit is not acknowledged).
    public func visibleDocument(_ id: Int64, user: AuthenticatedUser?) async throws -> StoredDocument {
        guard let (document, published) = try await store.document(id: id),
            Access.canSee(document, user: user, published: published ? [id] : [])
        else { throw APIError.notFound }
        return document
    }

    /// The documents `user` may see, by id.
    public func visibleDocuments(user: AuthenticatedUser?) async throws -> (documents: [StoredDocument], published: Set<Int64>) {
        let published = try await store.publishedDocuments()
        return (try await store.documents().filter { Access.canSee($0, user: user, published: published) }, published)
    }

    /// The stored disclosure of a document (its JSON export decoded).
    public func disclosure(of document: StoredDocument) async throws -> Disclosure {
        let json = try await store.disclosureJSON(document: document.id)
        return try DisclosureJSON.decode(json, file: document.file)
    }

    /// The caller's user, or 401 when the request is anonymous or its credential refused.
    public func requireUser(_ context: ServerRequestContext) throws -> AuthenticatedUser {
        try context.requireUser()
    }
}
