import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// Raw `pdftotext` (no `-layout`) text of the five corpus PDFs, made here with poppler: 公开06 as the PDF gives it
/// (RawTextEconomicTable). The blank template reads to the PDF's 67 cells; in the four with amounts the identities
/// (06-1 to 06-3, X-11) leave two or more readings — every 类 has 款 with different amounts, and swapping two keeps
/// every sum; the 类 of one side, and the two sides' totals, swap as well — so the table is read in part: its rows
/// (codes, labels) as the PDF's, no amount (never a wrong cell), and a `table.ambiguous` warning names two readings.
/// Skipped without the tools unless `BUDGETLENS_TEST_TOOLS=1` (CI), where it fails.
@Suite("Raw pdftotext 公开06 of the corpus PDFs", .enabled(if: ExtractionTools.shouldRun))
struct RawText06Tests {
    /// The readings each PDF's warning names (after `未读取本表：`), checked by hand (python3 decimal): e.g. the 财政局
    /// PDF's 302 款 sum to 171.09 (171.07 printed) and 310's to 13.58; with 13.58 among 302's 款 and 11.53, 2.01, 0.09
    /// 310's, 171.04 and 13.63: every sum within the checks' 尾数误差 (0.005 a term, at most 0.05).
    static let readings: [String: String] = [
        "pdf/24年普陀区财政局（测试问题版本）.pdf": finance,
        "pdf/上海市普陀区财政局2024年度部门决算.pdf": finance,
        "pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf":
            "301 工资福利支出的 9 个款金额可在其 13 个款中任意排列（类 = Σ 款 不能区分）：1594.02→30101 基本工资 | 1594.02→30102 津贴补贴"
            + "；款的分属也有两种：303 对个人和家庭的补助的款 56.29、8.05、2.40、1.21 | 303 对个人和家庭的补助的款 67.96",
        "pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf":
            "301 工资福利支出的 9 个款金额可在其 13 个款中任意排列（类 = Σ 款 不能区分）：39.72→30101 基本工资 | 39.72→30102 津贴补贴"
            + "；款的分属也有两种：301 工资福利支出的款 39.72、17.70、14.12、10.16、6.18、4.64、2.71、0.09、0.04 | "
            + "301 工资福利支出的款 39.72、17.70、14.12、10.16、6.18、4.64、2.71、0.09、0.04、0.02",
    ]
    static let finance =
        "301 工资福利支出的 8 个款金额可在其 13 个款中任意排列（类 = Σ 款 不能区分）：1,238.58→30101 基本工资 | 1,238.58→30102 津贴补贴"
        + "；款的分属也有两种：302 商品和服务支出的款 48.49、42.77、24.42、21.21、11.53、7.61、4.88、4.05、2.83、2.01、1.20、0.09 | "
        + "302 商品和服务支出的款 48.49、42.77、24.42、21.21、13.58、7.61、4.88、4.05、2.83、1.20"

    /// 公开06's cells as compared (ExtractionFormsTests.cells).
    static func cells(_ disclosure: Disclosure) -> [String] {
        ExtractionFormsTests.cells(disclosure).filter { $0.hasPrefix("06|") }
    }

    /// The findings about 公开06 (its rules, X-11, X-15, any finding placed in it) but the reading notes (F-READ):
    /// rule, severity, table, code, item, column.
    static func findings06(_ disclosure: Disclosure) throws -> [String] {
        RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure).findings
            .filter { $0.rule != "F-READ" && ($0.rule.hasPrefix("06-") || ["X-11", "X-15"].contains($0.rule) || $0.location.table == "公开06") }
            .map {
                [$0.rule, $0.severity.rawValue, $0.location.table ?? "", $0.location.code ?? "", $0.location.item ?? "",
                    $0.location.column.map(String.init) ?? ""].joined(separator: "|")
            }.sorted()
    }

    @Test("each corpus PDF's raw text: 公开06 read to the PDF's cells where one reading is left, else read in part (the PDF's rows, no amount) with two readings named; no finding about 公开06 the PDF does not give",
        arguments: Seed.shanghaiPDFs.map(\.pdf))
    func rawBasicExpenditure(pdf name: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(name))
        let raw = try DisclosureReader.read(path: try ExtractionTools.extract(.raw, from: Seed.corpusPath(name), into: folder))
        let notes = raw.problems.filter {
            $0.table == .generalBudgetBasicExpenditure
                && ["page-text.placement-ambiguous", "page-text.row-unplaced", "table.ambiguous"].contains($0.code)
        }
        if let readings = Self.readings[name] {
            // The PDF's rows and cells, every one without a value.
            func withoutValue(_ cell: String) -> String { cell.split(separator: "|", omittingEmptySubsequences: false).dropLast().joined(separator: "|") + "|-" }
            #expect(Self.cells(raw) == Self.cells(pdf).map(withoutValue), "\(name)")
            #expect(Self.cells(raw).count == (name.contains("规划") || name.contains("社会工作部") ? 67 : 66))
            #expect(notes.count == 1)
            let note = try #require(notes.first)
            #expect(note.code == "table.ambiguous" && note.severity == .warning)
            #expect(
                note.message == "公开06：原始文本中金额与行的对应有两种以上读法均满足勾稽关系（含与公开05的关系），无法确定：" + readings
                    + "；全部 \(Self.cells(raw).count) 个单元格 未读取（本表只读取了一部分；各读法一致的单元格已读取） — raw text "
                    + "detaches the amounts from their labels and two or more readings satisfy the identities, those with "
                    + "公开05 included; the \(Self.cells(raw).count) cells they place differently are not read, the cells every "
                    + "reading gives alike are",
                "\(note.message)")
            #expect(!raw.problems.contains { $0.code == "table.not-understood" && $0.table == .generalBudgetBasicExpenditure })
            // Read in part: 公开06's rules are not checked on its amounts (无法审核, never a finding on a value).
            // Every other finding about 公开06 is the PDF's (F-TITLE: the printed title is 基本支出决算表).
            let rules = try Self.findings06(raw)
            let fromPDF = try Self.findings06(pdf)
            #expect(!rules.isEmpty && rules.allSatisfy { $0.split(separator: "|")[1] == "warning" || fromPDF.contains($0) }, "\(rules)")
            let findings = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: raw).findings
                .filter { $0.rule.hasPrefix("06-") || $0.rule == "X-11" }
            #expect(findings.allSatisfy { $0.message.contains("无法审核，公开06[") }, "\(findings.map(\.message))")
            #expect(Set(findings.map(\.rule)).isSuperset(of: ["06-1", "06-2", "06-3", "X-11"]))
        } else {
            // The blank template: its 65 rows and the two totals, as the PDF (67 cells, every one blank).
            #expect(Self.cells(raw).count == 67)
            #expect(Self.cells(raw) == Self.cells(pdf))
            #expect(notes.isEmpty)
            let fromPDF = try Self.findings06(pdf)
            let fromText = try Self.findings06(raw)
            #expect(fromText.allSatisfy { fromPDF.contains($0) }, "\(fromText) vs \(fromPDF)")
        }
    }
}

extension RawText06Tests {
    @Test("规划和自然资源局's raw text: the 情况说明's 人员经费 and 公用经费, bound to 公开06's unread totals, are not checked — said so (N-BIND warnings), where the PDF finds 人员经费 misstated")
    func narrativeNotChecked() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = try #require(Seed.shanghaiPDFs.map(\.pdf).first { $0.contains("规划") })
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(name))
        let raw = try DisclosureReader.read(path: try ExtractionTools.extract(.raw, from: Seed.corpusPath(name), into: folder))
        func bind(_ disclosure: Disclosure) throws -> [Finding] {
            RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure).findings.filter {
                $0.rule == "N-BIND" && ($0.message.contains("“人员经费”") || $0.message.contains("“公用经费”"))
            }
        }
        // The PDF: 人员经费 4,896.98 in the text, 4,884.09 in 公开06 (an error); 公用经费 480.66 agrees (silent).
        let fromPDF = try bind(pdf)
        #expect(fromPDF.count == 1 && fromPDF[0].severity == .error && fromPDF[0].message.contains("表中为4884.09万元"))
        // The raw text: both not checked, each naming its unread cell.
        let fromRaw = try bind(raw).map { "\($0.severity.rawValue) \($0.message)" }.sorted()
        #expect(fromRaw == [
            "warning 情况说明所述金额与表内数一致：“人员经费”文中为4896.98万元：无法审核，公开06[人员经费合计,1] 未读取（见读取问题）",
            "warning 情况说明所述金额与表内数一致：“公用经费”文中为480.66万元：无法审核，公开06[公用经费合计,1] 未读取（见读取问题）",
        ].sorted(), "\(fromRaw)")
    }
}
