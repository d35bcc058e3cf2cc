import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import Foundation

/// The year-on-year checks of `check THIS --previous LAST` (``YearOverYear``: Y-YEAR, Y-UNIT, Y-CARRY-01,
/// Y-CARRY-04, Y-NARR — DOMAIN §1.4, §1.7, §2.0) run by `report` over the store: for every unit with documents of
/// consecutive years, the latest document of each year against the latest of the year before, both
/// re-materialised from their stored JSON (no file is read).
public enum StoreYearOverYear {
    /// One pair of consecutive years of one unit and the findings of the later against the earlier.
    public struct Pair: Sendable, Codable {
        /// The unit, as the documents name it.
        public var unit: String
        /// The later year.
        public var year: Int
        /// The document of `year`.
        public var document: Int64
        /// The document of `year − 1`.
        public var previousDocument: Int64
        /// The Y-* findings, in ``YearOverYear``'s order, in the shape of `check --format json`'s findings
        /// (amounts as decimal strings in the later document's money unit, e.g. `"500.00"` 万元); empty when the
        /// pair is consistent.
        public var findings: [CheckReportJSON.Item]
    }

    /// The pairs among `summaries` (as ``DisclosureStore/summaries(unit:year:)`` gives them), by unit then year.
    ///
    /// - Parameter skipping: rule-id patterns left out (`--skip`), as `check` takes them.
    /// - Throws: a store error, or ``ReadError`` when a stored export cannot be decoded.
    public static func pairs(
        in summaries: [DocumentSummary], store: any DisclosureStore, skipping: [String] = []
    ) async throws -> [Pair] {
        var latest: [String: [Int: DocumentSummary]] = [:]
        for summary in summaries {
            guard let unit = summary.unit, let year = summary.year else { continue }
            if let kept = latest[unit]?[year], kept.document > summary.document { continue }
            latest[unit, default: [:]][year] = summary
        }
        var pairs: [Pair] = []
        for unit in latest.keys.sorted() {
            let years = latest[unit] ?? [:]
            for year in years.keys.sorted() {
                guard let current = years[year], let previous = years[year - 1] else { continue }
                let this = try DisclosureJSON.decode(
                    try await store.disclosureJSON(document: current.document), file: current.file)
                let last = try DisclosureJSON.decode(
                    try await store.disclosureJSON(document: previous.document), file: previous.file)
                pairs.append(
                    Pair(
                        unit: unit, year: year, document: current.document, previousDocument: previous.document,
                        findings: YearOverYear.check(current: this, previous: last, skipping: skipping).map {
                            CheckReportJSON.Item(finding: $0, unit: this.moneyUnit)
                        }))
            }
        }
        return pairs
    }
}
