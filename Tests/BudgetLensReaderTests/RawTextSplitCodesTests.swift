import BudgetLensCore
import BudgetLensReader
import Foundation
import Testing

/// Raw `pdftotext` text of a code table whose codes are printed apart, one part a line (`201` / `06` / `01`), as
/// poppler prints the ONLYOFFICE 财政局 PDFs: the codes are rebuilt from their 类, 款 and 项 parts
/// (RawTextSplitCodes), then the amounts cut into rows by the identities (RawTextCodeTable).
@Suite("raw pdftotext code tables with codes printed apart")
struct RawTextSplitCodesTests {
    /// 公开05 with its 类 parts first, then the 款 and 项 parts interleaved (款 01 of 201, its two 项 01 and 02 after
    /// the 款 parts of their rows, then 208's), labels, and amounts row by row (the 合计 row's last).
    static func generalBudget(parts: String = "01\n01\n01\n01\n02\n05\n05\n05", amounts: String? = nil) -> String {
        let rows = amounts ?? """
            100.00
            60.00
            40.00
            100.00
            60.00
            40.00
            60.00
            60.00
            40.00
            40.00
            20.00
            20.00
            20.00
            20.00
            20.00
            20.00
            120.00
            80.00
            40.00
            """
        return """
            一般公共预算财政拨款支出决算表
            单位：万元
            项目
            支出功能分类
            科目编码
            类
            款
            项
            201
            201
            201
            201
            208
            208
            208
            \(parts)
            合计
            基本支出
            项目支出
            科目名称
            一般公共服务支出
            人大事务
            行政运行
            一般行政管理事务
            社会保障和就业支出
            行政事业单位养老支出
            机关事业单位基本养老保险缴费支出
            \(rows)
            合计
            注：本表反映部门本年度一般公共预算财政拨款支出情况。
            """
    }

    /// `code|label|column|value` of every cell with money of 公开05.
    private func cells(_ disclosure: Disclosure) -> [String] {
        disclosure.table(.generalBudgetExpenditure)?.rows.flatMap { row in
            row.cells.compactMap { cell in
                guard let fen = cell.value?.fen, fen != 0 else { return nil }
                return "\(row.code ?? "")|\(row.item)|\(cell.column)|\(fen / 10_000)"
            }
        } ?? []
    }

    private func read(_ text: String) throws -> Disclosure {
        try DisclosureReader.read(data: Data(text.utf8), file: "raw.txt")
    }

    @Test("codes rebuilt from their 类/款/项 parts (款 before 项, a row's parts in order) and the cells placed")
    func partsRebuilt() throws {
        let disclosure = try read(Self.generalBudget())
        #expect(cells(disclosure) == [
            "|合计|1|12000", "|合计|2|8000", "|合计|3|4000",
            "201|一般公共服务支出|1|10000", "201|一般公共服务支出|2|6000", "201|一般公共服务支出|3|4000",
            "20101|人大事务|1|10000", "20101|人大事务|2|6000", "20101|人大事务|3|4000",
            "2010101|行政运行|1|6000", "2010101|行政运行|2|6000",
            "2010102|一般行政管理事务|1|4000", "2010102|一般行政管理事务|3|4000",
            "208|社会保障和就业支出|1|2000", "208|社会保障和就业支出|2|2000",
            "20805|行政事业单位养老支出|1|2000", "20805|行政事业单位养老支出|2|2000",
            "2080505|机关事业单位基本养老保险缴费支出|1|2000", "2080505|机关事业单位基本养老保险缴费支出|2|2000",
        ])
        #expect(disclosure.problems.filter { $0.table == .generalBudgetExpenditure }.isEmpty)
        // The same parts printed row by row (201 / 01 / 01 …) give the same codes.
        let rowByRow = try read(Self.generalBudget(parts: "01\n01\n01\n01\n02\n05\n05\n05").replacingOccurrences(
            of: "201\n201\n201\n201\n208\n208\n208\n01\n01\n01\n01\n02\n05\n05\n05",
            with: "201\n201\n01\n201\n01\n01\n201\n01\n02\n208\n208\n05\n208\n05\n05"))
        #expect(cells(rowByRow) == cells(disclosure))
    }

    @Test("parts that make no code list (a stray 款 part, a 项 part missing) leave the table unread and reported")
    func strayPartNotRead() throws {
        for parts in ["01\n01\n01\n01\n02\n05\n05\n05\n07", "01\n01\n01\n01\n05\n05\n05", "01\n01\n01\n02\n01\n05\n05\n05"] {
            let disclosure = try read(Self.generalBudget(parts: parts))
            #expect(disclosure.table(.generalBudgetExpenditure) == nil, "\(parts)")
            #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .generalBudgetExpenditure })
        }
    }

    @Test("a table one amount short (208's 基本支出 dropped) is not understood: nothing is placed")
    func amountShort() throws {
        let amounts = "100.00\n60.00\n40.00\n100.00\n60.00\n40.00\n60.00\n60.00\n40.00\n40.00\n20.00\n"
            + "20.00\n20.00\n20.00\n20.00\n120.00\n80.00\n40.00"
        let disclosure = try read(Self.generalBudget(amounts: amounts))
        #expect(disclosure.table(.generalBudgetExpenditure) == nil)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .generalBudgetExpenditure })
        #expect(!disclosure.problems.contains { $0.code == "page-text.placement-ambiguous" })
    }

    @Test("two placements left open (50 = 50 + blank in 基本支出 or in 项目支出): no cell, a warning naming both")
    func ambiguousPlacementNotRead() throws {
        let text = """
            一般公共预算财政拨款支出决算表
            单位：万元
            项目
            科目编码
            201
            201
            01
            合计
            基本支出
            项目支出
            科目名称
            一般公共服务支出
            人大事务
            50.00
            50.00
            50.00
            50.00
            50.00
            50.00
            注：本表反映部门本年度一般公共预算财政拨款支出情况。
            """
        let disclosure = try read(text)
        #expect(disclosure.table(.generalBudgetExpenditure) == nil)
        let notes = disclosure.problems.filter { $0.code == "page-text.placement-ambiguous" }
        #expect(notes.count == 1 && notes.first?.severity == .warning && notes.first?.table == .generalBudgetExpenditure)
        #expect(notes.first?.message.contains("50.00→基本支出") == true && notes.first?.message.contains("50.00→项目支出") == true)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .generalBudgetExpenditure })
    }

    @Test("hostile parts (thousands of 类 and 款 parts) end within the search bound, unread")
    func bounded() throws {
        // Within the part limit (300 rows of one 类, 800 parts: a deep search) and beyond it (2,000 and 3,000).
        for (classes, pieces) in [(300, 800), (2_000, 3_000)] {
            let parts = String(repeating: "01\n", count: pieces)
            let text = Self.generalBudget(parts: parts).replacingOccurrences(
                of: "201\n201\n201\n201\n208\n208\n208\n", with: String(repeating: "201\n", count: classes))
            let start = Date()
            let disclosure = try read(text)
            #expect(disclosure.table(.generalBudgetExpenditure) == nil, "\(classes)")
            #expect(Date().timeIntervalSince(start) < 20, "\(classes)")
        }
    }

    /// 公开05 printed column by column (the 财政局 PDF's order): every row's 合计, then 基本支出, then 项目支出, blank
    /// cells dropped, the 合计 row last in each column.
    static func columnBlocks(_ amounts: [String]) -> String {
        """
        一般公共预算财政拨款支出决算表
        单位：万元
        项目
        支出功能分类
        科目编码
        类
        201
        201
        201
        201
        款
        项
        01
        01
        01
        01
        02
        合计
        基本支出 项目支出
        科目名称
        一般公共服务支出
        人大事务
        行政运行
        一般行政管理事务
        合计
        \(amounts.joined(separator: "\n"))
        注：本表反映部门本年度一般公共预算财政拨款支出情况。
        """
    }

    @Test("amounts printed column by column are placed by each column's hierarchy and each row's identity")
    func columnBlocksRead() throws {
        let amounts = ["100.00", "100.00", "60.00", "40.00", "100.00", "60.00", "60.00", "60.00", "60.00",
            "40.00", "40.00", "40.00", "40.00"]
        let disclosure = try read(Self.columnBlocks(amounts))
        #expect(cells(disclosure) == [
            "|合计|1|10000", "|合计|2|6000", "|合计|3|4000",
            "201|一般公共服务支出|1|10000", "201|一般公共服务支出|2|6000", "201|一般公共服务支出|3|4000",
            "20101|人大事务|1|10000", "20101|人大事务|2|6000", "20101|人大事务|3|4000",
            "2010101|行政运行|1|6000", "2010101|行政运行|2|6000",
            "2010102|一般行政管理事务|1|4000", "2010102|一般行政管理事务|3|4000",
        ])
        #expect(disclosure.problems.filter { $0.table == .generalBudgetExpenditure }.isEmpty)
        // The 合计 row's 项目支出 keeps its line: the last amount (line 38).
        let total = disclosure.table(.generalBudgetExpenditure)?.rows.first { $0.item == "合计" }
        #expect(total?.cells.last?.source.line == 38)
    }

    @Test("column blocks that fit two readings (which 项 has the 基本支出 50) are not read; the warning names both")
    func columnBlocksOpen() throws {
        let amounts = ["100.00", "100.00", "50.00", "50.00", "100.00"] + Array(repeating: "50.00", count: 8)
        let disclosure = try read(Self.columnBlocks(amounts))
        #expect(disclosure.table(.generalBudgetExpenditure) == nil)
        let notes = disclosure.problems.filter { $0.code == "page-text.placement-ambiguous" }
        #expect(notes.count == 1 && notes.first?.severity == .warning)
        #expect(notes.first?.message.contains("2010101 50.00→合计，50.00→基本支出 | 2010101 50.00→合计，50.00→项目支出") == true)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .generalBudgetExpenditure })
    }

    @Test("column blocks one amount short (a 项's 合计 dropped) are not understood: nothing placed, nothing noted as open")
    func columnBlocksShort() throws {
        let amounts = ["100.00", "100.00", "60.00", "100.00", "60.00", "60.00", "60.00", "60.00",
            "40.00", "40.00", "40.00", "40.00"]
        let disclosure = try read(Self.columnBlocks(amounts))
        #expect(disclosure.table(.generalBudgetExpenditure) == nil)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .generalBudgetExpenditure })
        #expect(!disclosure.problems.contains { $0.code == "page-text.placement-ambiguous" })
    }
}
