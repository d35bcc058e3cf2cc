import BudgetLensCore
import BudgetLensReader
import BudgetLensStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The read routes: units, documents (filters and paging), one document, its cells, statements and findings.
enum DocumentRoutes {
    /// Largest page of `GET /api/documents`.
    static let maximumLimit = 200

    static func register(_ routes: RouteRegistry, services: ServerServices) {
        routes.on(.get, "/api/units") { _, context in
            let user = try userOrAnonymous(context)
            let (documents, _) = try await services.visibleDocuments(user: user)
            var counts: [String: Int] = [:]
            for document in documents { if let unit = document.unit { counts[unit, default: 0] += 1 } }
            return UnitList(units: counts.keys.sorted().map { UnitJSON(name: $0, documents: counts[$0] ?? 0) })
        }
        routes.on(.get, "/api/documents") { request, context in
            let user = try userOrAnonymous(context)
            let unit = request.query("unit")
            let year = try request.integer("year", in: 1900...2200)
            let kind = request.query("kind")
            if let kind, !["finalAccounts", "budget", "unknown"].contains(kind) {
                throw APIError.badRequest(
                    "kind must be finalAccounts, budget or unknown", zh: "kind 须为 finalAccounts、budget 或 unknown")
            }
            let limit = try request.integer("limit", in: 1...maximumLimit) ?? 50
            let offset = try request.integer("offset", in: 0...Int(Int32.max)) ?? 0
            let (documents, published) = try await services.visibleDocuments(user: user)
            let matching = documents.filter {
                (unit == nil || $0.unit == unit) && (year == nil || $0.year == year) && (kind == nil || $0.kind == kind)
            }
            let page = matching.dropFirst(offset).prefix(limit)
            return DocumentPage(
                documents: page.map { DocumentJSON($0, published: published.contains($0.id)) }, total: matching.count,
                limit: limit, offset: offset)
        }
        routes.on(.get, "/api/documents/:id") { _, context in
            let user = try userOrAnonymous(context)
            let document = try await services.visibleDocument(try context.id("id"), user: user)
            let disclosure = try await services.disclosure(of: document)
            let findings = try await services.store.latestFindings(document: document.id).map(\.finding)
            let published = try await services.store.document(id: document.id)?.published ?? false
            return DocumentDetail(
                document: DocumentJSON(document, published: published),
                title: disclosure.header.title, moneyUnit: disclosure.moneyUnit.rawValue,
                format: disclosure.source.format.rawValue, tablesFound: disclosure.tables.map(\.id.formID),
                tablesMissing: disclosure.missingTables.map(\.formID), findings: FindingCounts(findings))
        }
        routes.on(.get, "/api/documents/:id/cells") { _, context in
            let user = try userOrAnonymous(context)
            let document = try await services.visibleDocument(try context.id("id"), user: user)
            let disclosure = try await services.disclosure(of: document)
            let unit = disclosure.moneyUnit
            let cells = disclosure.cellRecords().map { record in
                CellJSON(
                    table: record.table.rawValue, line: record.line, code: record.code, item: record.item,
                    column: record.column, valueFen: record.value?.fen,
                    value: record.value?.decimalString(in: unit), unit: unit.rawValue, sourceLine: record.sourceLine,
                    page: record.page)
            }
            return CellList(document: document.id, cells: cells)
        }
        routes.on(.get, "/api/documents/:id/statements") { _, context in
            let user = try userOrAnonymous(context)
            let document = try await services.visibleDocument(try context.id("id"), user: user)
            let disclosure = try await services.disclosure(of: document)
            let statements = (disclosure.statements?.statements ?? []).enumerated().map { ordinal, statement in
                let row = StatementRow(statement.claim)
                return StatementJSON(
                    ordinal: ordinal, topic: statement.topic.rawValue, section: statement.section,
                    subject: statement.subject, claimKind: row.claimKind, amountFen: row.amountFen,
                    baseAmountFen: row.baseAmountFen, deltaFen: row.deltaFen, budgetFen: row.budgetFen,
                    percentScaled: row.percentScaled, percentDecimals: row.percentDecimals, count: row.count,
                    direction: row.direction, span: statement.span, sourceLine: statement.source.line,
                    page: statement.source.page)
            }
            return StatementList(document: document.id, statements: statements)
        }
        routes.on(.get, "/api/documents/:id/scores") { _, context in
            let user = try userOrAnonymous(context)
            let document = try await services.visibleDocument(try context.id("id"), user: user)
            let assessments = try await services.store.assessments(document: document.id)
            // The stored JSON of `score` and `evaluate` (docs/score-json.md, docs/evaluate-json.md), as stored.
            var body = Data("{\"document\":\(document.id),\"evaluation\":".utf8)
            body.append(assessments.evaluationJSON ?? Data("null".utf8))
            body.append(Data(",\"score\":".utf8))
            body.append(assessments.scoreJSON ?? Data("null".utf8))
            body.append(Data("}".utf8))
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        routes.on(.get, "/api/documents/:id/findings") { request, context in
            let user = try userOrAnonymous(context)
            let document = try await services.visibleDocument(try context.id("id"), user: user)
            let rule = request.query("rule")
            let severity = request.query("severity")
            if let severity, !["error", "warning", "info"].contains(severity) {
                throw APIError.badRequest(
                    "severity must be error, warning or info", zh: "severity 须为 error、warning 或 info")
            }
            let unit = try await moneyUnit(of: document, services: services)
            let explanations = try await services.store.explanations(ofDocument: document.id)
            let findings = try await services.store.latestFindings(document: document.id).filter {
                (rule == nil || $0.finding.rule == rule) && (severity == nil || $0.finding.severity.rawValue == severity)
            }
            return FindingList(
                document: document.id,
                findings: findings.map { FindingJSON($0, unit: unit, explanations: explanations[$0.id] ?? []) })
        }
    }

    /// The user, nil for an anonymous request; 401 when a credential was sent and refused.
    static func userOrAnonymous(_ context: ServerRequestContext) throws -> AuthenticatedUser? {
        if context.credentialRefused { throw APIError.sessionExpired }
        return context.user
    }

    /// The document's printed money unit (cached: it never changes for a stored document).
    static func moneyUnit(of document: StoredDocument, services: ServerServices) async throws -> MoneyUnit {
        if let unit = await services.moneyUnits.unit(of: document.id) { return unit }
        let unit = try await services.disclosure(of: document).moneyUnit
        await services.moneyUnits.set(unit, for: document.id)
        return unit
    }
}

/// The money unit of each stored document, kept after the first lookup (a document's JSON never changes).
actor MoneyUnitCache {
    private var units: [Int64: MoneyUnit] = [:]

    func unit(of document: Int64) -> MoneyUnit? { units[document] }

    func set(_ unit: MoneyUnit, for document: Int64) {
        if units.count > 100_000 { units.removeAll() }
        units[document] = unit
    }
}
