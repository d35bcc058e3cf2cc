import ArgumentParser
import BudgetLensCore
import BudgetLensStore
import Foundation

/// `budgetlens report`: per unit and year the totals and findings, and the data-quality ranking.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report on the store: per unit and year the 公开01 totals and findings, and a data-quality ranking.",
        discussion: """
            Findings are those of each document's latest check: errors (beyond the rounding tolerance), warnings, \
            rounding (尾数误差). Units are ranked by errors, then warnings, then rounding findings per document. \
            Between consecutive years of a unit, 年初结转和结余 (公开01 行29) is checked against last year's \
            年末结转和结余 (行60).

            Exit codes: 0 done; 2 the store cannot be read.

            Examples:
              budgetlens report --db lens.sqlite
              budgetlens report --db lens.sqlite --year 2024 --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var store: StoreOptions

    @Option(help: "Only this unit (单位/部门 name as printed).")
    var unit: String?

    @Option(help: "Only this fiscal year.")
    var year: Int?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let storeOptions = store
        let unit = unit
        let year = year
        let summaries = try awaitStore {
            try await storeOptions.open().summaries(unit: unit, year: year)
        }
        let report = StoreReport(summaries: summaries)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try writeOutput(try encoder.encode(report) + Data("\n".utf8))
        case .text:
            print(Self.text(report))
        }
    }

    static func text(_ report: StoreReport) -> String {
        var lines = ["单位 unit\t年度 year\t文档 docs\t本年收入合计(万元)\t本年支出合计(万元)\t错误 errors\t警告 warnings\t尾数误差 rounding\t合计一致 totals agree"]
        for row in report.unitYears {
            lines.append(
                [
                    row.unit, row.year.map(String.init) ?? "-", String(row.documents),
                    row.incomeTotalFen.map { Money(fen: $0).decimalString(in: .wanYuan) } ?? "-",
                    row.expenditureTotalFen.map { Money(fen: $0).decimalString(in: .wanYuan) } ?? "-",
                    String(row.errors), String(row.warnings), String(row.rounding),
                    row.totalsAgree ? "是 yes" : "否 no",
                ].joined(separator: "\t"))
        }
        lines.append("")
        let broken = report.carryOvers.filter { !$0.matches }
        lines.append(
            "年初结转和结余核对 carry-over (公开01 行29 = 上年 行60): \(report.carryOvers.count) pairs of consecutive years, \(broken.count) broken")
        for check in broken {
            let opening = Money(fen: check.openingFen).decimalString(in: .wanYuan)
            let closing = Money(fen: check.previousClosingFen).decimalString(in: .wanYuan)
            lines.append(
                "  错误 error \(check.unit) \(check.year): 年初结转和结余 \(opening) ≠ \(check.year - 1)年 年末结转和结余 \(closing)（万元; documents #\(check.document), #\(check.previousDocument)）")
        }
        lines.append("")
        lines.append("数据质量排名 data-quality ranking (errors, warnings, rounding per document)")
        for rank in report.ranking {
            lines.append(
                "\(rank.rank). \(rank.unit): \(rank.documents) docs, \(rank.errors) errors, \(rank.warnings) warnings, \(rank.rounding) rounding")
        }
        return lines.joined(separator: "\n")
    }
}
