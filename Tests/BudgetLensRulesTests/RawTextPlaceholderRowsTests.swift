import BudgetLensCore
@testable import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// The blank 附件2 template's 公开02, 03 and 05 of raw `pdftotext` text (made here with poppler), with their `…`
/// rows (``RawTextPlaceholderRows``): read to the PDF's rows — a `…` row after 2050205 named `…`, three `…` rows
/// after 20799, the middle one named `…` — every cell blank (0.00) as the PDF reads it; a `…` whose place the text
/// leaves open: the table is not read and one warning names both readings.
@Suite("raw pdftotext: the template's `…` rows (公开02, 03, 05)", .enabled(if: ExtractionTools.shouldRun))
struct RawTextTemplateRowsTests {
    private static let template = "pdf/附件2：部门决算模板.pdf"

    /// The rows (code, name) of `id` as read.
    private func rows(_ disclosure: Disclosure, _ id: TableID) -> [String] {
        (disclosure.table(id)?.rows ?? []).map { "\($0.code ?? "")|\($0.item)" }
    }

    /// The cells (table, 行次, code, 栏次, value) without the name.
    private func unnamed(_ disclosure: Disclosure, _ id: TableID) -> [String] {
        ExtractionFormsTests.cells(disclosure).filter { $0.hasPrefix(id.number + "|") }.map { cell in
            var fields = cell.split(separator: "|", omittingEmptySubsequences: false)
            fields.remove(at: 3)
            return fields.joined(separator: "|")
        }.sorted()
    }

    private func notes(_ disclosure: Disclosure, _ id: TableID) -> [String] {
        disclosure.problems.filter { $0.code == "page-text.placement-ambiguous" && $0.table == id }.map(\.message)
    }

    /// The rows of the template's code tables as the PDF shows them (page 6, 7 and 10: 20799's name on two lines).
    private static let rows = [
        "205|教育支出", "20502|普通教育", "2050205|高等教育", "…|…", "207|文化旅游体育与传媒支出",
        "20799|其他文化旅游体育与传媒支出", "…|", "…|…", "…|",
    ]

    @Test("the template's raw text: 公开02, 03, 05 read with the PDF's rows and cells; 20799's whole name")
    func template() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(Self.template))
        let raw = try DisclosureReader.read(path: try ExtractionTools.extract(.raw, from: Seed.corpusPath(Self.template), into: folder))
        let layout = try DisclosureReader.read(
            path: try ExtractionTools.extract(.layout, from: Seed.corpusPath(Self.template), into: folder))
        // 公开02: every cell the PDF's (70: 10 rows × 7 columns, all 0.00).
        let income = ExtractionFormsTests.cells(raw).filter { $0.hasPrefix("02|") }
        #expect(income.count == 70 && income == ExtractionFormsTests.cells(pdf).filter { $0.hasPrefix("02|") })
        #expect(rows(raw, .income) == ["|合计"] + Self.rows)
        #expect(rows(pdf, .income) == ["|合计"] + Self.rows)
        // 公开03 and 05: the rows as printed, in the raw text and the PDF alike (and 03 in the `-layout` text). 20799's
        // name is printed on two lines (`其他文化旅游体育与传媒` / `支出`, in 公开05 `…传媒支` / `出`): the PDF reader gave
        // the last line to the `…` row under it (a row with no label); a `…` row needs no label (docs/pdf-gaps-10.md).
        // The layout text of 05 prints the names on three lines around 20799 and two around 207 (`文化旅游体育` / 207 /
        // `与传媒支出` / `其他文化旅游` / 20799 `体育与传媒支` / `出`): 207's label ends with its 类 name, whole (DOMAIN
        // §1.3), so `其他文化旅游` starts 20799's (it read 207 `…传媒支出其他文化旅游`, 20799 `体育与传媒支出` before).
        #expect(rows(raw, .expenditure) == ["|合计"] + Self.rows)
        #expect(rows(pdf, .expenditure) == ["|合计"] + Self.rows)
        #expect(rows(layout, .expenditure) == ["|合计"] + Self.rows)
        #expect(rows(raw, .generalBudgetExpenditure) == Self.rows + ["|合计"])
        #expect(rows(pdf, .generalBudgetExpenditure) == Self.rows + ["|合计"])
        #expect(rows(layout, .generalBudgetExpenditure) == Self.rows + ["|合计"])
        for prefix in ["02|", "03|", "05|"] {
            #expect(ExtractionFormsTests.cells(raw).filter { $0.hasPrefix(prefix) }
                == ExtractionFormsTests.cells(pdf).filter { $0.hasPrefix(prefix) })
        }
        for prefix in ["02|", "03|"] {
            #expect(ExtractionFormsTests.cells(raw).filter { $0.hasPrefix(prefix) }
                == ExtractionFormsTests.cells(layout).filter { $0.hasPrefix(prefix) })
        }
        for id in [TableID.income, .expenditure, .generalBudgetExpenditure] {
            // Every cell blank, read as 0.00 as the PDF's, in the same rows and columns.
            #expect(unnamed(raw, id) == unnamed(pdf, id), "\(id.formID)")
            #expect(raw.table(id)?.rows.allSatisfy { $0.cells.allSatisfy { $0.value == .zero } } == true, "\(id.formID)")
            #expect(notes(raw, id).isEmpty)
        }
        #expect(unnamed(raw, .expenditure).count == 60 && unnamed(raw, .generalBudgetExpenditure).count == 30)
        // Read in full: no table of the template is left unread.
        #expect(!raw.problems.contains { $0.code == "table.not-understood" })
    }

    /// The template's raw text as lines, with `edit` applied to 公开02's region (from its title to its note).
    private func planted(_ edit: (inout [String], Range<Int>) throws -> Void, in folder: URL) throws -> Disclosure {
        let path = try ExtractionTools.extract(.raw, from: Seed.corpusPath(Self.template), into: folder)
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let title = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "收入决算表" })
        let note = try #require(lines[title...].firstIndex { $0.hasPrefix("注：") })
        try edit(&lines, title..<note)
        let url = folder.appendingPathComponent("planted.txt")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return try DisclosureReader.read(path: url.path)
    }

    @Test("planted: 20799's `…` cell of two lines beside one name `…` — no middle line: 公开02 not read, both readings named")
    func twoLineCell() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw = try planted({ lines, region in
            // The code cell `…` `…` `…` after 20799's name: drop one line.
            let cell = try #require(region.first { lines[$0] == "…" && lines[$0 + 1] == "…" && lines[$0 + 2] == "…" })
            lines.remove(at: cell)
        }, in: folder)
        #expect(raw.table(.income) == nil)
        #expect(notes(raw, .income) == [
            "公开02：原始文本中“…”行的放置有两种读法，未读取本表：20799 后第1个“…”行名称为“…” | 20799 后第2个“…”行名称为“…”"
                + " — the `…` rows of the raw text can be placed in two ways; the table is not read",
        ])
        #expect(raw.problems.contains { $0.code == "table.not-understood" && $0.table == .income })
        // The tables around it still read.
        #expect(rows(raw, .expenditure) == ["|合计"] + Self.rows)
    }

    @Test("planted: the name `…` of the row after 2050205 left out — a lone `…` is a code or a name: not read, both named")
    func loneCell() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var line = 0
        let raw = try planted({ lines, region in
            let name = try #require(region.first { lines[$0] == "高等教育" })
            let code = try #require(lines[name...].firstIndex { $0 == "…" })
            let second = try #require(lines[(code + 1)...].firstIndex { $0 == "…" })
            lines[second] = ""
            line = code + 1
        }, in: folder)
        #expect(raw.table(.income) == nil)
        #expect(notes(raw, .income) == [
            "公开02：原始文本中“…”行的放置有两种读法，未读取本表：第\(line)行的“…”为科目编码（新的一行） | 第\(line)行的“…”为科目名称"
                + " — the `…` rows of the raw text can be placed in two ways; the table is not read",
        ])
    }
}

/// ``RawTextPlaceholderRows`` on planted regions (no tool needed): the rows, the open placements, the refusals.
@Suite("raw pdftotext `…` rows, planted")
struct RawTextPlaceholderRowsTests {
    private func rows(_ lines: [String]) -> RawTextPlaceholderRows.Outcome {
        RawTextPlaceholderRows.rows(lines.enumerated().map { PageTextToken.tokens(of: Substring($1), index: $0) })
    }

    private func named(_ outcome: RawTextPlaceholderRows.Outcome) -> [String]? {
        guard case .read(let rows) = outcome else { return nil }
        return rows.map { "\($0.code)|\($0.label)" }
    }

    /// 公开02 of the template as raw text prints it: a code cell, then its name cell, a blank line between.
    private let rowByRow = [
        "项目", "本年收入合计", "", "功能分类", "科目编码", "", "科目名称", "", "合计", "205", "", "教育支出", "", "20502", "",
        "普通教育", "", "2050205", "", "高等教育", "", "…", "", "…", "", "207", "", "文化旅游体育与传媒支出", "", "20799", "",
        "其他文化旅游体育与传媒支", "出", "", "…", "…", "…", "", "…", "",
    ]
    private let expected = [
        "205|教育支出", "20502|普通教育", "2050205|高等教育", "…|…", "207|文化旅游体育与传媒支出",
        "20799|其他文化旅游体育与传媒支出", "…|", "…|…", "…|",
    ]

    @Test("row by row (公开02 of the template): the `…` rows after their codes, the name `…` on the middle line")
    func rowByRowRead() {
        #expect(named(rows(rowByRow)) == expected)
    }

    @Test("a column's cells in one block (公开05 of the template): the same rows")
    func columnBlocks() {
        let lines = [
            "项目", "合计", "", "功能分类", "科目编码", "205", "", "教育支出", "", "20502", "", "普通教育", "", "2050205", "",
            "高等教育", "", "…", "", "…", "", "207", "20799", "…", "…", "…", "", "基本支出", "", "科目名称", "",
            "文化旅游体育", "与传媒支出", "其他文化旅游", "体育与传媒支", "出", "…", "合计",
        ]
        #expect(named(rows(lines)) == expected)
    }

    @Test("a name `…` beside five `…` lines sits on the third; beside as many lines as names, one each")
    func centred() {
        var five = rowByRow
        five.insert(contentsOf: ["…", "…"], at: 34)
        #expect(named(rows(five)) == Array(expected.prefix(6)) + ["…|", "…|", "…|…", "…|", "…|"])
        var two = rowByRow
        two[38] = "…"
        two.insert("…", at: 39)
        two.insert("…", at: 40)
        // Three name lines beside three code lines.
        #expect(named(rows(two)) == Array(expected.prefix(6)) + ["…|…", "…|…", "…|…"])
    }

    @Test("open: a name `…` beside two `…` lines (no middle line) — both readings named")
    func evenCell() {
        var lines = rowByRow
        lines.remove(at: 34)
        #expect(rows(lines) == .open("20799 后第1个“…”行名称为“…”", "20799 后第2个“…”行名称为“…”"))
    }

    @Test("open: a lone `…` between a name and the next code — a new row or the name of a row: both named")
    func loneBlock() {
        var lines = rowByRow
        lines[23] = ""
        #expect(rows(lines) == .open("第22行的“…”为科目编码（新的一行）", "第22行的“…”为科目名称"))
    }

    @Test("refused: more name `…` than `…` rows, codes out of order, a `…` before every code, a name `…` inside a wrapped name")
    func refused() {
        var more = rowByRow
        more[38] = "…"
        more.insert("…", at: 39)
        more.remove(at: 36)
        more.remove(at: 35)
        #expect(rows(more) == .unplaced)
        var order = rowByRow
        order.swapAt(9, 25)  // 207 first, 205 later
        #expect(rows(order) == .unplaced)
        var first = rowByRow
        first.insert("…", at: 9)  // in 205's block, before it
        #expect(rows(first) == .unplaced)
        var inside = rowByRow
        inside.insert("…", at: 32)  // between `其他文化旅游体育与传媒支` and `出`
        #expect(rows(inside) == .unplaced)
    }

    @Test("hostile: 150 类 each with a three-line `…` cell and its name `…` (the 600 lines of a region) read at once")
    func hostile() {
        var lines: [String] = []
        for index in 0..<150 { lines += [String(201 + index), "", "其他支出", "", "…", "…", "…", "", "…", ""] }
        let start = Date()
        let outcome = rows(lines)
        #expect(Date().timeIntervalSince(start) < 5)
        let read = named(outcome) ?? []
        #expect(read.count == 600)
        #expect(read.prefix(4) == ["201|其他支出", "…|", "…|…", "…|"])
        #expect(read.suffix(4) == ["350|其他支出", "…|", "…|…", "…|"])
    }

    @Test("not this reader's: no `…` line, or an amount")
    func notApplicable() {
        #expect(rows(rowByRow.filter { $0 != "…" }) == .notApplicable)
        var amounts = rowByRow
        amounts.append("12.50")
        #expect(rows(amounts) == .notApplicable)
    }
}
