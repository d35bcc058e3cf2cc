import ArgumentParser
import BudgetLensCore
import BudgetLensRules
import BudgetLensStore
import Foundation

/// `budgetlens report`: per unit and year the totals and findings, and the data-quality ranking.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "数据库报告：各单位各年度合计、审核结果与数据质量排名。Report on the store: per unit and year the 公开01 totals and findings, and a data-quality ranking.",
        discussion: """
            Findings are those of each document's latest check: errors (beyond the rounding tolerance), warnings, \
            rounding (尾数误差). Units are ranked by errors, then warnings, then rounding findings per document. \
            Between consecutive years of a unit, 年初结转和结余 (公开01 行29) is checked against last year's \
            年末结转和结余 (行60).

            --format json writes snake_case keys (`unit_years`, `income_total_fen`, `carry_overs`), as the \
            server's /api/report does.

            Exit codes: 0 done; 2 the store cannot be read.

            Examples:
              budgetlens report --db lens.sqlite
              budgetlens report --db lens.sqlite --year 2024 --format json
              budgetlens report --db lens.sqlite --failing 01-1 --limit 100 --offset 100
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html, xlsx }

    @OptionGroup var store: StoreOptions

    @Option(help: "Only this unit (单位/部门 name as printed).")
    var unit: String?

    @Option(help: "Only this fiscal year.")
    var year: Int?

    @Option(help: "Output format: text, json, html or xlsx (xlsx needs --output).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "The file to write (default: standard output; required for xlsx).")
    var output: String?

    @Option(name: .customLong("skip"), help: ArgumentHelp("Year-on-year rule ids to leave out (Y-*, repeatable).", valueName: "pattern"))
    var skipped: [String] = []

    @Option(help: ArgumentHelp("Instead of the report: the documents whose latest check has a finding of this rule, one page at a time (unit, year, id order).", valueName: "rule"))
    var failing: String?

    @Option(help: "With --failing: documents per page (1–10000; default 100).")
    var limit: Int?

    @Option(help: "With --failing: documents skipped before the page (default 0).")
    var offset: Int?

    func run() throws {
        if let output { try AtomicFile.refuseOverwriting([store.location], with: output) }
        if let failing { return try runFailing(rule: failing) }
        if limit != nil || offset != nil {
            throw CommandFailure(
                place: "", chinese: "--limit、--offset 只用于 --failing（翻页列出某条规则的不通过文档）",
                english: "--limit and --offset page the documents of --failing RULE; without --failing they mean nothing")
        }
        let storeOptions = store
        let unit = unit
        let year = year
        let skipped = skipped
        if format == .xlsx, output == nil {
            throw CommandFailure(place: "", chinese: "--format xlsx 需要 --output 文件", english: "--format xlsx needs --output FILE")
        }
        let report = try awaitStore {
            let store = try await storeOptions.openExisting()
            return try await StoreReport.full(
                summaries: try await store.summaries(unit: unit, year: year), store: store, skipping: skipped)
        }
        let bytes: Data
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase  // as `/api/report` and `--failing` (`unit_years`, `income_total_fen`)
            bytes = try encoder.encode(report) + Data("\n".utf8)
        case .text:
            bytes = Data((Self.text(report) + "\n").utf8)
        case .html:
            bytes = Data(StoreReportDocuments.html(report).utf8)
        case .xlsx:
            do {
                bytes = try StoreReportDocuments.xlsx(report)
            } catch {
                throw CommandFailure(place: output ?? "", chinese: "无法生成 XLSX：\(error)", english: "cannot make the XLSX: \(error)")
            }
        }
        if let output { try AtomicFile.write(bytes, to: output) } else { try writeOutput(bytes) }
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
                    !row.totalsRead ? "未读取 not read" : row.totalsAgree ? "是 yes" : "否 no",
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
        let failing = report.yearOverYear.filter { !$0.findings.isEmpty }
        lines.append(
            "上下年核对 year-on-year (Y-YEAR, Y-UNIT, Y-CARRY-01/04, Y-NARR): \(report.yearOverYear.count) pairs, \(failing.count) with findings")
        for pair in failing {
            for finding in pair.findings {
                lines.append(
                    "  \(finding.severity) \(finding.rule) \(pair.unit) \(pair.year) (#\(pair.document) vs #\(pair.previousDocument)): \(finding.message)")
            }
        }
        lines.append("")
        lines.append(
            "汇总核对 consolidation (公开01 汇总 = Σ 成员单位, DOMAIN §5.2 C-1): \(report.consolidations.count) 汇总 documents with members found")
        for check in report.consolidations {
            let members = zip(check.members, check.memberUnits).map { "#\($0) \($1)" }.joined(separator: ", ")
            lines.append(
                "  \(check.unit) \(check.year) #\(check.document): members \(members); \(check.differences.count) cells differ (尾数误差 \(Money(fen: check.toleranceFen).decimalString(in: .wanYuan)) 万元)")
            for difference in check.differences {
                lines.append(
                    "    错误 error 公开01 行\(difference.line) 栏\(difference.column) \(difference.item): 汇总 \(Money(fen: difference.consolidatedFen).decimalString(in: .wanYuan)) ≠ Σ 成员 \(Money(fen: difference.membersFen).decimalString(in: .wanYuan))（万元）")
            }
        }
        lines.append("")
        lines.append("数据质量排名 data-quality ranking (errors, warnings, rounding per document)")
        for rank in report.ranking {
            lines.append(
                "\(rank.rank). \(rank.unit): \(rank.documents) docs, \(rank.errors) errors, \(rank.warnings) warnings, \(rank.rounding) rounding")
        }
        for rank in report.unranked {
            lines.append(
                "—. \(rank.unit): 空白模板，不参与排名 blank template, not ranked (\(rank.documents) docs, \(rank.errors) errors)")
        }
        return lines.joined(separator: "\n")
    }
}
