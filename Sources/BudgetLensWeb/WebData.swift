import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import Foundation

/// Builds the view models from a store (``DisclosureStore``), so the server only adds the session and access
/// filtering: the disclosure is decoded from the stored JSON export, findings and explanations are the stored
/// ones, the ranking is ``StoreReport``'s.
public enum WebData {
    /// A document the store does not have, or whose JSON cannot be decoded.
    public struct MissingDocument: Error, Sendable, Hashable {
        /// The id asked for (0 for a comparison year without a document).
        public var id: Int64

        /// Creates the error.
        public init(id: Int64) { self.id = id }
    }

    /// The overview of the documents whose ids `visible` accepts (all by default).
    public static func overview(
        store: any DisclosureStore, session: WebSession, published: Set<Int64> = [],
        visible: @Sendable (Int64) -> Bool = { _ in true }
    ) async throws -> OverviewView {
        let summaries = try await store.summaries(unit: nil, year: nil).filter { visible($0.document) }
        return OverviewView(session: session, summaries: summaries, published: published)
    }

    /// The ranking over the documents whose ids `visible` accepts.
    public static func ranking(
        store: any DisclosureStore, session: WebSession, visible: @Sendable (Int64) -> Bool = { _ in true }
    ) async throws -> RankingView {
        let summaries = try await store.summaries(unit: nil, year: nil).filter { visible($0.document) }
        return RankingView(session: session, report: StoreReport(summaries: summaries))
    }

    /// The document page's model: the stored disclosure, its latest findings, their explanations, the rule
    /// texts of `pack` and whether last year's document of the unit is stored.
    ///
    /// - Throws: ``MissingDocument`` when `id` is not stored; a store error.
    public static func document(
        store: any DisclosureStore, id: Int64, session: WebSession, pack: RulePack? = nil, published: Bool = false
    ) async throws -> DocumentView {
        guard let stored = try await store.documents().first(where: { $0.id == id }) else { throw MissingDocument(id: id) }
        let disclosure = try await disclosure(store: store, id: id, file: stored.file)
        let findings = try await store.latestFindings(document: id)
        var explanations: [Int64: [Explanation]] = [:]
        for finding in findings {
            let list = try await store.explanations(ofFinding: finding.id)
            if !list.isEmpty { explanations[finding.id] = list }
        }
        var ruleTexts: [String: String] = [:]
        for rule in pack?.rules ?? [] where ruleTexts[rule.id] == nil { ruleTexts[rule.id] = rule.text }
        var previousYear: Int?
        if let unit = stored.unit, let year = stored.year {
            let previous = try await store.summaries(unit: unit, year: year - 1)
            if !previous.isEmpty { previousYear = year - 1 }
        }
        return DocumentView(
            session: session, id: id, file: stored.file, disclosure: disclosure, findings: findings,
            explanations: explanations, ruleTexts: ruleTexts, published: published, previousYear: previousYear)
    }

    /// The comparison of `unit` between `from` and `to` (the latest stored document of each year).
    ///
    /// - Throws: ``MissingDocument`` (id 0) when a year has no document of the unit.
    public static func comparison(
        store: any DisclosureStore, unit: String, from: Int, to: Int, session: WebSession
    ) async throws -> ComparisonView {
        func side(_ year: Int) async throws -> ComparedDocument {
            guard let summary = try await store.summaries(unit: unit, year: year).max(by: { $0.document < $1.document })
            else { throw MissingDocument(id: 0) }
            let disclosure = try await disclosure(store: store, id: summary.document, file: summary.file)
            return ComparedDocument(id: summary.document, disclosure: disclosure, summary: summary)
        }
        return ComparisonView(session: session, unit: unit, from: try await side(from), to: try await side(to))
    }

    static func disclosure(store: any DisclosureStore, id: Int64, file: String) async throws -> Disclosure {
        let data = try await store.disclosureJSON(document: id)
        return try DisclosureJSON.decode(data, file: file)
    }
}
