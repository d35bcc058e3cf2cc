import BudgetLensCore

/// Native workbook charts (DrawingML `c:chartSpace`, ECMA-376 Part 1 §21.2) on a sheet `图示` of the rendered
/// workbook (docs/render-template.md): a column chart of 收、支决算总计 (公开01 行31 and 行62) and a pie of the
/// 支出决算结构 (公开03 合计 栏次2–6, zero parts left out), Chinese titles, every value labelled.
///
/// The values are literals in the chart (`c:strLit`, `c:numLit`), not references to cells: the sheet holds no
/// cells, so the workbook reader reads no extra rows (a data block would read as a table). A chart is left out
/// when its table is missing; no sheet when both are.
enum XLSXCharts {
    /// One chart: its title, kind and the labelled values (amounts in 万元 as plain decimals).
    struct Chart {
        enum Kind { case column, pie }
        var title: String
        var kind: Kind
        var series: String
        var points: [(label: String, value: String)]
    }

    /// The charts of `disclosure`.
    static func charts(_ disclosure: Disclosure) -> [Chart] {
        var charts: [Chart] = []
        let year = disclosure.header.year.map { "\($0)年度" } ?? "本年度"
        if let summary = disclosure.table(.incomeExpenditureSummary) {
            let income = summary.rows.first { $0.standardLine == 31 }?.cell(1)?.value
            let expenditure = summary.rows.first { $0.standardLine == 62 }?.cell(2)?.value
            if let income, let expenditure {
                charts.append(
                    Chart(
                        title: "收、支决算总计（万元）", kind: .column, series: year,
                        points: [("收入总计", income.decimalString(in: .wanYuan)), ("支出总计", expenditure.decimalString(in: .wanYuan))]))
            }
        }
        if let table = disclosure.table(.expenditure), let total = table.rows.first(where: { $0.kind == .total }) {
            let points = table.columns.filter { $0.number >= 2 }.compactMap { column -> (label: String, value: String)? in
                guard let value = total.cell(column.number)?.value, !value.isZero, value.fen > 0 else { return nil }
                return (column.name, value.decimalString(in: .wanYuan))
            }
            if !points.isEmpty {
                charts.append(Chart(title: "支出决算结构（万元）", kind: .pie, series: year, points: points))
            }
        }
        return charts
    }

    static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The sheet `图示`: no cells, the drawing.
    static func sheet() -> String {
        XLSXPackage.header + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"\(relationshipNamespace)\"><sheetData/><drawing r:id=\"rId1\"/></worksheet>"
    }

    /// The sheet's relationship to the drawing.
    static let sheetRelationships = XLSXPackage.header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/drawing\" Target=\"../drawings/drawing1.xml\"/>"
        + "</Relationships>"

    /// The drawing: chart i anchored at columns 0–9, rows 20 × i to 20 × i + 18.
    static func drawing(count: Int) -> String {
        var xml = XLSXPackage.header
        xml += "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"\(drawingNamespace)\">"
        for index in 0..<count {
            xml += "<xdr:twoCellAnchor>"
            xml += "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\(1 + 20 * index)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
            xml += "<xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\(19 + 20 * index)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
            xml += "<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"\(index + 2)\" name=\"图\(index + 1)\"/>"
            xml += "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
            xml += "<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm>"
            xml += "<a:graphic><a:graphicData uri=\"\(chartNamespace)\">"
            xml += "<c:chart xmlns:c=\"\(chartNamespace)\" xmlns:r=\"\(relationshipNamespace)\" r:id=\"rId\(index + 1)\"/>"
            xml += "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
        }
        return xml + "</xdr:wsDr>"
    }

    /// The drawing's relationships to `chart1.xml` … .
    static func drawingRelationships(count: Int) -> String {
        var xml = XLSXPackage.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 0..<count {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/chart\" Target=\"../charts/chart\(index + 1).xml\"/>"
        }
        return xml + "</Relationships>"
    }

    /// One chart part.
    static func chartSpace(_ chart: Chart) -> String {
        var xml = XLSXPackage.header
        xml += "<c:chartSpace xmlns:c=\"\(chartNamespace)\" xmlns:a=\"\(drawingNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<c:roundedCorners val=\"0\"/><c:chart>"
        xml += "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>\(MarkupText.escape(chart.title))</a:t></a:r></a:p></c:rich></c:tx>"
        xml += "<c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>"
        let labels = chart.kind == .pie
            ? "<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"1\"/><c:showSerName val=\"0\"/><c:showPercent val=\"1\"/><c:showBubbleSize val=\"0\"/><c:showLeaderLines val=\"1\"/></c:dLbls>"
            : "<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
        var series = "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>\(MarkupText.escape(chart.series))</c:v></c:tx>"
        if chart.kind == .column { series += "<c:invertIfNegative val=\"0\"/>" }
        series += labels + "<c:cat><c:strLit><c:ptCount val=\"\(chart.points.count)\"/>"
        for (index, point) in chart.points.enumerated() {
            series += "<c:pt idx=\"\(index)\"><c:v>\(MarkupText.escape(point.label))</c:v></c:pt>"
        }
        series += "</c:strLit></c:cat><c:val><c:numLit><c:formatCode>#,##0.00</c:formatCode><c:ptCount val=\"\(chart.points.count)\"/>"
        for (index, point) in chart.points.enumerated() {
            series += "<c:pt idx=\"\(index)\"><c:v>\(point.value)</c:v></c:pt>"
        }
        series += "</c:numLit></c:val></c:ser>"
        switch chart.kind {
        case .column:
            xml += "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>" + series
            xml += "<c:gapWidth val=\"150\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>"
            xml += "<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
            xml += "<c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/>"
            xml += "<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>"
            xml += "<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
            xml += "<c:axPos val=\"l\"/><c:majorGridlines/><c:numFmt formatCode=\"#,##0\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/>"
            xml += "<c:crossAx val=\"1001\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>"
        case .pie:
            xml += "<c:pieChart><c:varyColors val=\"1\"/>" + series + "<c:firstSliceAng val=\"0\"/></c:pieChart>"
        }
        xml += "</c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/>"
        return xml + "</c:chart></c:chartSpace>"
    }

    /// The parts beyond the sheet XML: the sheet's relationships, the drawing, its relationships and the charts,
    /// with their content types (`nil` for relationship parts, typed by the `rels` default). `sheetNumber` is the
    /// 1-based position of the `图示` sheet.
    static func parts(_ charts: [Chart], sheetNumber: Int) -> [XLSXPackage.Part] {
        var parts: [XLSXPackage.Part] = [
            .init(path: "xl/worksheets/_rels/sheet\(sheetNumber).xml.rels", xml: sheetRelationships, contentType: nil),
            .init(
                path: "xl/drawings/drawing1.xml", xml: drawing(count: charts.count),
                contentType: "application/vnd.openxmlformats-officedocument.drawing+xml"),
            .init(path: "xl/drawings/_rels/drawing1.xml.rels", xml: drawingRelationships(count: charts.count), contentType: nil),
        ]
        for (index, chart) in charts.enumerated() {
            parts.append(
                .init(
                    path: "xl/charts/chart\(index + 1).xml", xml: chartSpace(chart),
                    contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"))
        }
        return parts
    }
}
