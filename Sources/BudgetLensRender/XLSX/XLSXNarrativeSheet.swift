import BudgetLensCore

/// The 情况说明 as a worksheet `情况说明` after the nine tables (issue 9 round trip): the part's heading in A1, then
/// each numbered section's heading (`一、收入支出决算总体情况说明`) and its body lines, one line a row in column A (a
/// line of tab-separated fields one field a column), as
/// the document printed them. The workbook reader reads the sheets' cells as text in order, so the sheet reads
/// back as the narrative, and `check` on the rendered workbook gives the narrative findings (N-BIND, N-SHARE …)
/// of the source. No sheet when the document has no 情况说明.
enum XLSXNarrativeSheet {
    /// The sheet's name.
    static let name = "情况说明"

    /// The sheet, or `nil` when `disclosure` has no narrative section.
    static func sheet(_ disclosure: Disclosure) -> (name: String, xml: String)? {
        guard !disclosure.narrative.isEmpty else { return nil }
        // A body line of tab-separated fields (a 自评表 printed inside 十三) is a row of cells, one field a column, so
        // that it reads back as a table row, not as prose with its cells run together.
        let width = disclosure.narrative.flatMap(\.body.lines).map { $0.text.split(separator: "\t", omittingEmptySubsequences: false).count }
            .max() ?? 1
        var writer = XLSXSheet.Writer(width: max(1, width))
        let heading = disclosure.parts.first { $0.role == .narrative }?.heading ?? name
        var row = 1
        writer.put(row: row, column: 1, .string(heading.isEmpty ? name : heading), style: XLSXStyles.plain)
        for section in disclosure.narrative {
            row += 1
            writer.put(row: row, column: 1, .string(section.heading), style: XLSXStyles.plain)
            for line in section.body.lines where !line.text.isEmpty {
                row += 1
                for (offset, field) in line.text.split(separator: "\t", omittingEmptySubsequences: false).enumerated()
                where !field.isEmpty {
                    writer.put(row: row, column: offset + 1, .string(String(field)), style: XLSXStyles.plain)
                }
            }
        }
        return (name, writer.xml(frozenRows: 0, widths: [120], landscape: false))
    }
}
