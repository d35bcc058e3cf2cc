import BudgetLensCore

/// Checks of each table's header: canonical title, 公开 label and 金额单位.
enum TableChecks {
    /// A printed title that differs from the canonical wording: a warning, or info for the wording of a
    /// template in use (Shanghai's `…基本支出决算表`).
    static func canonicalTitles(_ context: CheckContext) -> [Finding] {
        context.disclosure.tables.compactMap { table in
            let printed = TextNormalization.key(table.title)
            let canonical = TextNormalization.key(table.id.canonicalTitle)
            guard !printed.hasSuffix(canonical) else { return nil }
            let isVariant = TableTitles.templateVariants.contains { printed.hasSuffix(TextNormalization.key($0)) }
            return context.finding(
                "\(table.id.formID)标题为“\(table.title)”，规范名称为“\(table.id.canonicalTitle)”",
                "\(table.id.formID) is titled '\(table.title)'; the canonical title is '\(table.id.canonicalTitle)'",
                at: context.location(of: table), expected: table.id.canonicalTitle, actual: table.title,
                severity: isVariant ? .info : nil)
        }
    }

    /// Where most tables print a `公开NN表` label or a `金额单位`, a table that does not; and a label whose number is
    /// not the table's.
    static func headersConsistent(_ context: CheckContext) -> [Finding] {
        let tables = context.disclosure.tables
        guard !tables.isEmpty else { return [] }
        let labelled = tables.filter { $0.formLabel != nil }.count
        let withUnit = tables.filter { $0.moneyUnit != nil }.count
        var findings: [Finding] = []
        for table in tables {
            if let label = table.formLabel {
                let labelled = TableID(number: label)
                // The central/深圳 numbering (三公 = 公开07表) is a numbering, not a mislabel, unless another table
                // of the document carries the same label.
                let central =
                    labelled != nil && TableTitles.centralNumbering[table.id] == labelled
                    && !tables.contains { $0.id != table.id && $0.formLabel.flatMap(TableID.init(number:)) == labelled }
                if labelled != table.id, !central {
                    findings.append(
                        context.finding(
                            "\(table.id.canonicalTitle)标为“\(label)”，应为“\(table.id.formID)表”",
                            "\(table.id.canonicalTitle) is labelled '\(label)', it is \(table.id.formID)",
                            at: context.location(of: table), expected: "\(table.id.formID)表", actual: label))
                }
            } else if labelled * 2 > tables.count {
                findings.append(
                    context.finding(
                        "\(table.id.formID)未标注“\(table.id.formID)表”", "\(table.id.formID) has no '\(table.id.formID)表' label",
                        at: context.location(of: table), expected: "\(table.id.formID)表", actual: "none"))
            }
            if table.moneyUnit == nil, withUnit * 2 > tables.count {
                findings.append(
                    context.finding(
                        "\(table.id.formID)未标注金额单位", "\(table.id.formID) does not state its money unit (金额单位)",
                        at: context.location(of: table), expected: "金额单位：万元", actual: "none"))
            }
        }
        return findings
    }
}
