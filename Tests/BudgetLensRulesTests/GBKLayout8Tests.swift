import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

@testable import BudgetLensReader

/// ``GBKDriftedColumns`` on a real disclosure (the 财政局 tab-separated text, `001`), with one planted drift each.
@Suite("GBK-aligned layout text: tables whose columns drift are not read")
struct GBKDriftedColumnsTests {
    static func finance() throws -> Disclosure { try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiFinance)) }

    static func index(_ number: String, in disclosure: Disclosure) throws -> Int {
        try #require(disclosure.tables.firstIndex { $0.id.number == number })
    }

    @Test("correct tables are all kept, the problems unchanged")
    func silentOnCorrectData() throws {
        let original = try Self.finance()
        var disclosure = original
        GBKDriftedColumns.refuse(in: &disclosure)
        #expect(disclosure == original)
        #expect(disclosure.tables.count == 9)
    }

    @Test("a 科目名称 read in 栏次 2 of 公开03: 公开03 alone is not read, one warning names the word and both columns")
    func nameInAmountColumn() throws {
        var disclosure = try Self.finance()
        let at = try Self.index("03", in: disclosure)
        let row = try #require(disclosure.tables[at].rows.firstIndex { $0.code == "20106" })
        let cell = try #require(disclosure.tables[at].rows[row].cells.firstIndex { $0.column == 2 })
        disclosure.tables[at].rows[row].cells[cell].value = nil
        disclosure.tables[at].rows[row].cells[cell].text = "财政事务"
        let before = disclosure.problems.count
        GBKDriftedColumns.refuse(in: &disclosure)
        #expect(disclosure.tables.map(\.id.number).sorted() == ["01", "02", "04", "05", "06", "07", "08", "09"])
        let notes = disclosure.problems.filter { $0.code == Disclosure.notUnderstoodTableProblem }
        #expect(notes.count == 1 && disclosure.problems.count == before + 1)
        let note = try #require(notes.first)
        #expect(note.severity == .warning && note.table?.number == "03")
        #expect(note.message.contains("栏次 2 reads '财政事务' (科目编码 20106)"))
        #expect(note.message.contains("belongs to 栏次 2 or to the 科目名称 column"))
    }

    @Test("two amounts run together in one 栏次: the table is not read, the note names 栏次 1 and 栏次 2")
    func amountsRunTogether() throws {
        var disclosure = try Self.finance()
        let at = try Self.index("06", in: disclosure)
        let row = try #require(disclosure.tables[at].rows.firstIndex { $0.code == "302" })
        disclosure.tables[at].rows[row].cells[0].value = nil
        disclosure.tables[at].rows[row].cells[0].text = "167.81 0.00"
        GBKDriftedColumns.refuse(in: &disclosure)
        #expect(!disclosure.tables.contains { $0.id.number == "06" } && disclosure.tables.count == 8)
        let note = try #require(disclosure.problems.first { $0.code == Disclosure.notUnderstoodTableProblem })
        #expect(note.message.contains("'167.81 0.00' (科目编码 302)") && note.message.contains("栏次 1 or to 栏次 2"))
    }

    @Test("a heading running two template columns together, one column short: not read; a group heading over a column: read")
    func mergedHeading() throws {
        var grouped = try Self.finance()
        let at = try Self.index("03", in: grouped)
        // `本年支出/基本支出`-like: a level naming one column each, all six columns there — read.
        grouped.tables[at].columns[1].name = "本年支出/基本支出"
        let kept = grouped
        GBKDriftedColumns.refuse(in: &grouped)
        #expect(grouped == kept)
        // `本年支出合计基本支出` in one heading and five columns for the template's six — not read.
        var merged = try Self.finance()
        merged.tables[at].columns[0].name = "本年支出合计基本支出"
        merged.tables[at].columns.remove(at: 1)
        GBKDriftedColumns.refuse(in: &merged)
        #expect(!merged.tables.contains { $0.id.number == "03" })
        let note = try #require(merged.problems.first { $0.code == Disclosure.notUnderstoodTableProblem })
        #expect(note.message.contains("'本年支出合计基本支出' runs the columns '本年支出合计' and '基本支出' together"))
    }

    @Test("a table whose header was not found and no cell read: not read, its table.no-header error replaced")
    func headerless() throws {
        var disclosure = try Self.finance()
        let at = try Self.index("04", in: disclosure)
        disclosure.tables[at].rows = []
        disclosure.problems.append(
            ReadProblem(
                code: "table.no-header", severity: .error, message: "the header row does not show the 支出 block's 项目 column",
                table: disclosure.tables[at].id, source: disclosure.tables[at].source))
        GBKDriftedColumns.refuse(in: &disclosure)
        #expect(!disclosure.tables.contains { $0.id.number == "04" })
        #expect(!disclosure.problems.contains { $0.code == "table.no-header" })
        let note = try #require(disclosure.problems.first { $0.code == Disclosure.notUnderstoodTableProblem })
        #expect(note.severity == .warning && note.message.contains("header was not found"))
    }
}

/// The GBK layout texts of the five corpus PDFs, made here with poppler (`pdftotext -layout -enc GBK`): every
/// table reads cell for cell as the PDF's, or is not read with a note naming why — never a wrong cell.
@Suite("pdftotext -layout -enc GBK: each table as the PDF's or not read", .enabled(if: ExtractionTools.shouldRun))
struct GBKLayout8Tests {
    /// Per PDF: the tables not read from its GBK text, each with a piece of the note that says why.
    static let unread: [String: [String: String]] = [
        "pdf/24年普陀区财政局（测试问题版本）.pdf": [:],
        "pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf": [
            "03": "the heading '本年支出合计基本支出' runs the columns '本年支出合计' and '基本支出' together",
            "04": "its header was not found where its columns stand",
        ],
        "pdf/上海市普陀区财政局2024年度部门决算.pdf": [
            "03": "栏次 2 reads '一般公共服务支出' (科目编码 201), not an amount",
            "05": "栏次 3 reads '一般公共服务支出' (科目编码 201), not an amount",
            "06": "the 行次 column taken for amounts",
        ],
        "pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf": ["04": "its header was not found where its columns stand"],
        "pdf/附件2：部门决算模板.pdf": ["04": "its header was not found where its columns stand"],
    ]

    static func cells(of number: String, in disclosure: Disclosure) -> [String] {
        ExtractionFormsTests.cells(disclosure).filter { $0.hasPrefix(number + "|") }
    }

    @Test("each table of the GBK text: the PDF's cells (or its UTF-8 layout text's), or not read with its note", arguments: Seed.shanghaiPDFs.map(\.pdf))
    func tables(pdf name: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gbk = try DisclosureReader.read(path: GBKLayoutExtractionTests.layout(Seed.corpusPath(name), gbk: true, into: folder))
        let utf8 = try DisclosureReader.read(path: GBKLayoutExtractionTests.layout(Seed.corpusPath(name), gbk: false, into: folder))
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(name))
        let unread = try #require(Self.unread[name])
        for table in pdf.tables {
            let number = table.id.number
            if let why = unread[number] {
                #expect(!gbk.tables.contains { $0.id == table.id }, "\(name) 公开\(number) is read")
                #expect(
                    gbk.problems.contains {
                        $0.code == Disclosure.notUnderstoodTableProblem && $0.table == table.id && $0.message.contains(why)
                    }, "\(name) 公开\(number): no note '\(why)'")
            } else {
                let read = Self.cells(of: number, in: gbk)
                // The template's 公开03 labels differ from the PDF's in its UTF-8 layout text too (README, Known limits).
                let expected = name.contains("附件2") && number == "03" ? Self.cells(of: number, in: utf8) : Self.cells(of: number, in: pdf)
                #expect(gbk.tables.contains { $0.id == table.id } && read == expected, "\(name) 公开\(number)")
            }
        }
        // No table read from the GBK text that the PDF does not have.
        #expect(Set(gbk.tables.map(\.id)).isSubset(of: Set(pdf.tables.map(\.id))))
    }
}
