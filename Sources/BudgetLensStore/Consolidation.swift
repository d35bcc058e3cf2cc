import BudgetLensCore
import BudgetLensReader
import Foundation

/// A 汇总 document against its member units' documents (DOMAIN §5.2 C-1: every 公开01 amount of the 汇总 is the
/// sum of the members' unit-level amounts), for `report`.
///
/// **Membership is derived, not given**: the documents carry no list of members in a structured form. A stored
/// document of the same year is taken as a member when it is not itself a 汇总 and either (a) has the 汇总's own
/// unit name, the scope aside (its 本级 document: `曾都区医疗保障局（本级）`) or (b) its unit name is printed in the 汇总's 部门概况 (the 机构设置 /
/// 部门决算编制范围 text, DOMAIN §5.1). A member the 汇总 names but the store lacks cannot be found: the sums
/// are then compared over the members found, and the check says how many were found (docs/store2.md).
public enum Consolidation {
    /// One 公开01 cell whose 汇总 amount differs from the members' sum by more than the tolerance.
    public struct Difference: Sendable, Codable, Hashable {
        /// 行次 (standard).
        public var line: Int
        /// 栏次.
        public var column: Int
        /// The row's item.
        public var item: String
        /// The 汇总's amount, in 分.
        public var consolidatedFen: Int64
        /// Σ members, in 分 (members without the cell count 0: blank means zero, DOMAIN §0.2).
        public var membersFen: Int64
        /// `consolidatedFen − membersFen`, in 分.
        public var differenceFen: Int64
    }

    /// One 汇总 document checked.
    public struct Check: Sendable, Codable, Hashable {
        /// The 主管部门.
        public var unit: String
        /// The year.
        public var year: Int
        /// The 汇总 document.
        public var document: Int64
        /// The member documents found, by id.
        public var members: [Int64]
        /// Their unit names, parallel to `members`.
        public var memberUnits: [String]
        /// 尾数误差 allowed per cell, in 分: half the last printed digit (0.005 万元 = 5,000 分) per member, since each
        /// member's figure is rounded on its own.
        public var toleranceFen: Int64
        /// The cells that do not add up, by 行次 then 栏次.
        public var differences: [Difference]
    }

    /// The checks of every 汇总 document among `summaries` that has at least one member found.
    ///
    /// - Throws: a store error, or ``ReadError`` when a stored export cannot be decoded.
    public static func checks(in summaries: [DocumentSummary], store: any DisclosureStore) async throws -> [Check] {
        let scopes = try await store.documentScopes()
        let consolidated = summaries.filter { scopes[$0.document] == Scope.consolidated.rawValue }
        var checks: [Check] = []
        for head in consolidated {
            guard let unit = head.unit, let year = head.year else { continue }
            let disclosure = try DisclosureJSON.decode(try await store.disclosureJSON(document: head.document), file: head.file)
            let overview = disclosure.parts.filter { $0.role == .overview }
                .flatMap { $0.body.lines.map(\.text) }.joined(separator: "\n")
            var latestByUnit: [String: DocumentSummary] = [:]
            for candidate in summaries where candidate.year == year && candidate.document != head.document {
                guard let name = candidate.unit, scopes[candidate.document] != Scope.consolidated.rawValue,
                    baseName(name) == baseName(unit) || overview.contains(baseName(name))
                else { continue }
                if let kept = latestByUnit[name], kept.document > candidate.document { continue }
                latestByUnit[name] = candidate
            }
            guard !latestByUnit.isEmpty else { continue }
            let members = latestByUnit.values.sorted { $0.document < $1.document }
            var sums: [CellKey: Int64] = [:]
            for member in members {
                let memberDisclosure = try DisclosureJSON.decode(
                    try await store.disclosureJSON(document: member.document), file: member.file)
                for (key, cell) in amounts(memberDisclosure) {
                    let (sum, overflow) = sums[key, default: 0].addingReportingOverflow(cell.fen)
                    guard !overflow else { continue }
                    sums[key] = sum
                }
            }
            let tolerance = Int64(members.count) * halfUnit(disclosure)
            var differences: [Difference] = []
            let own = amounts(disclosure)
            for key in Set(own.keys).union(sums.keys).sorted() {
                let consolidatedFen = own[key]?.fen ?? 0
                let membersFen = sums[key] ?? 0
                let (difference, overflow) = consolidatedFen.subtractingReportingOverflow(membersFen)
                guard overflow || difference.magnitude > tolerance.magnitude else { continue }
                differences.append(
                    Difference(
                        line: key.line, column: key.column, item: own[key]?.item ?? "", consolidatedFen: consolidatedFen,
                        membersFen: membersFen, differenceFen: overflow ? .max : difference))
            }
            checks.append(
                Check(
                    unit: unit, year: year, document: head.document, members: members.map(\.document),
                    memberUnits: members.map { $0.unit ?? "" }, toleranceFen: tolerance, differences: differences))
        }
        return checks
    }

    /// A unit name without its scope: `曾都区医疗保障局（汇总）` → `曾都区医疗保障局`.
    static func baseName(_ name: String) -> String {
        var base = name
        for suffix in ["（汇总）", "（本级）", "(汇总)", "(本级)"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
        }
        return base
    }

    struct CellKey: Hashable, Comparable {
        var line: Int
        var column: Int
        static func < (a: CellKey, b: CellKey) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// 公开01's amounts by (standard 行次, 栏次).
    static func amounts(_ disclosure: Disclosure) -> [CellKey: (fen: Int64, item: String)] {
        var result: [CellKey: (fen: Int64, item: String)] = [:]
        guard let table = disclosure.table(.incomeExpenditureSummary) else { return result }
        for row in table.rows {
            guard let line = row.standardLine ?? row.line else { continue }
            for cell in row.cells {
                guard let money = cell.value else { continue }
                result[CellKey(line: line, column: cell.column)] = (money.fen, row.item)
            }
        }
        return result
    }

    /// Half the last printed digit (two decimals of the table's unit), in 分: 0.005 万元 = 5,000 分; 0 for 元
    /// (printed to the 分).
    static func halfUnit(_ disclosure: Disclosure) -> Int64 {
        let unit = disclosure.table(.incomeExpenditureSummary)?.moneyUnit ?? disclosure.header.moneyUnit ?? .wanYuan
        return unit.fenPerUnit / 200
    }
}
