import BudgetLensCore
import BudgetLensReader
import Foundation
import Testing

/// Raw `pdftotext` text (no `-layout`) of 公开06 made here: the codes, labels and amounts in runs as poppler prints
/// them (RawTextEconomicTable). The amounts are placed by 06-1/06-2/06-3 alone; a reading is taken only when one
/// is left, else the cells every reading gives alike are read and the others left unread.
@Suite("raw pdftotext 公开06")
struct RawTextEconomicTests {
    /// A raw 公开06 with the rows `rows` (code, label; labels may be given in pieces with `|`), the amounts `amounts`
    /// in the order given, the codes split into 类 and 款 (`301` `01`) as the ONLYOFFICE PDF prints them when
    /// `split`, else whole (`30101`).
    static func text(rows: [(String, String)], amounts: [String], split: Bool = false) -> String {
        var lines = ["一般公共预算财政拨款基本支出决算表", "单位：万元", "经济分类", "科目编码", "科目名称", "决算数"]
        // Codes first (in runs), then the labels, then the amounts mixed in from the middle, as raw text does.
        for (code, _) in rows {
            if split {
                lines.append(String(code.prefix(3)))
                if code.count == 5 { lines.append(String(code.suffix(2))) }
            } else {
                lines.append(code)
            }
        }
        let labels = rows.flatMap { $0.1.split(separator: "|").map(String.init) }
        let middle = labels.count / 2
        lines += labels[..<middle]
        lines += amounts
        lines += labels[middle...]
        lines += ["人员经费合计", "公用经费合计", "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。", "财政拨款“三公”经费支出决算表"]
        return lines.joined(separator: "\n\n") + "\n"
    }

    /// `code|item|value` of every cell of 公开06, in hundredths of 万元 (blank 0).
    private func cells(_ disclosure: Disclosure) -> [String] {
        disclosure.table(.generalBudgetBasicExpenditure)?.rows.flatMap { row in
            row.cells.map { "\(row.code ?? "")|\(row.item)|\(($0.value?.fen ?? 0) / 10_000)" }
        }.sorted() ?? []
    }

    /// As ``cells(_:)``, a cell not read (its place left open by the identities) `-`.
    private func readCells(_ disclosure: Disclosure) -> [String] {
        disclosure.table(.generalBudgetBasicExpenditure)?.rows.flatMap { row in
            row.cells.map { "\(row.code ?? "")|\(row.item)|" + ($0.value.map { String($0.fen / 10_000) } ?? "-") }
        }.sorted() ?? []
    }

    private func read(_ text: String) throws -> Disclosure {
        try DisclosureReader.read(data: Data(text.utf8), file: "raw06.txt")
    }

    static let oneItemEach: [(String, String)] = [
        ("301", "工资福利支出"), ("30101", "基本工资"), ("303", "对个人和家庭的补助"), ("30302", "退休费"),
        ("302", "商品和服务支出"), ("30201", "办公费"), ("310", "资本性支出"), ("31002", "办公设备购置"),
    ]

    @Test("one 类 a side, each 类's 款 one value: the identities settle every amount, read to exact cells (whole and split codes)", arguments: [false, true])
    func settled(split: Bool) throws {
        // 人员经费合计 = 301 = 30101 = 120.50; 公用经费合计 = 302 = 40.00 = 30201 20.00 + 30202 20.00. The other way
        // round (人员 40.00) the three 120.50 find no room: one reading.
        let rows = [("301", "工资福利支出"), ("30101", "基本工资"), ("302", "商品和服务支出"), ("30201", "办公费"), ("30202", "印刷费")]
        let amounts = ["20.00", "120.50", "40.00", "120.50", "20.00", "40.00", "120.50"]
        let disclosure = try read(Self.text(rows: rows, amounts: amounts, split: split))
        let expected = [
            "301|工资福利支出|12050", "30101|基本工资|12050", "|人员经费合计|12050", "302|商品和服务支出|4000", "30201|办公费|2000",
            "30202|印刷费|2000", "|公用经费合计|4000",
        ]
        #expect(cells(disclosure) == expected.sorted())
        #expect(!disclosure.problems.contains { $0.table == .generalBudgetBasicExpenditure && $0.severity != .info })
    }

    @Test("a 类 with two 款 holding different amounts: both placements fit — read in part, those two 款 unread, both named")
    func permutationNamed() throws {
        // 301 = 100.00 = 60.00 + 40.00: 60.00 may be 基本工资's or 津贴补贴's; 302 = 15.00 = 5.00 × 3. The sides cannot
        // swap (302's three 款 could hold 60.00 + 40.00, but 301's two cannot make 15.00 of the 5.00s).
        let rows = [
            ("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴"), ("302", "商品和服务支出"), ("30201", "办公费"),
            ("30202", "印刷费"), ("30203", "咨询费"),
        ]
        let amounts = ["100.00", "60.00", "5.00", "40.00", "15.00", "5.00", "100.00", "5.00", "15.00"]
        let disclosure = try read(Self.text(rows: rows, amounts: amounts))
        let expected = [
            "301|工资福利支出|10000", "30101|基本工资|-", "30102|津贴补贴|-", "|人员经费合计|10000", "302|商品和服务支出|1500",
            "30201|办公费|500", "30202|印刷费|500", "30203|咨询费|500", "|公用经费合计|1500",
        ]
        #expect(readCells(disclosure) == expected.sorted())
        #expect(!disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .generalBudgetBasicExpenditure })
        let note = disclosure.problems.first { $0.code == "table.ambiguous" && $0.table == .generalBudgetBasicExpenditure }
        #expect(note?.severity == .warning)
        #expect(
            note?.message.contains("301 工资福利支出的 2 个款金额可在其 2 个款中任意排列（类 = Σ 款 不能区分）：60.00→30101 基本工资 | 60.00→30102 津贴补贴"
                + "；301 工资福利支出的 2 个款 未读取") == true,
            "\(note?.message ?? "")")
    }

    @Test("two splits of the amounts between the 类 fit (301 = 6.00 and 303 = 4.00, or the other way): read in part, those four cells unread, both named")
    func splitsNamed() throws {
        // 人员经费合计 10.00 = 301 + 303, each 类 = its one 款: 6.00 / 4.00 either way round; 公用经费 5.00 = 302 = 30201
        // (the sides cannot swap: 302's one 款 has no second 10.00).
        let rows = Array(Self.oneItemEach.prefix(6))
        let amounts = ["6.00", "6.00", "4.00", "4.00", "10.00", "5.00", "5.00", "5.00"]
        let disclosure = try read(Self.text(rows: rows, amounts: amounts))
        let expected = [
            "301|工资福利支出|-", "30101|基本工资|-", "303|对个人和家庭的补助|-", "30302|退休费|-", "|人员经费合计|1000",
            "302|商品和服务支出|500", "30201|办公费|500", "|公用经费合计|500",
        ]
        #expect(readCells(disclosure) == expected.sorted())
        let note = disclosure.problems.first { $0.code == "table.ambiguous" && $0.table == .generalBudgetBasicExpenditure }
        #expect(note?.message.contains("301 工资福利支出 6.00 | 301 工资福利支出 4.00；301 工资福利支出、303 对个人和家庭的补助、"
            + "301 工资福利支出的 1 个款、303 对个人和家庭的补助的 1 个款 未读取") == true, "\(note?.message ?? "")")
    }

    @Test("a planted mis-sum (人员经费合计 123.77 ≠ 120.50 + 3.25): no reading, not read, said so")
    func misSum() throws {
        let amounts = ["40.00", "120.50", "123.77", "3.25", "2.10", "120.50", "40.00", "3.25", "42.10", "2.10"]
        let disclosure = try read(Self.text(rows: Self.oneItemEach, amounts: amounts))
        #expect(disclosure.table(.generalBudgetBasicExpenditure) == nil)
        let note = disclosure.problems.first { $0.code == "page-text.row-unplaced" && $0.table == .generalBudgetBasicExpenditure }
        #expect(note?.severity == .warning)
        #expect(note?.message.contains("没有一种放置满足勾稽关系") == true, "\(note?.message ?? "")")
    }

    @Test("a wrapped, letter-spaced label (因 公 出 国 （ 境 ） 费 / 用) is its standard row; a label no standard row has: not read")
    func labels() throws {
        var rows = Self.oneItemEach
        rows.insert(("30212", "因 公 出 国 （ 境 ） 费|用"), at: 6)
        let amounts = ["40.00", "120.50", "123.75", "3.25", "2.10", "120.50", "40.00", "3.25", "42.10", "2.10"]
        let disclosure = try read(Self.text(rows: rows, amounts: amounts))
        // 302 now has two 款 (办公费, 因公出国（境）费用) and one 40.00: either could hold it (and 302 / 310 may
        // swap: 06-3 sums them).
        let note = disclosure.problems.first { $0.code == "table.ambiguous" && $0.table == .generalBudgetBasicExpenditure }
        #expect(note?.message.contains("40.00→30201 办公费 | 40.00→30212 因公出国（境）费用") == true, "\(note?.message ?? "")")
        rows[6] = ("30212", "因公出国补助")
        let unknown = try read(Self.text(rows: rows, amounts: amounts))
        #expect(unknown.table(.generalBudgetBasicExpenditure) == nil)
        #expect(!unknown.problems.contains { $0.code == "table.ambiguous" && $0.table == .generalBudgetBasicExpenditure })
    }

    @Test("no amount (a blank template): every row read blank")
    func blank() throws {
        let disclosure = try read(Self.text(rows: Self.oneItemEach, amounts: []))
        #expect(cells(disclosure).count == 10)
        #expect(cells(disclosure).allSatisfy { $0.hasSuffix("|0") })
    }
}
