import BudgetLensCore
import BudgetLensRender
import BudgetLensStore

/// The parts of the document page built in Swift: the nine tables in their official layouts (the render module's
/// ``OfficialLayout`` and ``HTMLTable``, with each cell's id and the findings' marks added through its
/// `cellAttributes` hook), the 情况说明 with its checked sentences marked, and the findings' template context.
struct DocumentPage {
    let view: DocumentView
    let marks: CellMarks
    let statements: StatementMarks

    init(_ view: DocumentView) {
        self.view = view
        marks = CellMarks(disclosure: view.disclosure, findings: view.findings)
        statements = StatementMarks(disclosure: view.disclosure, findings: view.findings)
    }

    /// The nine tables, each a `<section class="table" id="tNN">`; a table the document lacks is stated missing.
    func tables() -> String {
        var html = ""
        for id in TableID.allCases {
            html += "<section class=\"table\" id=\"t\(id.rawValue)\">\n"
            guard let table = view.disclosure.table(id) else {
                html += "<h3>\(MarkupText.escape(id.canonicalTitle))</h3>\n"
                html += "<p class=\"missing\">\(MarkupText.escape(view.disclosure.absenceNote(id)))</p>\n</section>\n"
                continue
            }
            let grid = OfficialLayout.grid(for: table, in: view.disclosure)
            let keys = CellMarks.rowKeys(table)
            html += "<h3 id=\"t\(id.rawValue)-title\">\(MarkupText.escape(grid.title))</h3>\n"
            html += "<div class=\"meta\"><span>\(MarkupText.escape(grid.unitLine))</span>"
            // The 上海 layout prints no 公开NN表 label: the unit line alone, without the separating space.
            let meta = [grid.formLabel, grid.moneyUnitLine].filter { !$0.isEmpty }.map(MarkupText.escape)
            html += "<span>\(meta.joined(separator: "　"))</span></div>\n"
            html += HTMLTable.markup(grid, labelledBy: "t\(id.rawValue)-title") { cell in
                marks.attributes(for: cell, table: table, rowKeys: keys)
            }
            for note in grid.notes {
                html += "<p class=\"note\">\(MarkupText.escape(note))</p>\n"
            }
            html += "</section>\n"
        }
        return html
    }

    /// The 情况说明 as read (headings, body lines verbatim), each checked statement's sentence in a
    /// `<mark class="statement" id="stmt-{n}">`, `flagged {severity}` and `data-findings` when findings name it.
    func narrative() -> String {
        guard !view.disclosure.narrative.isEmpty else { return "<p class=\"muted\">本文档未读到情况说明。</p>\n" }
        var html = ""
        for section in view.disclosure.narrative {
            html += "<h3 class=\"narrative-heading\">\(MarkupText.escape(section.heading))</h3>\n"
            for line in section.body.lines {
                html += "<p>\(statements.markup(line))</p>\n"
            }
        }
        return html
    }

    /// The template context of the page body.
    func context() -> [String: Any] {
        let disclosure = view.disclosure
        let unit = disclosure.moneyUnit
        var counts = (errors: 0, warnings: 0, rounding: 0, infos: 0)
        let canExplain = view.session.user?.canExplain ?? false
        var findings: [[String: Any]] = []
        // Errors first, then warnings, rounding, infos; the engine's order within each.
        let rank = ["error": 0, "warning": 1, "rounding": 2, "info": 3]
        let ordered = view.findings.enumerated().sorted { a, b in
            let (x, y) = (rank[WebFormat.severityClass(a.element.finding)] ?? 3, rank[WebFormat.severityClass(b.element.finding)] ?? 3)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        for stored in ordered {
            let finding = stored.finding
            switch WebFormat.severityClass(finding) {
            case "error": counts.errors += 1
            case "warning": counts.warnings += 1
            case "rounding": counts.rounding += 1
            default: counts.infos += 1
            }
            let findingUnit = finding.location.table.flatMap { name in
                TableID.allCases.first { $0.formID == name }.flatMap { disclosure.table($0)?.moneyUnit }
            } ?? unit
            let explanations = view.explanations[stored.id] ?? []
            var item: [String: Any] = [
                "id": String(stored.id), "documentID": String(view.id), "rule": finding.rule,
                "severityClass": WebFormat.severityClass(finding), "severityLabel": WebFormat.severityLabel(finding),
                "message": finding.message, "place": finding.location.description.isEmpty ? "—" : finding.location.description,
                "isRounding": finding.isRounding, "canExplain": canExplain, "csrfToken": view.session.csrfToken,
                "hasExplanations": !explanations.isEmpty,
                "explanations": explanations.map { ["text": $0.text, "author": $0.author, "writtenAt": $0.writtenAt] },
            ]
            if let text = view.ruleTexts[finding.rule] { item["ruleText"] = text }
            if let target = marks.cellByFinding[stored.id] ?? statements.statementByFinding[stored.id] {
                item["target"] = target
            }
            if let expected = finding.expected { item["expected"] = WebFormat.value(expected, unit: findingUnit) }
            if let actual = finding.actual { item["actual"] = WebFormat.value(actual, unit: findingUnit) }
            if let difference = finding.difference { item["difference"] = WebFormat.signed(difference, unit: findingUnit) + findingUnit.rawValue }
            if let tolerance = finding.tolerance { item["tolerance"] = WebFormat.amount(tolerance, unit: findingUnit) }
            if let source = finding.location.source { item["source"] = WebFormat.source(source) }
            findings.append(item)
        }
        var context: [String: Any] = [
            "id": String(view.id), "title": disclosure.header.title.isEmpty ? view.file : disclosure.header.title,
            "published": view.published, "unitLabel": disclosure.header.unitLabel ?? "部门",
            "unit": disclosure.header.unitName ?? StoreReport.unknownUnit,
            "year": disclosure.header.year.map(String.init) ?? "—",
            "file": view.file.split(separator: "/").last.map(String.init) ?? view.file,
            "errors": String(counts.errors), "warnings": String(counts.warnings), "rounding": String(counts.rounding),
            "infos": String(counts.infos), "findingCount": String(view.findings.count), "findings": findings,
            "tables": tables(), "narrative": narrative(),
        ]
        if let previous = view.previousYear, let year = disclosure.header.year, let unitName = disclosure.header.unitName {
            context["compareLink"] = "/compare?unit=\(WebFormat.queryEscape(unitName))&from=\(previous)&to=\(year)"
        }
        return context
    }
}
