import BudgetLensCore
import Foundation

/// Writes a disclosure as an Office Open XML workbook (issue 14 §1): the sheet `封面` with the document title (year
/// and unit; see ``coverTitle``), then one sheet per public table (`公开01` …
/// `公开09`, the missing ones with their title and a note; then `情况说明` when the document has one,
/// ``XLSXNarrativeSheet``; then the annexes `汇总表`, `自评表1` … when the document
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
        let order = LayoutTemplate.of(disclosure).tableOrder  // the Shanghai template prints 三公 seventh
        let sheets =
            order.map { id -> (name: String, xml: String) in
                let name = id.formID
                guard let table = disclosure.table(id) else { return (name, XLSXSheet.missing(id, note: disclosure.absenceNote(id))) }
                return (name, XLSXSheet.xml(OfficialLayout.grid(for: table, in: disclosure)))
            } + (XLSXNarrativeSheet.sheet(disclosure).map { [$0] } ?? []) + XLSXAnnexSheets.sheets(disclosure)
        let contents = order.compactMap { disclosure.table($0) }.map { $0.title.isEmpty ? $0.id.canonicalTitle : $0.title }
        let cover = coverTitle.map { [(name: "封面", xml: XLSXSheet.cover(title: $0, contents: contents))] } ?? []
        // 图示: the native charts (XLSXCharts), after the tables and annexes.
        let charts = XLSXCharts.charts(disclosure)
        var all = cover + sheets
        var extra: [XLSXPackage.Part] = []
        if !charts.isEmpty {
            all.append((name: "图示", xml: XLSXCharts.sheet()))
            extra = XLSXCharts.parts(charts, sheetNumber: all.count)
        }
        return try XLSXPackage.archive(title: disclosure.header.title, sheets: all, extraParts: extra)
    }

    /// The title of the sheet `封面`, which carries the year and the unit a reader takes from a document's title:
    /// the document's own title when it names the year (and the unit, when known), else
    /// `{年}年度{单位}部门决算`; `nil` (no cover) when the year is unknown.
    var coverTitle: String? {
        let header = disclosure.header
        guard let year = header.year else { return nil }
        let title = header.title.trimmingCharacters(in: .whitespaces)
        if title.contains(String(year)), header.unitName.map({ title.contains($0) }) ?? true { return title }
        return "\(year)年度\(header.unitName ?? "")部门决算"
    }
}

/// The ZIP library returned no bytes for the in-memory archive.
public enum XLSXError: Error, Sendable, CustomStringConvertible {
    case noData
    public var description: String { "XLSX: 压缩包写入内存失败 (the ZIP archive could not be written to memory)" }
}
