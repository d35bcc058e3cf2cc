import BudgetLensCore
import Foundation

/// The `report` figures: per unit and year the 公开01 totals and the findings by severity, and a ranking of
/// units by data quality.
public struct StoreReport: Sendable, Codable {
    /// One unit in one year (all its documents of that year summed).
    public struct UnitYear: Sendable, Codable, Hashable {
        /// The unit (`（未识别单位：FILE）` when the document names none: each such document is its own row, never
        /// merged with other unnamed documents).
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
        /// Whether any document of this unit and year has 公开01's totals read; when not, ``totalsAgree`` says
        /// nothing (shown as 未读取, not 是).
        public var totalsRead: Bool
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
        /// Creates a rank.
        public init(rank: Int, unit: String, documents: Int, errors: Int, warnings: Int, rounding: Int) {
            self.rank = rank
            self.unit = unit
            self.documents = documents
            self.errors = errors
            self.warnings = warnings
            self.rounding = rounding
        }

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

    /// A year-on-year check between consecutive years of one unit (DOMAIN §1.4): this year's 公开01 年初结转和结余
    /// (行29 栏1) equals last year's 年末结转和结余 (行60 栏2). Of each year the latest imported document is taken.
    public struct CarryOver: Sendable, Codable, Hashable {
        /// The unit.
        public var unit: String
        /// The later year.
        public var year: Int
        /// 年初结转和结余 printed in `year`, in 分.
        public var openingFen: Int64
        /// 年末结转和结余 printed in `year − 1`, in 分.
        public var previousClosingFen: Int64
        /// `openingFen − previousClosingFen`, in 分 (`nil` on overflow).
        public var differenceFen: Int64?
        /// The documents compared (`year`, `year − 1`).
        public var document: Int64
        /// The document of the previous year.
        public var previousDocument: Int64
        /// True when they are equal (exactly: both are printed figures, no rounding applies).
        public var matches: Bool
    }

    /// Per unit and year, by unit then year.
    public var unitYears: [UnitYear]
    /// The carry-over checks of every unit with documents of consecutive years, by unit then year.
    public var carryOvers: [CarryOver]
    /// Units from best to worst: fewest real errors per document, then fewest warnings per document, then
    /// fewest rounding findings per document, then by name.
    public var ranking: [Rank]
    /// Units left out of the ranking because every document of theirs is a blank template (``isBlankTemplate``):
    /// their findings are the template's empty cells, not a unit's data quality. `rank` is 0.
    public var unranked: [Rank] = []
    /// The Y-* checks of `check --previous` between consecutive years of each unit (``StoreYearOverYear``); set
    /// by the caller, which has the store (empty until then).
    public var yearOverYear: [StoreYearOverYear.Pair] = []
    /// 汇总 documents against their member units' documents (``Consolidation``); set by the caller.
    public var consolidations: [Consolidation.Check] = []

    /// The unit name used when a document names none.
    public static let unknownUnit = "（未识别单位）"

    /// The row name of a document that names no unit: `（未识别单位：FILE）`, FILE its file name.
    public static func unknownUnit(file: String) -> String {
        "（未识别单位：\(file.split(separator: "/").last.map(String.init) ?? file)）"
    }

    /// A blank template (the 部门决算模板 as published, `上海市XX局`): the unit is a placeholder (`XX`, `××`) and 公开01's 本年收入合计 and 本年支出合计 are zero or unread. A filled-in document with a placeholder
    /// unit (figures in 公开01) is not one.
    public static func isBlankTemplate(_ summary: DocumentSummary) -> Bool {
        let placeholder = summary.unit.map { unit in
            ["XX", "xx", "××", "ＸＸ", "XXX"].contains { unit.contains($0) }
        } ?? false
        return placeholder && (summary.incomeTotalFen ?? 0) == 0 && (summary.expenditureTotalFen ?? 0) == 0
    }

    /// The whole report over `summaries`, as `budgetlens report` and `GET /api/report` give it: the aggregates,
    /// the Y-* checks between consecutive years of a unit and each 汇总 against its members.
    ///
    /// - Parameter skipping: rule-id patterns the Y-* checks leave out (`--skip`).
    /// - Throws: a store error, or ``ReadError`` when a stored export cannot be decoded.
    public static func full(
        summaries: [DocumentSummary], store: any DisclosureStore, skipping: [String] = []
    ) async throws -> StoreReport {
        var report = StoreReport(summaries: summaries)
        report.yearOverYear = try await StoreYearOverYear.pairs(in: summaries, store: store, skipping: skipping)
        report.consolidations = try await Consolidation.checks(in: summaries, store: store)
        return report
    }

    /// Aggregates document summaries.
    public init(summaries: [DocumentSummary]) {
        var groups: [String: [DocumentSummary]] = [:]
        var keys: [(String, Int?)] = []
        for summary in summaries {
            let unit = summary.unit ?? Self.unknownUnit(file: summary.file)
            let key = "\(unit)\u{1F}\(summary.year.map(String.init) ?? "")"
            if groups[key] == nil { keys.append((unit, summary.year)) }
            groups[key, default: []].append(summary)
        }
        unitYears = keys.map { unit, year in
            let members = (groups["\(unit)\u{1F}\(year.map(String.init) ?? "")"] ?? []).sorted { $0.document < $1.document }
            let read = members.contains { $0.incomeTotalFen != nil || $0.expenditureTotalFen != nil }
            let incomes = Set(members.map(\.incomeTotalFen))
            let expenditures = Set(members.map(\.expenditureTotalFen))
            return UnitYear(
                unit: unit, year: year, documents: members.count,
                incomeTotalFen: members.last?.incomeTotalFen, expenditureTotalFen: members.last?.expenditureTotalFen,
                totalsAgree: incomes.count <= 1 && expenditures.count <= 1, totalsRead: read,
                errors: members.map(\.errors).reduce(0, +), warnings: members.map(\.warnings).reduce(0, +),
                infos: members.map(\.infos).reduce(0, +), rounding: members.map(\.rounding).reduce(0, +))
        }.sorted { ($0.unit, $0.year ?? 0) < ($1.unit, $1.year ?? 0) }

        carryOvers = Self.carryOvers(summaries)

        // A unit all of whose documents are blank templates is listed apart, not ranked.
        var templates: Set<String> = []
        var realUnits: Set<String> = []
        for summary in summaries {
            let unit = summary.unit ?? Self.unknownUnit(file: summary.file)
            if Self.isBlankTemplate(summary) { templates.insert(unit) } else { realUnits.insert(unit) }
        }
        let unrankedUnits = templates.subtracting(realUnits)
        var byUnit: [String: Rank] = [:]
        for row in unitYears {
            var rank = byUnit[row.unit] ?? Rank(rank: 0, unit: row.unit, documents: 0, errors: 0, warnings: 0, rounding: 0)
            rank.documents += row.documents
            rank.errors += row.errors
            rank.warnings += row.warnings
            rank.rounding += row.rounding
            byUnit[row.unit] = rank
        }
        ranking = Self.ranking(of: byUnit.values.filter { !unrankedUnits.contains($0.unit) })
        unranked = byUnit.values.filter { unrankedUnits.contains($0.unit) }.sorted { $0.unit < $1.unit }
    }

    /// `units` (their totals; `rank` ignored) from best to worst, ranks 1…: fewest real errors per document, then
    /// fewest warnings, then fewest rounding findings per document, then by name.
    public static func ranking(of units: [Rank]) -> [Rank] {
        // Per-document rates compared exactly by cross-multiplication: a/b < c/d ⇔ a·d < c·b.
        func less(_ a: Rank, _ b: Rank) -> Bool {
            for (x, y) in [(a.errors, b.errors), (a.warnings, b.warnings), (a.rounding, b.rounding)] {
                let left = x * b.documents
                let right = y * a.documents
                if left != right { return left < right }
            }
            return a.unit < b.unit
        }
        return units.sorted(by: less).enumerated().map { index, rank in
            var rank = rank
            rank.rank = index + 1
            return rank
        }
    }

    /// The carry-over checks: per unit, the latest document of each year, consecutive years compared.
    private static func carryOvers(_ summaries: [DocumentSummary]) -> [CarryOver] {
        var latest: [String: [Int: DocumentSummary]] = [:]
        for summary in summaries {
            guard let unit = summary.unit, let year = summary.year else { continue }
            if let kept = latest[unit]?[year], kept.document > summary.document { continue }
            latest[unit, default: [:]][year] = summary
        }
        var checks: [CarryOver] = []
        for unit in latest.keys.sorted() {
            let years = latest[unit] ?? [:]
            for year in years.keys.sorted() {
                guard let current = years[year], let previous = years[year - 1],
                    let opening = current.openingBalanceFen, let closing = previous.closingBalanceFen
                else { continue }
                let (difference, overflow) = opening.subtractingReportingOverflow(closing)
                checks.append(
                    CarryOver(
                        unit: unit, year: year, openingFen: opening, previousClosingFen: closing,
                        differenceFen: overflow ? nil : difference, document: current.document,
                        previousDocument: previous.document, matches: opening == closing))
            }
        }
        return checks
    }
}
