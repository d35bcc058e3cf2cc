import BudgetLensCore
import Foundation

/// Writes a disclosure as an Office Open XML workbook (issue 14 §1): one sheet per public table (`公开01` …
/// `公开09`, the missing ones with their title and a note; then the annexes `汇总表`, `自评表1` … when the document
/// has them, ``XLSXAnnexSheets``), each table's ``OfficialLayout`` grid: title, 公开NN表,
/// 部门 and 金额单位 lines, the header with merged cells, the body with amounts as numbers in the format
/// `#,##0.00` (two decimals), column widths, the header rows frozen, the 注 lines below.
///
/// The package (ZIPFoundation, deflate) holds `[Content_Types].xml`, `_rels/.rels`, `docProps/app.xml`,
/// `docProps/core.xml`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, `xl/styles.xml` and one
/// `xl/worksheets/sheetN.xml`; strings are inline (`t="inlineStr"`), escaped by ``MarkupText``.
public struct XLSXWriter: Sendable {
    let disclosure: Disclosure

    /// A writer for `disclosure`.
    public init(disclosure: Disclosure) {
        self.disclosure = disclosure
    }

    /// The workbook's bytes. Throws only if the ZIP library fails to write to memory.
    public func data() throws -> Data {
        let sheets =
            TableID.allCases.map { id -> (name: String, xml: String) in
                let name = id.formID
                guard let table = disclosure.table(id) else { return (name, XLSXSheet.missing(id)) }
                return (name, XLSXSheet.xml(OfficialLayout.grid(for: table, in: disclosure)))
            } + XLSXAnnexSheets.sheets(disclosure)
        return try XLSXPackage.archive(title: disclosure.header.title, sheets: sheets)
    }
}

/// The ZIP library returned no bytes for the in-memory archive.
public enum XLSXError: Error, Sendable, CustomStringConvertible {
    case noData
    public var description: String { "XLSX: 压缩包写入内存失败 (the ZIP archive could not be written to memory)" }
}
