import BudgetLensCore

/// Checks of classification codes: their form, their parents, which fund's tables they may appear in.
enum CodeChecks {
    /// Codes of 3, 5 or 7 digits (3 or 5 in 公开06), and every 款 and 项 under its parent.
    static func wellFormed(_ context: CheckContext, table id: TableID) -> [Finding] {
        guard let table = context.disclosure.table(id) else { return [] }
        let codes = Set(table.rows.compactMap(\.code))
        var findings: [Finding] = []
        for row in table.rows {
            guard let code = row.code else { continue }
            let location = FindingLocation(table: id.formID, code: code, item: row.item, source: row.source)
            let level = ClassificationCode.level(of: code)
            if level == nil || (id.shape == .economic && level == .item) {
                findings.append(
                    context.finding(
                        "\(id.formID)科目编码“\(code)”格式不正确（应为\(id.shape == .economic ? "3或5" : "3、5或7")位数字）",
                        "\(id.formID) code '\(code)' is malformed", at: location, expected: "a 3/5/7-digit code",
                        actual: code))
                continue
            }
            if let parent = ClassificationCode.parent(of: code), !codes.contains(parent) {
                findings.append(
                    context.finding(
                        "\(id.formID)列有\(level?.chineseName ?? "")级科目\(code)\(row.item)，但缺少其上级科目\(parent)",
                        "\(id.formID) lists \(code) \(row.item) without its parent \(parent)", at: location,
                        expected: "parent \(parent) listed", actual: "absent"))
            }
        }
        return findings
    }

    /// No code of the table starts with one of `prefixes` (e.g. 223 国有资本经营预算支出 in 公开05).
    static func absent(_ context: CheckContext, table id: TableID, prefixes: [String]) -> [Finding] {
        guard let table = context.disclosure.table(id) else { return [] }
        return table.rows.compactMap { row in
            guard let code = row.code, let prefix = prefixes.first(where: { code.hasPrefix($0) }) else { return nil }
            return context.finding(
                "\(id.formID)不应列示\(prefix)类科目，但列有\(code)\(row.item)",
                "\(id.formID) must not hold codes under \(prefix), but lists \(code) \(row.item)",
                at: FindingLocation(table: id.formID, code: code, item: row.item, source: row.source),
                expected: "no \(prefix)…", actual: code)
        }
    }

    /// Every code of the table starts with one of `prefixes` (e.g. 公开08 holds only 223).
    static func only(_ context: CheckContext, table id: TableID, prefixes: [String]) -> [Finding] {
        guard let table = context.disclosure.table(id) else { return [] }
        return table.rows.compactMap { row in
            guard let code = row.code, !prefixes.contains(where: { code.hasPrefix($0) }) else { return nil }
            return context.finding(
                "\(id.formID)只应列示\(prefixes.joined(separator: "、"))类科目，但列有\(code)\(row.item)",
                "\(id.formID) holds only codes under \(prefixes.joined(separator: ", ")), but lists \(code) \(row.item)",
                at: FindingLocation(table: id.formID, code: code, item: row.item, source: row.source),
                expected: prefixes.joined(separator: "/") + "…", actual: code)
        }
    }

    /// The table lists no code rows (a fund the unit did not receive has an empty table).
    static func noCodeRows(_ context: CheckContext, table id: TableID) -> [Finding] {
        guard let table = context.disclosure.table(id) else { return [] }
        return table.rows.filter { $0.kind == .code && $0.cells.contains { !($0.value?.isZero ?? true) } }.map { row in
            context.finding(
                "本年无此项财政拨款，\(id.formID)却列有\(row.code ?? "")\(row.item)",
                "the unit received no such appropriation, yet \(id.formID) lists \(row.code ?? "") \(row.item)",
                at: FindingLocation(table: id.formID, code: row.code, item: row.item, source: row.source),
                expected: "empty", actual: row.code ?? row.item)
        }
    }
}
