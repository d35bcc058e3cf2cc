import BudgetLensCore
import BudgetLensReader
import Foundation
import Testing

/// Raw `pdftotext` text (no `-layout`) of a code table whose codes, labels and amounts come in blocks, as poppler
/// prints a Word PDF of the 上海 template: the rows are rebuilt from the sorted codes, the labels in order and the
/// amounts cut into rows by the identities (RawTextCodeTable).
@Suite("raw pdftotext code tables in blocks")
struct RawTextCodeTableTests {
    /// 公开05 in raw pdftotext's block order: codes (some printed after the amounts of the rows above them),
    /// wrapped labels, amounts row by row with blank cells dropped, the 合计 row's amounts last.
    static func generalBudget(_ item2010102: String = "40.00") -> String {
        """
        一般公共预算财政拨款支出决算表
        单位：万元
        项目
        功能分类
        科目编码
        201
        20101
        2010101
        2010102

        合计

        基本支出

        项目支出

        科目名称
        一般公共服务
        支出
        人大事务
        行政运行
        一般行政管
        理事务
        社会保障和就
        业支出

        100.00

        60.00

        40.00

        100.00

        60.00

        40.00

        60.00

        60.00

        \(item2010102)

        \(item2010102)

        208
        20805
        2080505

        行政事业单位
        养老支出
        机关事业单位
        基本养老保险
        缴费支出

        20.00

        20.00

        20.00

        20.00

        20.00

        20.00

        120.00

        80.00

        40.00

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

    @Test("codes sorted, wrapped labels joined, amounts cut into rows and placed by the row and hierarchy identities")
    func blocksRebuilt() throws {
        let disclosure = try DisclosureReader.read(data: Data(Self.generalBudget().utf8), file: "raw.txt")
        // Values in hundredths of 万元: 100.00 → 10000.
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
        // Every placement followed from the identities: no note, no problem.
        #expect(disclosure.problems.filter { $0.table == .generalBudgetExpenditure }.isEmpty)
        // Each amount keeps its place in the raw text (line 69 holds 合计's 120.00).
        let total = disclosure.table(.generalBudgetExpenditure)?.rows.first { $0.item == "合计" }
        #expect(total?.cells.first?.source.line == 69)
    }

    @Test("a planted mis-sum (项 2010102 41.00: 款 20101 ≠ Σ 项) leaves the table unread and reported, nothing placed")
    func misSumNotRead() throws {
        let disclosure = try DisclosureReader.read(data: Data(Self.generalBudget("41.00").utf8), file: "raw.txt")
        #expect(disclosure.table(.generalBudgetExpenditure) == nil)
        let unread = disclosure.problems.filter { $0.code == "table.not-understood" }
        #expect(unread.map(\.table) == [.generalBudgetExpenditure])
        #expect(unread.first?.source.line == 1)
    }

    @Test("the 合计 row's last amount printed after the note (as raw pdftotext does) is taken only when the cut then holds")
    func amountAfterNote() throws {
        let note = "注：本表反映部门本年度一般公共预算财政拨款支出情况。"
        func moved(_ late: String) -> String {
            Self.generalBudget().replacingOccurrences(of: "80.00\n\n40.00\n\n合计\n\n\(note)", with: "80.00\n\n合计\n\n\(note)\n\n\(late)\n")
        }
        #expect(moved("40.00") != Self.generalBudget())
        let disclosure = try DisclosureReader.read(data: Data(moved("40.00").utf8), file: "raw.txt")
        let expected = try DisclosureReader.read(data: Data(Self.generalBudget().utf8), file: "raw.txt")
        #expect(!cells(disclosure).isEmpty && cells(disclosure) == cells(expected))
        // A late amount that breaks 合计 = Σ 类 leaves the table unread.
        let wrong = try DisclosureReader.read(data: Data(moved("41.00").utf8), file: "raw.txt")
        #expect(wrong.table(.generalBudgetExpenditure) == nil)
        #expect(wrong.problems.contains { $0.code == "table.not-understood" && $0.table == .generalBudgetExpenditure })
    }

    @Test("labels that do not pair up with the codes (one missing) leave the table unread")
    func labelsMustPair() throws {
        let text = Self.generalBudget().replacingOccurrences(of: "人大事务\n", with: "")
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "raw.txt")
        #expect(disclosure.table(.generalBudgetExpenditure) == nil)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .generalBudgetExpenditure })
    }

    @Test("where the identities leave two columns possible, nothing is picked: the table is not read and both placements are named")
    func uncertainNoted() throws {
        let text = """
            一般公共预算财政拨款支出决算表
            单位：万元
            项目
            科目编码
            201
            20101
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
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "raw.txt")
        // 50 = 50 + blank in 基本支出 or in 项目支出, in every row alike: neither is picked; both are named.
        #expect(disclosure.table(.generalBudgetExpenditure) == nil)
        let notes = disclosure.problems.filter { $0.code == "page-text.placement-ambiguous" }
        #expect(notes.count == 1 && notes[0].table == .generalBudgetExpenditure && notes[0].severity == .warning)
        #expect(notes.first?.message.contains("50.00→基本支出") == true, "\(notes)")
        #expect(notes.first?.message.contains("50.00→项目支出") == true, "\(notes)")
        #expect(!disclosure.problems.contains { $0.code == "page-text.column-uncertain" })
    }

    @Test("one cut whose rows fit 基本支出 all alike or 项目支出 all alike: read in part — 合计 column read, the parts unread, both readings named")
    func readInPart() throws {
        let text = """
            一般公共预算财政拨款支出决算表
            单位：万元
            项目
            科目编码
            201
            208
            合计
            基本支出
            项目支出
            科目名称
            一般公共服务支出
            社会保障和就业支出
            60.00
            60.00
            50.00
            50.00
            10.00
            10.00
            注：本表反映部门本年度一般公共预算财政拨款支出情况。
            """
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "raw.txt")
        // The 合计 row first (60.00 60.00), then 201 and 208: one cut; each row's second amount is 基本支出 in every
        // row or 项目支出 in every row (合计 = Σ 类 in each column): two readings.
        let table = try #require(disclosure.table(.generalBudgetExpenditure))
        let cells = table.rows.flatMap { row in
            row.cells.map { "\(row.code ?? "合计")|\($0.column)|" + ($0.value.map { String($0.fen / 10_000) } ?? "-") }
        }
        #expect(cells == ["合计|1|6000", "合计|2|-", "合计|3|-", "201|1|5000", "201|2|-", "201|3|-", "208|1|1000", "208|2|-", "208|3|-"])
        let note = try #require(disclosure.problems.first { $0.code == "table.ambiguous" && $0.table == .generalBudgetExpenditure })
        #expect(note.severity == .warning)
        #expect(note.message.hasPrefix("公开05：原始文本中各栏金额的放置有 2 种读法均满足勾稽关系，无法确定：合计 60.00→合计，60.00→基本支出 | "
            + "合计 60.00→合计，60.00→项目支出；合计（基本支出、项目支出）、201（基本支出、项目支出）、208（基本支出、项目支出） 未读取"), "\(note.message)")
        #expect(!disclosure.problems.contains { $0.code == "page-text.placement-ambiguous" })
    }

    @Test("an empty table whose header ends after its note reads as its blank 合计 row only when the note says 本表无数据")
    func emptyTable() throws {
        func read(_ note: String) throws -> Disclosure {
            let text = """
                政府性基金预算财政拨款收入支出决算表
                单位：万元
                项目
                科目编码
                科目名称
                合计
                年初结转和
                结余
                本年收入
                年末结转和
                结余
                本年支出
                合计
                基本支出
                注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。
                \(note)

                项目支出
                """
            return try DisclosureReader.read(data: Data(text.utf8), file: "raw.txt")
        }
        let empty = try read("说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。")
        let table = try #require(empty.table(.governmentFund))
        #expect(table.rows.map(\.item) == ["合计"] && table.rows[0].cells.count == 6)
        #expect(table.rows[0].cells.allSatisfy { ($0.value?.fen ?? 0) == 0 })
        let unsaid = try read("说明：见下表。")
        #expect(unsaid.table(.governmentFund) == nil)
        #expect(unsaid.problems.contains { $0.code == "table.not-understood" && $0.table == .governmentFund })
    }

    @Test("hostile raw text (hundreds of codes, thousands of equal amounts) ends quickly, read or refused")
    func hostile() throws {
        var text = "一般公共预算财政拨款支出决算表\n单位：万元\n项目\n科目编码\n合计\n基本支出\n项目支出\n科目名称\n"
        // 100 类 codes, each row's amounts 1.00 1.00 (合计 = 基本) or none: C(100, 75) ways to cut 150 amounts.
        for index in 0..<100 { text += "\(200 + index)\n" }
        for _ in 0..<100 { text += "事务\n" }
        for _ in 0..<150 { text += "1.00\n" }
        text += "注：完\n"
        let start = Date()
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "hostile.txt")
        // The search is bounded (2,000,000 steps a table): about 10 s in a debug build on a loaded machine.
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(disclosure.table(.generalBudgetExpenditure) == nil)
    }
}
