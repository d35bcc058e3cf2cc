import BudgetLensCore
@testable import BudgetLensReader
import Foundation
import Testing

/// Raw 公开01 settled by what 公开04 fixes in it (``RawTextSideBySide/settle(_:rows:figures:)``, DOMAIN X-6, X-13,
/// X-5 with X-12): the planted 公开01 of ``RawTextSideBySideTests`` with three 类 holding money, which its own
/// identities leave open.
@Suite("raw pdftotext 公开01 settled by 公开04")
struct RawTextSummaryCrossCheckTests {
    /// 一、一般公共服务支出 10.00, 八、社会保障和就业支出 15.00, 九、卫生健康支出 5.00 (本年支出合计 30.00); the other 类 blank.
    static let classes: [String?] = ["10.00", nil, nil, nil, nil, nil, nil, "15.00", "5.00"]
        + [String?](repeating: nil, count: 15)

    /// The planted table's rows and amounts.
    private func table() throws -> (rows: [RawTextSideBySide.Row], amounts: [Int64]) {
        let text = RawTextSideBySideTests.summary(classes: Self.classes)
        let tokens = RawTextSideBySide.joinWrapped(
            text.components(separatedBy: "\n").enumerated().flatMap { PageTextToken.tokens(of: Substring($1), index: $0) },
            in: .incomeExpenditureSummary)
        let rows = try #require(RawTextSideBySide.rows(of: tokens, in: .incomeExpenditureSummary))
        return (rows, tokens.compactMap(\.amount))
    }

    /// 公开04's figures: 收入 rows 1–3 as planted, the 类 合计 given.
    private func figures(_ classFloors: [String: Int64]) -> RawTextSideBySide.CrossFigures {
        RawTextSideBySide.CrossFigures(
            incomeRows: [1: 10_000, 2: 20_000, 3: 30_000], classFloors: classFloors, openingFloor: 0, closingFloor: 0)
    }

    /// `label=分` of the reading's 类 cells.
    private func classCells(_ reading: [Int], rows: [RawTextSideBySide.Row], amounts: [Int64]) -> [String] {
        zip(reading, amounts).filter { !rows[$0.0].isIncome && rows[$0.0].line < 58 }
            .map { "\(rows[$0.0].label.text)=\($0.1)" }
    }

    @Test("its own identities leave the three 类 amounts open among 24 rows")
    func openAlone() throws {
        let (_, amounts) = try table()
        guard case .open = RawTextSideBySide.place(amounts, incomeItems: 8, classes: 24) else {
            Issue.record("expected two readings")
            return
        }
    }

    @Test("公开04's 类 合计 (201 ≥ 10.00, 208 ≥ 15.00, 210 ≥ 4.99): one reading, the planted cells exactly")
    func settled() throws {
        let (rows, amounts) = try table()
        let outcome = RawTextSideBySide.settle(amounts, rows: rows, figures: figures(["201": 1_000, "208": 1_500, "210": 499]))
        guard case .read(let reading) = outcome else {
            Issue.record("not read: \(outcome)")
            return
        }
        #expect(classCells(reading, rows: rows, amounts: amounts)
            == ["一、一般公共服务支出=1000", "八、社会保障和就业支出=1500", "九、卫生健康支出=500"])
        // Every income row in its place (rows 1–8 hold 100.00 … 800.00).
        let income = zip(reading, amounts).filter { rows[$0.0].isIncome && rows[$0.0].line <= 8 }.map { rows[$0.0].line * 10_000 == $0.1 }
        #expect(income.count == 8 && income.allSatisfy { $0 })
    }

    @Test("a 类 with 财政拨款 money in 公开04 (205 ≥ 1.00) that the amounts cannot fill: no reading")
    func contradicted() throws {
        let (rows, amounts) = try table()
        #expect(RawTextSideBySide.settle(amounts, rows: rows, figures: figures(["201": 1_000, "205": 100, "208": 1_500, "210": 500]))
            == .none(cutShort: false))
        // 收入 row 2 blank in 公开04 (X-6) but 200.00 here: no reading.
        var blankFund = figures(["201": 1_000, "208": 1_500, "210": 500])
        blankFund.incomeRows[2] = 0
        #expect(RawTextSideBySide.settle(amounts, rows: rows, figures: blankFund) == .none(cutShort: false))
        // 年初结转和结余 7,000.00 below 公开04's 年初财政拨款结转和结余 7,000.02 (beyond 1 分): no reading.
        var opening = figures(["201": 1_000, "208": 1_500, "210": 500])
        opening.openingFloor = 700_002
        #expect(RawTextSideBySide.settle(amounts, rows: rows, figures: opening) == .none(cutShort: false))
    }

    @Test("公开04 fixing only 201 and 208: 5.00 fits 九 or any later 类 — 16 readings, every one returned")
    func stillOpen() throws {
        let (rows, amounts) = try table()
        let outcome = RawTextSideBySide.settle(amounts, rows: rows, figures: figures(["201": 1_000, "208": 1_500]))
        guard case .open(let readings) = outcome else {
            Issue.record("expected open: \(outcome)")
            return
        }
        // 5.00 in 九、卫生健康支出 … 二十四、抗疫特别国债安排的支出 (in printed order after 15.00's 八); nothing else moves.
        let index = try #require(amounts.firstIndex(of: 500))
        #expect(readings.map { String(rows[$0[index]].label.text) } == Array(RawTextSideBySideTests.classLabels[8...]))
        #expect(readings.allSatisfy { reading in reading.indices.allSatisfy { $0 == index || reading[$0] == readings[0][$0] } })
    }

    @Test("the readings left are named as the warning says: every row the amount may stand in, the cells placed apart")
    func openNamed() throws {
        let (rows, amounts) = try table()
        guard case .open(let readings) = RawTextSideBySide.settle(amounts, rows: rows, figures: figures(["201": 1_000, "208": 1_500]))
        else {
            Issue.record("expected open")
            return
        }
        let tokens = amounts.map { PageTextToken(text: Substring("\($0 / 100).\(String(format: "%02d", $0 % 100))"), kind: .amount($0), line: 0, column: 1) }
        let open = RawTextSideBySide.openItems(readings, amounts: tokens, rows: rows, at: SourceLocation(file: "raw.txt", line: 1))
        #expect(open.cells.map(\.item) == Array(RawTextSideBySideTests.classLabels[8...]) && open.cells.allSatisfy { $0.column == 2 })
        #expect(open.note.code == "table.ambiguous" && open.note.severity == .warning)
        #expect(open.note.message.hasPrefix(
            "公开01：原始文本中金额与行的对应有 16 种读法均满足本表及与公开04的勾稽关系，无法确定：5.00→九、卫生健康支出 / 十、节能环保支出 / "),
            "\(open.note.message)")
    }
}
