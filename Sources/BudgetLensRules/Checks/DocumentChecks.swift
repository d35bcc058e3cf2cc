import BudgetLensCore

/// Checks of the document as a whole: the nine tables, the unit's name, placeholders, years, reading problems.
enum DocumentChecks {
    /// Every one of the nine tables is present; a missing one is a finding, saying whether the 目录 lists it. A
    /// part the 目录 lists (`第三部分 …情况说明`, `第四部分 名词解释`) that the document lacks is a finding too: a text
    /// cut before its 情况说明 would otherwise pass every narrative check by having no narrative.
    static func tablesPresent(_ context: CheckContext) -> [Finding] {
        tablesMissing(context) + listedPartsMissing(context)
    }

    private static func tablesMissing(_ context: CheckContext) -> [Finding] {
        let listed = listedTables(in: context.disclosure)
        return context.disclosure.missingTables.map { id in
            if let entry = listed[id] {
                return context.finding(
                    "目录列出“\(entry.text)”，但文中没有\(id.formID) \(id.canonicalTitle)",
                    "the 目录 lists '\(entry.text)' but the document has no \(id.formID) \(id.canonicalTitle)",
                    at: FindingLocation(table: id.formID, item: id.canonicalTitle, source: entry.source),
                    expected: "present", actual: "missing")
            }
            return context.finding(
                "缺少\(id.formID) \(id.canonicalTitle)（九张公开表均须公开，无数据也应公开空表）",
                "\(id.formID) \(id.canonicalTitle) is missing (all nine tables must be published, empty or not)",
                at: FindingLocation(table: id.formID, item: id.canonicalTitle, source: context.documentLocation.source),
                expected: "present", actual: "missing")
        }
    }

    /// The 目录's part entries for the 情况说明 and the 名词解释 whose part is not in the document.
    private static func listedPartsMissing(_ context: CheckContext) -> [Finding] {
        let disclosure = context.disclosure
        let parts: [(word: String, role: PartRole, present: Bool)] = [
            ("情况说明", .narrative, !disclosure.narrative.isEmpty),
            ("名词解释", .glossary, !disclosure.glossary.isEmpty),
        ]
        var findings: [Finding] = []
        for part in parts where !part.present && !disclosure.parts.contains(where: { $0.role == part.role }) {
            guard
                let entry = disclosure.tableOfContents.first(where: { entry in
                    entry.text.hasPrefix("第") && entry.text.contains("部分") && entry.text.contains(part.word)
                })
            else { continue }
            findings.append(
                context.finding(
                    "目录列出“\(entry.text)”，但文中没有\(part.word)（文件不完整？）",
                    "the 目录 lists '\(entry.text)' but the document has no \(part.word) (an incomplete file?)",
                    at: FindingLocation(item: part.word, source: entry.source), expected: "present", actual: "missing"))
        }
        return findings
    }

    /// The 目录 entries that name one of the nine tables.
    static func listedTables(in disclosure: Disclosure) -> [TableID: ContentsEntry] {
        var listed: [TableID: ContentsEntry] = [:]
        for entry in disclosure.tableOfContents {
            guard let id = TableTitles.table(named: entry.text), listed[id] == nil else { continue }
            listed[id] = entry
        }
        return listed
    }

    /// One name on every table, and the same unit as the cover.
    static func unitNamesConsistent(_ context: CheckContext) -> [Finding] {
        let disclosure = context.disclosure
        var findings: [Finding] = []
        // The name the tables print (the document's unit is the cover's when the two differ).
        if let unit = disclosure.header.tablesUnitName ?? disclosure.header.unitName {
            for table in disclosure.tables {
                guard let name = table.unitName, TextNormalization.key(name) != TextNormalization.key(unit) else { continue }
                findings.append(
                    context.finding(
                        "\(table.id.formID)表头单位名称为“\(name)”，与其他表的“\(unit)”不一致",
                        "\(table.id.formID) names the unit '\(name)', other tables '\(unit)'",
                        at: context.location(of: table), expected: unit, actual: name))
            }
            let coreName = TextNormalization.key(withoutScope(unit))
            let cover = TextNormalization.key(disclosure.header.title)
            // A document that starts with a table (a fragment: `"三公"经费支出决算表`) has no cover to compare.
            let coverIsTable = TableTitles.table(named: disclosure.header.title) != nil
            if !coreName.isEmpty, !cover.isEmpty, !coverIsTable, !cover.contains(coreName) {
                findings.append(
                    context.finding(
                        "表中单位名称“\(unit)”与封面“\(disclosure.header.title)”不一致",
                        "the tables name the unit '\(unit)', the cover says '\(disclosure.header.title)'",
                        at: FindingLocation(item: unit, source: unitSource(unit, in: disclosure)),
                        expected: disclosure.header.title, actual: unit))
            }
        }
        return findings
    }

    private static func withoutScope(_ name: String) -> String {
        var name = name
        for suffix in ["（本级）", "(本级)", "（汇总）", "(汇总)"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        return name
    }

    /// Where the unit name is printed: a table header, else a part heading.
    private static func unitSource(_ unit: String, in disclosure: Disclosure) -> SourceLocation? {
        if let table = disclosure.tables.first(where: { $0.unitName == unit }) { return table.source }
        let key = TextNormalization.key(unit)
        return disclosure.parts.first { TextNormalization.key($0.heading).contains(key) }?.source
            ?? disclosure.tables.first?.source
    }

    /// No template placeholder (`XX局`, `××`) left in the title, headings, table headers or the template's text
    /// (every part but the 附件, which holds reports written outside the template).
    static func noPlaceholders(_ context: CheckContext) -> [Finding] {
        let disclosure = context.disclosure
        var lines: [TextLine] = []
        if let source = disclosure.header.source { lines.append(TextLine(text: disclosure.header.title, source: source)) }
        lines += disclosure.parts.map { TextLine(text: $0.heading, source: $0.source) }
        lines += disclosure.tableOfContents.map { TextLine(text: $0.text, source: $0.source) }
        lines += disclosure.parts.filter { $0.role != .annex }.flatMap(\.body.lines)
        if !disclosure.parts.contains(where: { $0.role == .narrative }) {  // no 第N部分 headings: the sections
            for section in disclosure.narrative {
                lines.append(TextLine(text: section.heading, source: section.source))
                lines += section.body.lines
            }
        }
        for table in disclosure.tables {
            lines.append(TextLine(text: table.title, source: table.source))
            if let name = table.unitName { lines.append(TextLine(text: name, source: table.source)) }
        }
        var seenLines = Set<Int>()
        var findings: [Finding] = []
        for line in lines where seenLines.insert(line.source.line).inserted {
            guard let placeholder = placeholder(in: line.text) else { continue }
            findings.append(
                context.finding(
                    "“\(line.text)”中留有模板占位符“\(placeholder)”",
                    "'\(line.text)' still holds the template placeholder '\(placeholder)'",
                    at: FindingLocation(item: line.text, source: line.source), expected: "a name", actual: placeholder))
        }
        return findings
    }

    /// `XX`, `XXX`, `××`, `ＸＸ` standing for a name; `202X年`, a year left for the template's user to finish.
    static func placeholder(in text: String) -> String? {
        // Byte searches first: most lines hold no run of X, x, ×, Ｘ or ｘ.
        guard ["XX", "xxx", "××", "ＸＸ", "ｘｘ", "X年", "×年", "Ｘ年"].contains(where: text.containsText) else { return nil }
        let characters = Array(text)
        if let year = unfinishedYear(in: characters) { return year }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if "XＸ×xｘ".contains(character) {
                var end = index
                while end < characters.count, characters[end] == character { end += 1 }
                let run = end - index
                let before = index > 0 ? characters[index - 1] : " "
                let after = end < characters.count ? characters[end] : " "
                let isolated = !(before.isASCII && before.isLetter) && !(after.isASCII && after.isLetter)
                if run >= 2, isolated, character != "x" || run >= 3 { return String(characters[index..<end]) }
                index = end
            } else {
                index += 1
            }
        }
        return nil
    }

    /// `202X年`, `20X年`: digits, then one X (or ×, Ｘ) before 年.
    private static func unfinishedYear(in characters: [Character]) -> String? {
        for index in characters.indices.dropFirst(2) where "XＸ×".contains(characters[index]) {
            guard index + 1 < characters.count, characters[index + 1] == "年" else { continue }
            var start = index
            while start > 0, characters[start - 1].isASCII, characters[start - 1].isNumber { start -= 1 }
            if index - start >= 2 { return String(characters[start...index]) }
        }
        return nil
    }

    /// The year in every part heading is the document's year.
    static func yearsConsistent(_ context: CheckContext) -> [Finding] {
        guard let year = context.disclosure.header.year else { return [] }
        // Part headings, and the 目录 entries that name them (checked alike: `202 年度` is as wrong in either).
        let headings =
            context.disclosure.parts.map { (text: $0.heading, source: $0.source, kind: ("", "heading")) }
            + context.disclosure.tableOfContents.map { (text: $0.text, source: $0.source, kind: ("目录条目", "目录 entry")) }
        return headings.compactMap { heading in
            let location = FindingLocation(item: heading.text, source: heading.source)
            if let malformed = malformedYear(in: heading.text) {
                return context.finding(
                    "\(heading.kind.0)“\(heading.text)”的年度写作“\(malformed)年度”，不是完整年份，本决算为\(year)年度",
                    "the \(heading.kind.1) '\(heading.text)' gives the year as '\(malformed)', not a full year; "
                        + "the final accounts are for \(year)",
                    at: location, expected: String(year), actual: malformed)
            }
            guard let printed = yearMentioned(in: heading.text), printed != year else { return nil }
            return context.finding(
                "\(heading.kind.0)“\(heading.text)”写作\(printed)年度，本决算为\(year)年度",
                "the \(heading.kind.1) '\(heading.text)' says \(printed), the final accounts are for \(year)",
                at: location, expected: String(year), actual: String(printed))
        }
    }

    /// Digits that stand where a year belongs but are not four (`202 年度`, `20244年度`), if any.
    static func malformedYear(in text: String) -> String? {
        let characters = Array(TextNormalization.key(text))
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
            let digits = String(characters[start..<index])
            let followedByYear = index + 1 < characters.count && characters[index] == "年" && characters[index + 1] == "度"
            if followedByYear, digits.count != 4, digits.count >= 2, digits.hasPrefix("20") || digits.hasPrefix("19") {
                return digits
            }
        }
        return nil
    }

    private static func yearMentioned(in text: String) -> Int? {
        let characters = Array(TextNormalization.key(text))
        guard characters.count >= 5 else { return nil }
        for index in 0...(characters.count - 5) {
            let window = characters[index..<(index + 4)]
            if window.allSatisfy({ $0.isASCII && $0.isNumber }), characters[index + 4] == "年",
                index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber)
            {
                return Int(String(window))
            }
        }
        return nil
    }

    /// The reader's problems of severity warning or error, as findings; the Chinese message names the kind of
    /// problem (`单元格不是金额：…`) and gives the detail's Chinese (``ReadProblem/chineseDetail``), the English message its English.
    static func readingProblems(_ context: CheckContext) -> [Finding] {
        context.disclosure.problems.filter { $0.severity >= .warning }.map { problem in
            Finding(
                rule: context.rule.id, severity: problem.severity,
                message: "\(context.rule.text)：\(problem.chineseTitle.map { "\($0)：" } ?? "")\(problem.chineseDetail)", messageEnglish: "\(context.rule.textEnglish): \(problem.englishDetail)",
                location: FindingLocation(table: problem.table?.formID, source: problem.source))
        }
    }
}
