import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// A cell as `budgetlens cells` compares them: table, 行次, code, item, 栏次, value (not where it was read).
private struct ComparableCell: Hashable, CustomStringConvertible {
    let table: TableID
    let line: Int?
    let code: String?
    let item: String
    let column: Int
    let value: Money?

    init(_ record: CellRecord) {
        table = record.table
        line = record.line
        code = record.code
        item = record.item
        column = record.column
        value = record.value
    }

    var description: String {
        "\(table.rawValue),\(line.map(String.init) ?? ""),\(code ?? ""),\(item),\(column),"
            + (value?.decimalString(in: .wanYuan) ?? "")
    }
}

@Suite("PDF reading: the published PDFs give the same model as the text made from them")
struct PDFReaderTests {
    @Test(
        "cell for cell, the PDF reads as its text (tab-separated 001, 002, 004; pdftotext -layout 003)",
        arguments: Seed.shanghaiPDFs.compactMap { pair in pair.text.map { (pair.pdf, $0) } })
    func sameCellsAsText(pdf: String, text: String) throws {
        let fromPDF = try Seed.readCorpus(pdf)
        let fromText = try Seed.readCorpus(text)
        #expect(fromPDF.source.format == .pdf)
        let pdfCells = fromPDF.cellRecords().map(ComparableCell.init)
        let textCells = fromText.cellRecords().map(ComparableCell.init)
        #expect(pdfCells.count >= 440, "a real comparison: hundreds of cells")
        #expect(pdfCells.count == textCells.count)
        for (index, (a, b)) in zip(pdfCells, textCells).enumerated() where a != b {
            Issue.record("cell \(index + 1): the PDF reads \(a), the text \(b)")
            break
        }
        #expect(pdfCells == textCells)
        #expect(fromPDF.tables.map(\.id) == fromText.tables.map(\.id))
        #expect(fromPDF.narrative.count == fromText.narrative.count)
        #expect(fromPDF.glossary.count == fromText.glossary.count)
        #expect(!fromPDF.problems.contains { $0.severity == .error })
    }

    @Test("the 财政局 PDF (fonts with broken metrics, columns printed 7 points off their row): exact values")
    func financeValues() throws {
        let disclosure = try Seed.readCorpus(Seed.financePDF)
        #expect(disclosure.source.lineCount == 25, "pages")
        #expect(disclosure.header.title == "上海市普陀区财政局2024年度部门决算")
        #expect(disclosure.row(.incomeExpenditureSummary, line: 27)?.value(column: 1) == Money(wan: "2946.25"))
        let administration = try #require(disclosure.row(.income, code: "2010601"), "201 / 06 / 01 joined")
        #expect(administration.item == "行政运行")
        #expect(administration.value(column: 1) == Money(wan: "1511.90"))
        #expect(administration.value(column: 2) == Money(wan: "1511.89"))
        #expect(administration.value(column: 7) == Money(wan: "0.01"))
        // 公开03: 基本支出 and 项目支出 are printed higher than the code and 合计 columns.
        let expenditure = try #require(disclosure.row(.expenditure, code: "2010601"))
        #expect(expenditure.value(column: 2) == Money(wan: "1503.52"))
        #expect(expenditure.value(column: 3) == Money(wan: "8.37"))
        // A label wrapped above and below its code's line, in 公开06's left block.
        #expect(disclosure.row(.generalBudgetBasicExpenditure, code: "30108")?.item == "机关事业单位基本养老保险缴费")
        #expect(disclosure.row(.generalBudgetBasicExpenditure, code: "31007")?.item == "信息网络及软件购置更新")
        // 公开04 carries on over a page that holds nothing but 支出 labels.
        #expect(disclosure.row(.appropriationSummary, line: 59)?.value(column: 2) == Money(wan: "2940.05"))
        let threePublic = try #require(disclosure.table(.threePublicExpenses)?.rows.first)
        #expect(
            threePublic.value(column: 1) == Money(wan: "0.95") && threePublic.value(column: 6) == Money(wan: "0.95"))
    }

    @Test("every cell remembers its page and box; a blank cell the place it would be printed")
    func provenance() throws {
        let disclosure = try Seed.readCorpus(Seed.financePDF)
        let total = try #require(disclosure.table(.income)?.rows.first { $0.kind == .total })
        let cell = try #require(total.cells.first { $0.column == 1 })
        #expect(cell.source.page == 8)
        let region = try #require(cell.source.region)
        #expect(region.x0 == 371.79 && region.y0 == 213.04 && region.x1 == 413.79, "poppler's box of '2,946.25'")
        #expect(cell.source.file.hasSuffix(".pdf"))
        let blank = try #require(total.cells.first { $0.column == 3 })
        let blankRegion = try #require(blank.source.region)
        #expect(blank.source.page == 8 && blankRegion.x0 > region.x1, "上级补助收入 is right of 财政拨款收入")
        for table in disclosure.tables {
            for row in table.rows {
                for cell in row.cells {
                    #expect(cell.source.page != nil && cell.source.region != nil, "\(table.id) \(row.item)")
                }
            }
        }
    }

    @Test("a year, a 行次, a 栏次 or a code is never read as money")
    func codesAreNotMoney() throws {
        for (pdf, _) in Seed.shanghaiPDFs {
            let disclosure = try Seed.readCorpus(pdf)
            for table in disclosure.tables {
                for row in table.rows {
                    if let code = row.code, table.id != .generalBudgetBasicExpenditure || !code.hasPrefix("…") {
                        #expect(
                            code.allSatisfy(\.isNumber) || code.hasPrefix("…"),
                            "\(pdf) \(table.id): code '\(code)'")
                    }
                    for cell in row.cells {
                        let value = cell.value ?? .zero
                        #expect(
                            value != Money(wan: "2024") && value != Money(wan: "2023"), "\(pdf) \(table.id) \(row.item)"
                        )
                        if let code = row.code, let number = Int64(code) {
                            #expect(
                                value != Money(fen: number * 1_000_000), "\(pdf) \(table.id) \(code) read as an amount")
                        }
                    }
                }
            }
        }
    }

    @Test("wrapped labels join without spaces, whichever line of the cell the code stands on")
    func wrappedLabels() throws {
        let planning = try Seed.readCorpus(Seed.shanghaiPDFs[1].pdf)
        // `社会保障和就` is printed above the code's line, `业支出` below it.
        #expect(planning.row(.generalBudgetExpenditure, code: "208")?.item == "社会保障和就业支出")
        #expect(planning.row(.generalBudgetExpenditure, code: "2080501")?.item == "行政单位离退休")
        let social = try Seed.readCorpus(Seed.shanghaiPDFs[3].pdf)
        #expect(social.row(.expenditure, code: "2080505")?.item == "机关事业单位基本养老保险缴费支出")
        let socialLayout = try Seed.readCorpus(Seed.shanghaiSocialWorkLayout)
        #expect(socialLayout.source.format == .layoutText)
        #expect(socialLayout.row(.generalBudgetBasicExpenditure, code: "31007")?.item == "信息网络及软件购置更新")
        // In the layout text the code 30299 stands a line above its label and amount.
        #expect(socialLayout.row(.generalBudgetBasicExpenditure, code: "30299")?.value(column: 1) == Money(wan: "0.20"))
        // 其他社会工作事务支出 is 项目支出 only: the gap in the line, not a neighbouring column, places it.
        let other = try #require(socialLayout.row(.expenditure, code: "2013999"))
        #expect(other.value(column: 2) == .zero && other.value(column: 3) == Money(wan: "202.24"))
    }

    /// 003 with line 150 (`2101101 行政单位医疗 2.22 2.22` of 公开02) respaced: `amounts` after 18 spaces.
    private func respaced(_ amounts: String) throws -> Disclosure {
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiSocialWorkLayout), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[149] == "\u{0C}2101101   行政单位医疗        2.22    2.22")
        lines[149] = "\u{0C}2101101   行政单位医疗" + String(repeating: " ", count: 18) + amounts
        return DisclosureReader.read(text: lines.joined(separator: "\n"), file: "003-respaced.txt")
    }

    @Test("where drifting columns leave a choice, the row's 合计 = Σ parts decides")
    func identityDecides() throws {
        // The amounts now sit nearer 财政拨款收入 and 上级补助收入 than 本年收入合计 and 财政拨款收入.
        let disclosure = try respaced("2.22     2.22")
        let row = try #require(disclosure.row(.income, code: "2101101"))
        #expect(row.value(column: 1) == Money(wan: "2.22") && row.value(column: 2) == Money(wan: "2.22"))
        #expect(row.value(column: 3) == .zero)
        #expect(!disclosure.problems.contains { $0.code == "layout.column-uncertain" })
    }

    @Test("where no placement adds up, the nearest columns are used and the doubt is recorded")
    func uncertainColumns() throws {
        let disclosure = try respaced("2.22     1.11")
        let row = try #require(disclosure.row(.income, code: "2101101"))
        #expect(row.value(column: 2) == Money(wan: "2.22") && row.value(column: 3) == Money(wan: "1.11"))
        let note = try #require(disclosure.problems.first { $0.code == "layout.column-uncertain" })
        #expect(note.source.line == 150 && note.table == .income && note.severity == .info)
    }

    @Test("pdftotext -layout text keeps its own lines and columns as provenance")
    func layoutProvenance() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiSocialWorkLayout)
        let cell = try #require(disclosure.row(.incomeExpenditureSummary, line: 1)?.cells.first)
        #expect(cell.value == Money(wan: "307.82"))
        #expect(cell.source.line == 88 && cell.source.page == 5 && cell.source.region == nil)
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiSocialWorkLayout), encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[cell.source.line - 1]
        #expect(line.contains("307.82"))
    }

    @Test("the blank template is read; its XX unit name and … rows stay as printed")
    func template() throws {
        let disclosure = try Seed.readCorpus(Seed.templatePDF)
        #expect(disclosure.kind == .finalAccounts)
        #expect(disclosure.tables.count == 9)
        #expect(disclosure.header.unitName == "上海市XX局")
        #expect(disclosure.row(.income, code: "2050205")?.item == "高等教育")
        #expect(disclosure.table(.income)?.rows.contains { $0.code == "…" } == true)
    }

    @Test("a blank page (ruled lines, no text, no image) is noted, not taken for a scan")
    func blankPage() throws {
        let disclosure = try Seed.readCorpus(Seed.financePDF)
        let problem = try #require(disclosure.problems.first { $0.code == "pdf.blank-page" })
        #expect(problem.source.page == 14 && problem.severity == .info)
        #expect(!disclosure.problems.contains { $0.code == "pdf.page-without-text" })
    }
}

extension TableRow {
    /// The value of 栏次 `column`, for tests.
    fileprivate func value(column: Int) -> Money? { cell(column)?.value }
}
