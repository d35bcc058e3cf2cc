import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// A JSON export that decodes but is not what the reader produces is refused, naming the JSON path (issue 10).
@Suite("JSON export validation")
struct JSONValidationTests {
    /// The error of reading `disclosure` back from its export.
    func refusal(_ disclosure: Disclosure) throws -> ReadError {
        let data = try DisclosureJSON.encode(disclosure)
        return try #require(throws: ReadError.self) { try DisclosureReader.read(data: data, file: "planted.json") }
    }

    @Test("a negative 栏次 in a cell or a column is refused with its path")
    func negativeColumn() throws {
        var disclosure = try Seed.read(Seed.weihai)
        disclosure.tables[0].rows[3].cells[0].column = -1
        let error = try refusal(disclosure)
        #expect(error.code == .badJSON)
        #expect(error.description == "planted.json: not a valid BudgetLens export: $.disclosure.tables[0].rows[3].cells[0].column: 栏次 -1 is not between 1 and 100")

        var columns = try Seed.read(Seed.weihai)
        columns.tables[1].columns[1].number = -5
        #expect(try refusal(columns).message.hasSuffix("$.disclosure.tables[1].columns[1].number: 栏次 -5 is not between 1 and 100"))
    }

    @Test("a cell in a 栏次 the table does not list (99 of 7), or twice in one row, is refused with its path (tester 27-12)")
    func unlistedAndRepeatedColumns() throws {
        var disclosure = try Seed.read(Seed.weihai)
        let table = try #require(disclosure.tables.firstIndex { $0.id == .income })
        let row = try #require(disclosure.tables[table].rows.firstIndex { $0.cells.count >= 2 })
        disclosure.tables[table].rows[row].cells[0].column = 99
        let unlisted = try refusal(disclosure)
        #expect(unlisted.code == .badJSON)
        #expect(unlisted.message.contains("$.disclosure.tables[\(table)].rows[\(row)].cells[0].column: 栏次 99 is not one of the table's columns"), "\(unlisted.message)")

        var repeated = try Seed.read(Seed.weihai)
        repeated.tables[table].rows[row].cells[1].column = repeated.tables[table].rows[row].cells[0].column
        #expect(try refusal(repeated).message.contains("$.disclosure.tables[\(table)].rows[\(row)].cells[1].column: 栏次 \(repeated.tables[table].rows[row].cells[0].column) appears twice in the row (first at $.disclosure.tables[\(table)].rows[\(row)].cells[0])"))
    }

    @Test("a truncated export names the line and column where the JSON ends; a syntax error names its place")
    func truncatedExport() throws {
        let data = try DisclosureJSON.encode(try Seed.read(Seed.weihai))
        let cut = data.prefix(5_000)
        // The end is placed after the last character that is not white space (the cut may end in indentation).
        let end = try #require(cut.lastIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) })
        let lines = cut[...end].split(separator: 0x0A, omittingEmptySubsequences: false)
        let lastColumn = String(decoding: try #require(lines.last), as: UTF8.self).count + 1
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(data: Data(cut), file: "cut.json") }
        #expect(error.code == .badJSON)
        #expect(error.source.line == lines.count && error.source.column == lastColumn)
        #expect(error.description == "cut.json:\(lines.count):\(lastColumn): not valid JSON: the JSON ends here unexpectedly (a truncated file?)")
        #expect(error.chineseDescription.contains("JSON 在此处意外结束（文件被截断？）"))

        let broken = Data("{\"format\": \"budgetlens.disclosure\",\n  \"version\": 1,\n  \"disclosure\": x}".utf8)
        let syntax = try #require(throws: ReadError.self) { try DisclosureReader.read(data: broken, file: "x.json") }
        #expect(syntax.source.line == 3 && syntax.source.column == 17, "\(syntax)")
        #expect(syntax.message.hasPrefix("not valid JSON: JSON syntax error: "))
    }

    @Test("a table that appears twice is refused naming both places")
    func duplicatedTable() throws {
        var disclosure = try Seed.read(Seed.weihai)
        let count = disclosure.tables.count
        disclosure.tables.append(disclosure.tables[2])
        let error = try refusal(disclosure)
        #expect(error.message.hasSuffix("$.disclosure.tables[\(count)].id: 公开03 appears twice (first at $.disclosure.tables[2]) / 表重复"))
    }

    @Test("a cell whose value disagrees with its printed text is refused with both")
    func valueDisagreesWithText() throws {
        var disclosure = try Seed.read(Seed.weihai)
        // 公开01 row 0, 栏次 1 as printed in 001 (威海): its value one 分 off.
        let cell = disclosure.tables[0].rows[0].cells[0]
        let value = try #require(cell.value)
        #expect(value.fen > 0 && !cell.text.isEmpty)
        disclosure.tables[0].rows[0].cells[0].value = Money(fen: value.fen + 1)
        let error = try refusal(disclosure)
        let shifted = Money(fen: value.fen + 1).decimalString(in: .yuan)
        #expect(error.message.hasSuffix(
            "$.disclosure.tables[0].rows[0].cells[0]: value \(shifted) 元 disagrees with text '\(cell.text)', which reads as \(value.decimalString(in: .yuan)) 元 in 万元 / 数值与文本不符"))

        // A cell that is not a number has no value; an export giving it one is refused too.
        var words = try Seed.read(Seed.weihai)
        words.tables[0].rows[0].cells[0].text = "见附表"
        #expect(try refusal(words).message.contains("disagrees with text '见附表', which reads as no amount"))
    }

    @Test("every export of the seeds passes the validation", arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func seedExportsPass(seed: String) throws {
        let disclosure = try Seed.read(seed)
        #expect(try DisclosureReader.read(data: DisclosureJSON.encode(disclosure), file: "export.json") == disclosure)
    }

    @Test(
        "exports of a PDF and of layout text pass the validation",
        arguments: [Seed.financePDF, Seed.shanghaiSocialWorkLayout])
    func corpusExportsPass(name: String) throws {
        let disclosure = try DisclosureReader.read(path: Seed.corpusPath(name))
        #expect(!disclosure.tables.isEmpty)
        #expect(try DisclosureReader.read(data: DisclosureJSON.encode(disclosure), file: "export.json") == disclosure)
    }
}
