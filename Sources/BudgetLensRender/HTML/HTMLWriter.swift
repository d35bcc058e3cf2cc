import BudgetLensCore

/// Writes a disclosure as one self-contained, print-ready HTML page (issue 14 §1): a cover, the 目录, the nine
/// tables in their official layouts (``OfficialLayout``), the 情况说明 written by ``NarrativeWriter`` and the
/// charts (``DisclosureCharts``) as inline SVG. No scripts, no external requests (styles inline, system CJK
/// fonts), A4 pages with wide tables on landscape pages. Every text from the model is escaped (``MarkupText``).
public struct HTMLWriter: Sendable {
    let disclosure: Disclosure
    let previous: Disclosure?
    /// The 年初预算 and 主要原因 the 情况说明 uses beyond the tables (``NarrativeInputs``); none by default.
    public var inputs = NarrativeInputs()
    /// The printed page of each 目录 entry, by anchor (`t01` … `t09`, `narrative`): the 目录 cites them. Known
    /// only once the page has been printed (`budgetlens render --to pdf` prints twice); empty: no numbers.
    public var pages: [String: Int] = [:]

    /// A writer for `disclosure`; `previous` (last year's document) adds the year-on-year sentences and bars.
    public init(disclosure: Disclosure, previous: Disclosure? = nil) {
        self.disclosure = disclosure
        self.previous = previous
    }

    /// The page, UTF-8 HTML5.
    public func html() -> String {
        let header = disclosure.header
        let year = header.year.map(String.init) ?? ""
        var page = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"generator\" content=\"BudgetLens\">\n"
        page += "<title>\(MarkupText.escape(header.title))</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        page += cover()
        page += contents()
        let template = LayoutTemplate.of(disclosure)
        let heading = template.tablesHeading(unit: header.unitName, year: header.year)
        page += "<section class=\"part\" id=\"tables\">\n<h2>\(MarkupText.escape(heading))</h2>\n"
        for id in template.tableOrder {
            page += tableSection(id)
        }
        page += "</section>\n"
        page += narrative(year: year)
        page += HTMLAnnexes.markup(disclosure)
        page += "</body>\n</html>\n"
        return page
    }

    // MARK: - Parts

    func cover() -> String {
        let header = disclosure.header
        var html = "<section class=\"cover\">\n<h1>\(MarkupText.escape(header.title))</h1>\n"
        if let unit = header.unitName {
            html += "<p class=\"cover-unit\">\(MarkupText.escape(header.unitLabel ?? "部门"))：\(MarkupText.escape(unit))</p>\n"
        }
        if let year = header.year { html += "<p class=\"cover-year\">\(year)年度</p>\n" }
        return html + "</section>\n"
    }

    func contents() -> String {
        var html = "<nav class=\"contents\" aria-labelledby=\"contents-title\">\n<h2 id=\"contents-title\">目　录</h2>\n<ol>\n"
        let template = LayoutTemplate.of(disclosure)
        let shanghai = template == .shanghai  // its 目录 names the tables without 公开NN表, 三公 seventh
        for id in template.tableOrder {
            let title = disclosure.table(id)?.title ?? id.canonicalTitle
            let form = shanghai ? "" : "（\(id.formID)表）"
            html += "<li><a href=\"#t\(id.rawValue)\">\(MarkupText.escape(title))\(form)</a>\(page("t\(id.rawValue)"))</li>\n"
        }
        html += "<li><a href=\"#narrative\">情况说明</a>\(page("narrative"))</li>\n</ol>\n</nav>\n"
        return html
    }

    /// The dotted leader and page number of a 目录 entry, or nothing when the page is not known.
    func page(_ anchor: String) -> String {
        guard let number = pages[anchor] else { return "" }
        return "<span class=\"leader\"></span><span class=\"page\">\(number)</span>"
    }

    func tableSection(_ id: TableID) -> String {
        let wide = ![TableID.incomeExpenditureSummary, .generalBudgetExpenditure, .stateCapital].contains(id)
        var html = "<section class=\"table\(wide ? " wide" : "")\" id=\"t\(id.rawValue)\">\n"
        guard let table = disclosure.table(id) else {
            html += "<h3>\(MarkupText.escape(id.canonicalTitle))</h3>\n<p class=\"form\">\(id.formID)表</p>\n"
            html += "<p class=\"missing\">\(MarkupText.escape(disclosure.absenceNote(id)))</p>\n</section>\n"
            return html
        }
        let grid = OfficialLayout.grid(for: table, in: disclosure)
        html += "<h3 id=\"t\(id.rawValue)-title\">\(MarkupText.escape(grid.title))</h3>\n"
        html += "<div class=\"meta\"><span class=\"unit\">\(MarkupText.escape(grid.unitLine))</span>"
        // The Shanghai template prints no 公开NN表: its `单位：万元` stands alone.
        let form = grid.formLabel.isEmpty ? "" : "\(MarkupText.escape(grid.formLabel))<br>"
        html += "<span class=\"form\">\(form)\(MarkupText.escape(grid.moneyUnitLine))</span></div>\n"
        html += HTMLTable.markup(grid, labelledBy: "t\(id.rawValue)-title")
        for note in grid.notes {
            html += "<p class=\"note\">\(MarkupText.escape(note))</p>\n"
        }
        return html + "</section>\n"
    }

    func narrative(year: String) -> String {
        var html = "<section class=\"part\" id=\"narrative\">\n<h2>第三部分　\(MarkupText.escape(year))年度部门决算情况说明</h2>\n"
        let writer = NarrativeWriter(
            disclosure: disclosure, previous: previous, budgets: inputs.budgets, reasons: inputs.reasons)
        for section in writer.sections() {
            html += "<section class=\"narrative-section\">\n<h3>\(MarkupText.escape(section.heading))</h3>\n"
            for line in section.body.lines {
                html += "<p>\(MarkupText.escape(line.text))</p>\n"
            }
            html += "</section>\n"
        }
        return html + "</section>\n" + charts()
    }

    /// The charts, as a part of their own after the 情况说明 (`第四部分　图示`): their labels (`基本支出2,532.15
    /// (30.03%)`) are not sentences, and a reader of the printed document takes a part heading as the end of the
    /// 情况说明, so they are not read as its statements.
    func charts() -> String {
        let charts = DisclosureCharts(disclosure: disclosure, previous: previous).charts()
        guard !charts.isEmpty else { return "" }
        var html = "<section class=\"part charts\" id=\"charts\">\n<h2>第四部分　图示</h2>\n"
        for (index, chart) in charts.enumerated() {
            html += "<figure>\n\(chart.svg)\n<figcaption>图\(index + 1)　\(MarkupText.escape(chart.caption))</figcaption>\n</figure>\n"
        }
        return html + "</section>\n"
    }
}

/// The HTML `<table>` of a ``TableGrid``: header rows in `<thead>` (`th scope="col"`, `scope="colgroup"` when a
/// cell spans columns), body rows in `<tbody>` with row labels as `th scope="row"`, amounts right-aligned in
/// thousands-separated two-decimal form (a blank-means-zero cell as `0.00`, a filler row's blank blank).
public enum HTMLTable {
    /// The table's markup. `cellAttributes` (default none) adds attributes to a body `td`, e.g.
    /// ` id="cell-05-total-2" class="flagged"` for the web's document page: it returns the text to insert after
    /// `<td`, starting with a space, already escaped; a `class` it returns replaces `num`/`code` (include them
    /// yourself).
    public static func markup(
        _ grid: TableGrid, labelledBy id: String, cellAttributes: ((GridCell) -> String)? = nil
    ) -> String {
        let figureWidths = figureWidths(grid)
        var html = "<table aria-labelledby=\"\(id)\">\n<thead>\n"
        for row in grid.header {
            html += "<tr>"
            for cell in row {
                let scope = cell.columnSpan > 1 ? "colgroup" : "col"
                html += "<th scope=\"\(scope)\"\(spans(cell))>\(content(cell, unit: grid.moneyUnit))</th>"
            }
            html += "</tr>\n"
        }
        html += "</thead>\n<tbody>\n"
        for row in grid.body {
            html += "<tr>"
            var column = 0
            for cell in row {
                defer { column += cell.columnSpan }
                switch cell.role {
                case .rowHeader, .columnHeader:
                    html += "<th scope=\"row\"\(spans(cell))>\(content(cell, unit: grid.moneyUnit))</th>"
                case .data:
                    let extra = cellAttributes?(cell) ?? ""
                    let ownClass = extra.contains(" class=\"")
                    if case .amount = cell.content {
                        // The column's figures right-aligned in a box as wide as its widest figure, the box
                        // centred under the centred head and 栏次 number: the figures line up at the decimal
                        // point and every column's figures overlap its head (what a reader of the PDF keys on).
                        let width = figureWidths[column] ?? 0
                        let numClass = ownClass ? "" : " class=\"num\""
                        html += "<td\(numClass)\(extra)\(spans(cell))><span class=\"fig\" style=\"min-width:\(width)ch\">"
                        html += "\(content(cell, unit: grid.moneyUnit))</span></td>"
                    } else {
                        let code = grid.codeColumns.contains(column) && !ownClass ? " class=\"code\"" : ""
                        html += "<td\(code)\(extra)\(spans(cell))>\(content(cell, unit: grid.moneyUnit))</td>"
                    }
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The width, in `ch` (a digit's width), of the widest figure each grid column prints in the body, by grid
    /// column index; separators (`,` `.` `-`) count half a digit, rounded up. Columns without figures are absent.
    static func figureWidths(_ grid: TableGrid) -> [Int: Int] {
        var widths: [Int: Int] = [:]
        for row in grid.body {
            var column = 0
            for cell in row {
                defer { column += cell.columnSpan }
                guard case .amount = cell.content else { continue }
                let text = content(cell, unit: grid.moneyUnit)
                let digits = text.unicodeScalars.filter { $0.properties.numericType != nil }.count
                let others = text.unicodeScalars.count - digits
                let width = digits + (others + 1) / 2
                widths[column] = max(widths[column] ?? 0, width)
            }
        }
        return widths
    }

    static func spans(_ cell: GridCell) -> String {
        (cell.rowSpan > 1 ? " rowspan=\"\(cell.rowSpan)\"" : "") + (cell.columnSpan > 1 ? " colspan=\"\(cell.columnSpan)\"" : "")
    }

    static func content(_ cell: GridCell, unit: MoneyUnit) -> String {
        switch cell.content {
        case .text(let text): MarkupText.escape(text)
        case .empty: ""
        case .amount(let value, let text):
            if let value {
                value.isZero && text.isEmpty && cell.isFiller ? "" : value.groupedString(in: unit)
            } else {
                "<span class=\"unreadable\" title=\"非数字\">\(MarkupText.escape(text))</span>"
            }
        }
    }
}
