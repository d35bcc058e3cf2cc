import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// Formulas stored without a cached value (as openpyxl writes them) are computed by the workbook reader; a cached
/// value, even the empty string, is read as cached; what cannot be computed is read as its text with a warning.
@Suite("Workbook formulas without cached values")
struct WorkbookFormulaTests {
    static func workbook(_ rows: String, in folder: URL) throws -> String {
        let parts = [
            "[Content_Types].xml": #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#,
            "xl/workbook.xml": #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + rows + "</sheetData></worksheet>",
        ]
        return try TestWorkbooks.zipped(parts, named: "formulas.xlsx", in: folder)
    }

    @Test("SUM, SUMIF on 3-character codes, IF(COUNT…), chains; a cached empty string stays blank; a cycle and AVERAGE are text")
    func computes() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>201</t></is></c><c r="B1"><v>8431.2800000000007</v></c><c r="C1"><v>0.1</v></c><c r="D1"><f>SUM(B1:C1)</f></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>20101</t></is></c><c r="B2"><v>5</v></c><c r="C2"><v>0.2</v></c><c r="D2"><f>$B$1-B2+(C1+C2)</f></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>合计</t></is></c><c r="B3"><f>SUMIF($A$1:$A$2,"???",B1:B2)</f></c><c r="C3"><f>IF(COUNT(E1:E2)=0,"",SUM(E1:E2))</f></c><c r="D3"><f>D1+B3</f></c></row>\
            <row r="6"><c r="A6" t="inlineStr"><is><t>x</t></is></c><c r="B6" t="str"><f>IF(A6="","",A6)</f><v></v></c><c r="C6"><f>SUM(D6)</f></c><c r="D6"><f>SUM(C6)</f></c><c r="E6"><f>AVERAGE(B1:B2)</f></c></row>
            """
        let path = try Self.workbook(rows, in: folder)
        let lines = try DisclosureReader.readableText(path: path).split(separator: "\n").map(String.init)
        // 8431.28 + 0.1; 8431.28 − 5 + 0.3 (exact, no binary noise); Σ of the 3-character code rows; blanks stay blank.
        // Rows 1–3 and 6 are one table (blank rows inside a table are skipped), so all span columns A–E.
        #expect(lines.contains("201\t8431.28\t0.1\t8431.38\t"))
        #expect(lines.contains("20101\t5\t0.2\t8426.58\t"))
        #expect(lines.contains("合计\t8431.28\t\t16862.66\t"))
        #expect(lines.contains("x\t\t=SUM(D6)\t=SUM(C6)\t=AVERAGE(B1:B2)"))
        let problems = try DisclosureReader.read(path: path).problems.filter { $0.code == "workbook.formula" }
        #expect(problems.map { $0.source.cell ?? "" }.sorted() == ["Sheet1!C6", "Sheet1!D6", "Sheet1!E6"])
        #expect(problems.first { $0.source.cell == "Sheet1!E6" }?.message.contains("the function AVERAGE") == true)
        #expect(problems.first { $0.source.cell == "Sheet1!C6" }?.message.contains("circular") == true)
    }

    @Test("* and / bind tighter than + and -, round half away from zero to a millionth; a blank is 0; ÷ 0 is text")
    func products() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fresh tester's case: C8 = 50, C9 = C8*2, C10 = C8+C9; then precedence, rounding, a blank, ÷ 0.
        let rows = """
            <row r="8"><c r="C8"><v>50</v></c><c r="D8"><f>C8/3</f></c><c r="E8"><f>-C8/3*3</f></c></row>            <row r="9"><c r="C9"><f>C8*2</f></c><c r="D9"><f>1+C8*2-4/2</f></c><c r="E9"><f>(1+C8)*2</f></c></row>            <row r="10"><c r="C10"><f>C8+C9</f></c><c r="D10"><f>C8*Z99</f></c><c r="E10"><f>C8/Z99</f></c></row>            <row r="11"><c r="C11"><f>SUM(C8:C10)</f></c><c r="D11"><f>0.000003/2</f></c><c r="E11"><f>-0.000005/2</f></c></row>
            """
        let path = try Self.workbook(rows, in: folder)
        let lines = try DisclosureReader.readableText(path: path).split(separator: "\n").map(String.init)
        // Each step is rounded to a millionth: −(50/3)×3 is −50.000001 here, −50 in Excel's doubles (both −50.00
        // under the tables' 0.00 format).
        #expect(lines.contains("50\t16.666667\t-50.000001"), "\(lines)")
        #expect(lines.contains("100\t99\t102"))
        #expect(lines.contains("150\t0\t=C8/Z99"))
        #expect(lines.contains("300\t0.000002\t-0.000003"))
        let problems = try DisclosureReader.read(path: path).problems.filter { $0.code == "workbook.formula" }
        #expect(problems.map { $0.source.cell ?? "" } == ["Sheet1!E10"])
        #expect(problems.first?.message.contains("a division by zero (#DIV/0!)") == true)
    }
}
