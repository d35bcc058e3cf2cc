import BudgetLensCore
@testable import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// 公开02 (收入决算表) and 公开03 (支出决算表) of raw `pdftotext` text (made here with poppler), read by their column
/// chains (``RawTextColumnChains``): each column's cells in printed order, the rows rebuilt by the row identity
/// and the code hierarchy, 公开03 held to 公开05 (DOMAIN X-12) and 公开02 to 公开04. Where the document settles
/// every amount the cells are the PDF's exactly; where it does not, the table is read in part (the cells every
/// reading gives alike) and a `table.ambiguous` warning names the readings, or, with two cuts of the amounts into
/// rows, not read and a `page-text.placement-ambiguous` warning names both — never a cell the PDF does not have.
@Suite("raw pdftotext 公开02 and 公开03 by column chains", .enabled(if: ExtractionTools.shouldRun))
struct RawText0203Tests {
    /// The cells of `id` as compared (table, 行次, code, item, 栏次, value).
    private func cells(_ disclosure: Disclosure, _ id: TableID) -> [String] {
        ExtractionFormsTests.cells(disclosure).filter { $0.hasPrefix(id.number + "|") }
    }

    /// The raw text of corpus PDF `name`, made with pdftotext into `folder`.
    private func rawText(_ name: String, into folder: URL) throws -> String {
        try ExtractionTools.extract(.raw, from: Seed.corpusPath(name), into: folder)
    }

    private func ambiguity(_ disclosure: Disclosure, _ id: TableID) -> [String] {
        disclosure.problems.filter { $0.code == "page-text.placement-ambiguous" && $0.table == id }.map(\.message)
    }

    /// The note naming 公开02's two readings in both 财政局 PDFs: 6.20 is 其他收入 in the PDF, but every column after
    /// 财政拨款收入 is blank, so the identities place it in any of them.
    static let incomeOpen = "合计 2,946.25→本年收入合计，2,940.05→财政拨款收入，6.20→上级补助收入 | "
        + "合计 2,946.25→本年收入合计，2,940.05→财政拨款收入，6.20→事业收入"

    @Test("each corpus PDF's raw text: 公开02 and 公开03 read to the PDF's cells, or in part with the readings named",
        arguments: Seed.shanghaiPDFs.map(\.pdf))
    func corpus(pdf name: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(name))
        let raw = try DisclosureReader.read(path: try rawText(name, into: folder))
        for id in [TableID.income, .expenditure] where !name.contains("模板") {
            // Never a value the PDF does not have (the template's: RawTextPlaceholderRowsTests, the PDF's 20799 name
            // cut); a cell read in part is there without one (`-`).
            #expect(Set(cells(raw, id).filter { !$0.hasSuffix("|-") }).isSubset(of: Set(cells(pdf, id))), "\(name) \(id.formID)")
        }
        switch name {
        case let name where name.contains("规划"):
            #expect(cells(raw, .income).count == 175 && cells(raw, .income) == cells(pdf, .income))
            #expect(cells(raw, .expenditure).count == 150 && cells(raw, .expenditure) == cells(pdf, .expenditure))
        case let name where name.contains("社会工作部"):
            // 公开03: 2013999's 202.24 (项目支出) printed after 21011's amounts; 2013901 told from 2013999 by 公开05.
            #expect(cells(raw, .income).count == 126 && cells(raw, .income) == cells(pdf, .income))
            #expect(cells(raw, .expenditure).count == 108 && cells(raw, .expenditure) == cells(pdf, .expenditure))
            #expect(ambiguity(raw, .expenditure).isEmpty)
        case let name where name.contains("模板"):
            // The blank template: read with its `…` rows (RawTextPlaceholderRows; cells: RawTextPlaceholderRowsTests).
            #expect(cells(raw, .income).count == 70 && cells(raw, .income) == cells(pdf, .income))
            #expect(cells(raw, .expenditure).count == 60)
            #expect(ambiguity(raw, .income).isEmpty && ambiguity(raw, .expenditure).isEmpty)
        default:
            // 财政局: 公开03's columns come in blocks of rows (合计 of seven rows, then 基本/项目 row by row …): read,
            // held to 公开05. 公开02: open, both readings named, 公开04's 财政拨款 total included.
            // 测试问题版本: no 公开03; its 公开02 printed row by row (the row cut, RawTextCutReadings) is open exactly as
            // the 财政局's, once held to its 公开04 (its first reading, by its own identities, leaves 75).
            if name.contains("测试问题版本") {
                #expect(pdf.table(.expenditure) == nil && raw.table(.expenditure) == nil)
            } else {
                #expect(cells(raw, .expenditure).count == 120 && cells(raw, .expenditure) == cells(pdf, .expenditure))
            }
            // 公开02: read in part. Every reading (25: 6.20 in any of 上级补助收入 … 其他收入, or with a 0.01 in a second
            // of them within 尾数误差) agrees on 本年收入合计 and 财政拨款收入 and on every row without other income; the
            // 25 cells of columns 3–7 in 合计, 201, 20106, 2010601 and 2010602 are left without a value.
            let openRows = ["", "201", "20106", "2010601", "2010602"]
            func isOpen(_ cell: String) -> Bool {
                let fields = cell.split(separator: "|", omittingEmptySubsequences: false)
                return openRows.contains(String(fields[2])) && (3...7).contains(Int(fields[4]) ?? 0)
            }
            #expect(cells(raw, .income).filter(isOpen).count == 25 && cells(raw, .income).filter(isOpen).allSatisfy { $0.hasSuffix("|-") })
            #expect(cells(raw, .income).filter { !isOpen($0) } == cells(pdf, .income).filter { !isOpen($0) })
            #expect(cells(raw, .income).filter { !isOpen($0) }.count == 115)
            #expect(ambiguity(raw, .income).isEmpty)
            let note = try #require(raw.problems.first { $0.code == "table.ambiguous" && $0.table == .income })
            #expect(note.severity == .warning)
            #expect(note.message.hasPrefix("公开02：原始文本中各栏金额的放置有 25 种读法均满足勾稽关系（含与公开04的关系），无法确定："
                + Self.incomeOpen + " | 合计 2,946.25→本年收入合计，2,940.05→财政拨款收入，6.20→经营收入 | "), "\(note.message)")
            // The 合计 row's placements named: the column chains' readings put a 0.01 there too (25 of them), the row
            // cut's keep the 合计 row's three amounts (five; the 0.01 differences are in the rows below).
            let named = name.contains("测试问题版本") ? "，6.20→其他收入；" : "（另有 19 种）；"
            #expect(note.message.contains(named + "合计（上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入）、201（"
                + "上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入）、20106（"), "\(note.message)")
            #expect(note.message.contains("2010602（上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入） 未读取（本表只读取了一部分"))
        }
    }

    /// 社会工作部's raw text as lines.
    private func socialWork(into folder: URL) throws -> [String] {
        let name = try #require(Seed.shanghaiPDFs.map(\.pdf).first { $0.contains("社会工作部") })
        return try String(contentsOfFile: try rawText(name, into: folder), encoding: .utf8).components(separatedBy: "\n")
    }

    private func read(_ lines: [String], _ file: String, in folder: URL) throws -> Disclosure {
        let url = folder.appendingPathComponent(file)
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return try DisclosureReader.read(path: url.path)
    }

    private func trimmed(_ line: String) -> String { line.trimmingCharacters(in: .whitespacesAndNewlines) }

    @Test("社会工作部 without its 公开05: 51.32 and 202.24 swap between 2013901 and 2013999 — 公开03 not read, both named")
    func openWithout05() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try socialWork(into: folder)
        let start = try #require(lines.lastIndex { trimmed($0) == "一般公共预算财政拨款支出决算表" })
        let end = try #require(lines[start...].firstIndex { trimmed($0) == "一般公共预算财政拨款基本支出决算表" })
        let raw = try read(Array(lines[..<start] + lines[end...]), "without05.txt", in: folder)
        #expect(raw.table(.expenditure) == nil)
        let notes = ambiguity(raw, .expenditure)
        #expect(notes.count == 1, "\(notes)")
        #expect(notes.first?.contains(
            "2013901 51.32→本年支出合计，51.32→基本支出 | 2013901 202.24→本年支出合计，202.24→项目支出") == true, "\(notes)")
        #expect(raw.problems.contains { $0.code == "table.not-understood" && $0.table == .expenditure })
    }

    @Test("社会工作部 公开03 with a planted mis-sum (行政运行 51.32 printed 51.42 once): no reading, not read")
    func misSum() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try socialWork(into: folder)
        let title = try #require(lines.lastIndex { trimmed($0) == "支出决算表" })
        let cell = try #require(lines[title...].firstIndex { trimmed($0) == "51.32" })
        lines[cell] = "51.42"
        let raw = try read(lines, "planted.txt", in: folder)
        #expect(raw.table(.expenditure) == nil)
        #expect(raw.problems.contains { $0.code == "table.not-understood" && $0.table == .expenditure })
        // The tables around it still read.
        #expect(raw.table(.income) != nil && raw.table(.generalBudgetExpenditure) != nil)
    }
}

/// ``RawTextColumnChains`` on planted tables (no tool needed).
@Suite("raw pdftotext column chains")
struct RawTextColumnChainsTests {
    /// 合计, 201, 20101, 2010101, 2010102 (3 columns: 合计, 基本支出, 项目支出).
    private let rows = [nil, "201", "20101", "2010101", "2010102"].map {
        RawTextCodeTable.Row(code: $0, label: $0 ?? "合计", anchor: nil)
    }
    private let identities = [ColumnPlacement.Identity(total: 0, parts: [1, 2])]

    /// The cells of `reading` in 分, row by row.
    private func grid(_ reading: RawTextColumnBlocks.Reading, _ values: [Int64]) -> [[Int64]] {
        reading.map { $0.map { $0.map { values[$0] } ?? 0 } }
    }

    @Test("a block of rows printed column by column, the next row by row: 基本 and 项目 swap; 公开05's 合计 row settles it, the planted cells")
    func blocks() {
        // 合计 30.00 = 20.00 + 10.00; 201 and 20101 the same; 2010101 12.00 = 12.00 + 0; 2010102 18.00 = 8.00 + 10.00.
        // Printed: 合计 row; 合计 column of 201…2010101; 基本 column of them; 项目 of 201, 20101; then 2010102 row by row.
        let values: [Int64] = [3_000, 2_000, 1_000, 3_000, 3_000, 1_200, 2_000, 2_000, 1_200, 1_000, 1_000, 1_800, 800, 1_000]
        // Alone: the two part columns may swap throughout (each row's sum and the hierarchy still hold).
        let alone = RawTextColumnChains.place(rows: rows, values: values, columnCount: 3, identities: identities)
        guard case .open(let first, let second) = alone else {
            Issue.record("expected two readings: \(alone)")
            return
        }
        #expect(grid(first, values)[0] == [3_000, 2_000, 1_000] && grid(second, values)[0] == [3_000, 1_000, 2_000])
        let outcome = RawTextColumnChains.place(rows: rows, values: values, columnCount: 3, identities: identities,
            floors: ["合计": [3_000, 2_000, 1_000]])
        guard case .read(let reading) = outcome else {
            Issue.record("not read: \(outcome)")
            return
        }
        #expect(grid(reading, values) == [
            [3_000, 2_000, 1_000], [3_000, 2_000, 1_000], [3_000, 2_000, 1_000], [1_200, 1_200, 0], [1_800, 800, 1_000],
        ])
    }

    @Test("two 项 whose amounts fit either row (the second's 项目支出 printed late): open; 公开05's floors settle it")
    func openThenSettled() {
        // 2010101 5.00 (基本), 2010102 20.00 (项目) printed row by row, 2010102's 项目 20.00 after everything.
        let values: [Int64] = [2_500, 500, 2_000, 2_500, 500, 2_000, 2_500, 500, 2_000, 500, 500, 2_000, 2_000]
        let open = RawTextColumnChains.place(rows: rows, values: values, columnCount: 3, identities: identities)
        guard case .open(let first, let second) = open else {
            Issue.record("expected two readings: \(open)")
            return
        }
        #expect(grid(first, values) != grid(second, values))
        let tokens = values.map { PageTextToken(text: Substring(String(format: "%.2f", Double($0) / 100)), kind: .amount($0), line: 0, column: 1) }
        let named = RawTextColumnChains.describe(first, second, rows: rows, amounts: tokens, columns: ["合计", "基本支出", "项目支出"])
        let readings = ["2010101 5.00→合计，5.00→基本支出", "2010101 20.00→合计，20.00→项目支出"]
        #expect(named == readings.joined(separator: " | ") || named == readings.reversed().joined(separator: " | "), "\(named)")
        // 公开05: 2010101 has 基本支出 5.00 (X-12: 公开03 ≥ 公开05).
        let floors: [String: [Int64]] = ["合计": [2_500, 500, 2_000], "2010101": [500, 500, 0], "2010102": [2_000, 0, 2_000]]
        let settled = RawTextColumnChains.place(rows: rows, values: values, columnCount: 3, identities: identities, floors: floors)
        guard case .read(let reading) = settled else {
            Issue.record("not read: \(settled)")
            return
        }
        #expect(grid(reading, values)[3] == [500, 500, 0] && grid(reading, values)[4] == [2_000, 0, 2_000])
    }

    @Test("hostile: 400 rows of equal amounts in any order are bounded by the step limit (read, open or cut short, never a crash)")
    func hostile() {
        // 合计 and 399 类 (201…599): each 类 1.00 = 1.00 基本, printed all totals first then all 基本 — every 类 alike.
        let codes = (0..<399).map { String(201 + $0) }
        let rows = [RawTextCodeTable.Row(code: nil, label: "合计", anchor: nil)]
            + codes.map { RawTextCodeTable.Row(code: $0, label: $0, anchor: nil) }
        let values = [Int64(39_900), 39_900] + [Int64](repeating: 100, count: 399) + [Int64](repeating: 100, count: 399)
        let start = Date()
        let outcome = RawTextColumnChains.place(rows: rows, values: values, columnCount: 3, identities: identities)
        #expect(Date().timeIntervalSince(start) < 60, "\(outcome)")
        if case .read(let reading) = outcome {
            #expect(grid(reading, values).dropFirst().allSatisfy { $0 == [100, 100, 0] })
        }
    }

    @Test("a mis-sum, a negative amount, too many amounts: no reading, at once")
    func refused() {
        let values: [Int64] = [3_000, 2_000, 1_000, 3_000, 2_000, 1_000, 3_000, 2_000, 1_000, 3_000, 2_000, 1_000]
        // 2010101 alone under 20101 must equal it; here 合计 30.00 = 20.00 + 10.01 in the last row.
        var misSum = values
        misSum[11] = 1_002
        #expect(RawTextColumnChains.place(rows: Array(rows.prefix(4)), values: misSum, columnCount: 3, identities: identities)
            == .none(cutShort: false))
        #expect(RawTextColumnChains.place(rows: Array(rows.prefix(4)), values: values, columnCount: 3, identities: identities)
            != .none(cutShort: false))
        #expect(RawTextColumnChains.place(rows: rows, values: [-100, 100], columnCount: 3, identities: identities)
            == .none(cutShort: false))
        let many = [Int64](repeating: 100, count: RawTextColumnChains.amountLimit + 1)
        let wide = [RawTextCodeTable.Row](repeating: rows[1], count: many.count)
        #expect(RawTextColumnChains.place(rows: wide, values: many, columnCount: 3, identities: identities)
            == .none(cutShort: false))
    }
}

extension RawText0203Tests {
    @Test("规划和自然资源局's raw text with 45.00 planted from 项目支出 to 基本支出 in 公开03's 合计, 220 and 22001 (X-12 broken): the 基本支出 of its rows is not read — never 0.00 — and the warning says no placement gives 公开05's figures")
    func plantedCrossTableError() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = try #require(Seed.shanghaiPDFs.map(\.pdf).first { $0.contains("规划") })
        var lines = try String(contentsOfFile: try rawText(name, into: folder), encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { trimmed($0) == "支出决算表" })
        let end = try #require(lines[start...].firstIndex { trimmed($0) == "一般公共预算财政拨款支出决算表" })
        // 合计 5,377.64 / 4,381.74 → 5,422.64 / 4,336.74; 220 and 22001 2,339.58 / 2,122.09 → 2,384.58 / 2,077.09.
        var planted: [String: Int] = ["5377.64": 1, "4381.74": 1, "2339.58": 2, "2122.09": 2]
        let into = ["5377.64": "5422.64", "4381.74": "4336.74", "2339.58": "2384.58", "2122.09": "2077.09"]
        for index in start..<end {
            let value = trimmed(lines[index])
            guard let left = planted[value], left > 0, let new = into[value] else { continue }
            lines[index] = new
            planted[value] = left - 1
        }
        #expect(planted.values.allSatisfy { $0 == 0 })
        let raw = try read(lines, "planted.txt", in: folder)
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(name))
        // Every 基本支出 (栏2) of 公开03 is unread where it is not the PDF's: the placements left by the table's own
        // identities all shift the amounts one column right, and none gives X-12's 基本支出 ≥ 公开05's.
        let pdfCells = Set(cells(pdf, .expenditure))
        let basic = cells(raw, .expenditure).filter { $0.split(separator: "|", omittingEmptySubsequences: false)[4] == "2" }
        #expect(!basic.isEmpty && basic.allSatisfy { $0.hasSuffix("|-") || pdfCells.contains($0) }, "\(basic)")
        #expect(!basic.contains { $0.hasSuffix("|0.00") })
        let note = try #require(raw.problems.first { $0.code == "table.ambiguous" && $0.table == .expenditure && $0.message.contains("公开03 合计") })
        #expect(note.message.contains("没有一种放置满足表间关系 X-12 基本支出 ≥"), "\(note.message)")
        #expect(note.message.contains("可能是文件本身的错误，请对照PDF"))
        // No false N-BIND (基本支出 5,377.64 in the text against 0.00 in the table).
        let findings = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: raw).findings
        #expect(!findings.contains { $0.rule == "N-BIND" && $0.message.contains("表中为0.00万元") })
    }
}

extension RawText0203Tests {
    @Test("社会工作部's raw text with 10.00 planted from 项目支出 to 基本支出 in 公开03's 合计 row only (合计 ≠ Σ 类): 公开03 not read, and both notes say no placement fits — the table's own figures may be why")
    func plantedMisSumSaid() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try socialWork(into: folder)
        let start = try #require(lines.firstIndex { trimmed($0) == "支出决算表" })
        let end = try #require(lines[start...].firstIndex { trimmed($0) == "一般公共预算财政拨款支出决算表" })
        let basic = try #require(lines[start..<end].firstIndex { trimmed($0) == "105.58" })
        let project = try #require(lines[start..<end].firstIndex { trimmed($0) == "202.24" })
        lines[basic] = "115.58"
        lines[project] = "192.24"
        let raw = try read(lines, "planted.txt", in: folder)
        #expect(raw.table(.expenditure) == nil)
        let unplaced = try #require(raw.problems.first { $0.code == "page-text.row-unplaced" && $0.table == .expenditure })
        #expect(unplaced.message.hasPrefix("公开03：原始文本中的金额没有一种放置满足本表及与公开05的勾稽关系，未读取本表"), "\(unplaced.message)")
        let notRead = try #require(raw.problems.first { $0.code == "table.not-understood" && $0.table == .expenditure })
        #expect(notRead.message.contains("其后各行的金额没有一种放置满足本表的勾稽关系") && notRead.message.contains("本表数字本身有误"), "\(notRead.message)")
        // Unplanted, the same text reads 公开03 (RawText0203Tests.corpus).
    }
}
