import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import Foundation
import HTTPTypes
import Hummingbird

/// The routes that change the store, each recorded in the audit log with user and time: upload, explanation
/// (出错说明), re-check, publish. Report and audit log are read here too (they need a role).
enum ChangeRoutes {
    static func register(_ routes: RouteRegistry, services: ServerServices) {
        routes.on(.post, "/api/documents") { request, context in
            let user = try context.requireUser()
            if let wait = await services.uploads.take(user.name) { throw APIError.rateLimited(retryAfter: wait) }
            let upload = try await UploadReceiver.receive(request, limit: services.configuration.maximumUploadBytes)
            let importer = UploadImporter(
                store: services.store, pack: services.pack, packVersion: services.packVersion,
                maximumInputSize: services.configuration.maximumUploadBytes)
            let result = try await importer.importUpload(upload, user: user)
            var response = try context.responseEncoder.encode(result, from: request, context: context)
            response.status = .created
            response.headers[.location] = "/api/documents/\(result.id)"
            return response
        }
        routes.on(.post, "/api/findings/:id/explanations") { request, context in
            let user = try context.requireUser()
            let findingID = try context.id("id")
            let body = try await request.decode(as: ExplanationRequest.self, context: context)
            let text = body.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, text.count <= 10_000 else {
                throw APIError.badRequest(
                    "text must be 1 to 10000 characters", zh: "说明文字须为 1 至 10000 个字符")
            }
            guard let documentID = try await services.store.document(ofFinding: findingID) else { throw APIError.notFound }
            let document = try await services.visibleDocument(documentID, user: user)
            guard user.mayChange(unit: document.unit) else { throw APIError.forbidden }
            let explanation = Explanation(author: user.name, text: text)
            let id = try await services.store.addExplanation(explanation, toFinding: findingID)
            try await services.store.appendAudit(
                AuditEntry(user: user.name, action: "explain", document: documentID, finding: findingID))
            var response = try context.responseEncoder.encode(
                ExplanationCreated(
                    id: id, finding: findingID, author: user.name, writtenAt: explanation.writtenAt, text: text),
                from: request, context: context)
            response.status = .created
            return response
        }
        routes.on(.post, "/api/documents/:id/recheck") { _, context in
            let user = try context.requireUser()
            let document = try await services.visibleDocument(try context.id("id"), user: user)
            guard user.isReviewerOrAdmin, user.mayChange(unit: document.unit) else { throw APIError.forbidden }
            return RecheckResult(documents: [try await recheck(document, user: user, services: services)])
        }
        routes.on(.post, "/api/recheck") { _, context in
            let user = try context.requireUser()
            guard user.isReviewerOrAdmin else { throw APIError.forbidden }
            let (documents, _) = try await services.visibleDocuments(user: user)
            var items: [RecheckResult.Item] = []
            for document in documents where user.mayChange(unit: document.unit) {
                items.append(try await recheck(document, user: user, services: services))
            }
            return RecheckResult(documents: items)
        }
        routes.on(.post, "/api/documents/:id/publish") { request, context in
            let user = try context.requireUser()
            let document = try await services.visibleDocument(try context.id("id"), user: user)
            guard user.isReviewerOrAdmin, user.mayChange(unit: document.unit) else { throw APIError.forbidden }
            let body = try await request.decode(as: PublishRequest.self, context: context)
            try await services.store.setPublished(document: document.id, published: body.published)
            try await services.store.appendAudit(
                AuditEntry(user: user.name, action: body.published ? "publish" : "unpublish", document: document.id))
            return PublishResult(document: document.id, published: body.published)
        }
        routes.on(.get, "/api/report") { request, context in
            let user = try DocumentRoutes.userOrAnonymous(context)
            let unit = request.query("unit")
            let year = try request.integer("year", in: 1900...2200)
            let (documents, _) = try await services.visibleDocuments(user: user)
            let visible = Set(documents.map(\.id))
            let summaries = try await services.store.summaries(unit: unit, year: year).filter { visible.contains($0.document) }
            return try await StoreReport.full(summaries: summaries, store: services.store)
        }
        routes.on(.get, "/api/audit") { request, context in
            let user = try context.requireUser()
            guard user.role == .admin else { throw APIError.forbidden }
            let limit = try request.integer("limit", in: 1...1000) ?? 100
            return AuditList(entries: try await services.store.auditLog(limit: limit))
        }
    }

    /// Re-checks one document from its stored JSON with the pack in force, as `budgetlens recheck` does: a new
    /// check is recorded when the pack version or the findings changed.
    static func recheck(_ document: StoredDocument, user: AuthenticatedUser, services: ServerServices) async throws
        -> RecheckResult.Item
    {
        let disclosure = try await services.disclosure(of: document)
        let pack = services.pack
        let findings = await Task.detached { RuleEngine().evaluate(pack, on: disclosure).findings }.value
        let previous = try await services.store.latestFindings(document: document.id).map(\.finding)
        let recorded = previous != findings || document.packVersion != services.packVersion
        if recorded {
            let check = try await services.store.recordCheck(
                document: document.id, packVersion: services.packVersion, findings: findings)
            try await services.store.appendAudit(
                AuditEntry(user: user.name, action: "recheck", document: document.id, detail: "check \(check)"))
        } else {
            try await services.store.appendAudit(
                AuditEntry(user: user.name, action: "recheck", document: document.id, detail: "unchanged"))
        }
        return RecheckResult.Item(
            document: document.id, recorded: recorded, findings: findings.count, packVersion: services.packVersion)
    }
}
