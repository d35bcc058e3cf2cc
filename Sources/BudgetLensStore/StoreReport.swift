import BudgetLensCore
import Foundation

/// The `report` figures: per unit and year the 公开01 totals and the findings by severity, and a ranking of
/// units by data quality.
public struct StoreReport: Sendable, Codable {
    /// One unit in one year (all its documents of that year summed).
    public struct UnitYear: Sendable, Codable, Hashable {
        /// The unit (`（未识别单位）` when the documents name none).
        public var unit: String
        /// The fiscal year (`nil` when not printed).
        public var year: Int?
        /// Documents.
        public var documents: Int
        /// 公开01 本年收入合计 of the latest imported document, in 分 (several documents of one unit and year are
        /// renditions or corrections of one disclosure: their totals are not added).
        public var incomeTotalFen: Int64?
        /// 公开01 本年支出合计 of the latest imported document, in 分.
        public var expenditureTotalFen: Int64?
        /// False when the documents of this unit and year print different totals.
        public var totalsAgree: Bool
        /// Errors beyond the rounding tolerance (real errors).
        public var errors: Int
        /// Warnings that are not rounding.
        public var warnings: Int
        /// Infos.
        public var infos: Int
        /// Rounding findings (尾数误差, within the tolerance).
        public var rounding: Int
    }

    /// A unit's place in the data-quality ranking.
    public struct Rank: Sendable, Codable, Hashable {
        /// 1 is best.
        public var rank: Int
        /// The unit.
        public var unit: String
        /// Documents.
        public var documents: Int
        /// Real errors over all its documents.
        public var errors: Int
        /// Non-rounding warnings over all its documents.
        public var warnings: Int
        /// Rounding findings over all its documents.
        public var rounding: Int
    }

    /// Per unit and year, by unit then year.
    public var unitYears: [UnitYear]
    /// Units from best to worst: fewest real errors per document, then fewest warnings per document, then
    /// fewest rounding findings per document, then by name.
    public var ranking: [Rank]

    /// The unit name used when a document names none.
    public static let unknownUnit = "（未识别单位）"

    /// Aggregates document summaries.
    public init(summaries: [DocumentSummary]) {
        var groups: [String: [DocumentSummary]] = [:]
        var keys: [(String, Int?)] = []
        for summary in summaries {
            let unit = summary.unit ?? Self.unknownUnit
            let key = "\(unit)\u{1F}\(summary.year.map(String.init) ?? "")"
            if groups[key] == nil { keys.append((unit, summary.year)) }
            groups[key, default: []].append(summary)
        }
        unitYears = keys.map { unit, year in
            let members = (groups["\(unit)\u{1F}\(year.map(String.init) ?? "")"] ?? []).sorted { $0.document < $1.document }
            let incomes = Set(members.map(\.incomeTotalFen))
            let expenditures = Set(members.map(\.expenditureTotalFen))
            return UnitYear(
                unit: unit, year: year, documents: members.count,
                incomeTotalFen: members.last?.incomeTotalFen, expenditureTotalFen: members.last?.expenditureTotalFen,
                totalsAgree: incomes.count <= 1 && expenditures.count <= 1,
                errors: members.map(\.errors).reduce(0, +), warnings: members.map(\.warnings).reduce(0, +),
                infos: members.map(\.infos).reduce(0, +), rounding: members.map(\.rounding).reduce(0, +))
        }.sorted { ($0.unit, $0.year ?? 0) < ($1.unit, $1.year ?? 0) }

        var byUnit: [String: Rank] = [:]
        for row in unitYears {
            var rank = byUnit[row.unit] ?? Rank(rank: 0, unit: row.unit, documents: 0, errors: 0, warnings: 0, rounding: 0)
            rank.documents += row.documents
            rank.errors += row.errors
            rank.warnings += row.warnings
            rank.rounding += row.rounding
            byUnit[row.unit] = rank
        }
        // Per-document rates compared exactly by cross-multiplication: a/b < c/d ⇔ a·d < c·b.
        func less(_ a: Rank, _ b: Rank) -> Bool {
            for (x, y) in [(a.errors, b.errors), (a.warnings, b.warnings), (a.rounding, b.rounding)] {
                let left = x * b.documents
                let right = y * a.documents
                if left != right { return left < right }
            }
            return a.unit < b.unit
        }
        ranking = byUnit.values.sorted(by: less).enumerated().map { index, rank in
            var rank = rank
            rank.rank = index + 1
            return rank
        }
    }
}
