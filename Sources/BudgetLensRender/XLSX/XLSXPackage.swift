import Foundation
import ZIPFoundation

/// The fixed parts of the XLSX package (ECMA-376 Part 1 and 2): content types, relationships, document
/// properties and the workbook's sheet list.
enum XLSXPackage {
    /// The workbook as ZIP bytes: the package parts, the styles and one worksheet per sheet (its name and its
    /// sheet XML), in order. A fixed modification date keeps the bytes reproducible.
    ///
    /// - Throws: ``XLSXError/noData`` when the ZIP library fails to write to memory.
    /// `calculateOnLoad`: the workbook asks the application to recalculate its formulas when it opens it (the
    /// data-entry workbook stores formulas without cached values).
    /// A part beyond the sheets (a drawing, a chart, a relationships part), with its content type (`nil`: covered
    /// by a default, `rels`).
    struct Part {
        var path: String
        var xml: String
        var contentType: String?
    }

    /// `extraParts`: drawings, charts and their relationships (``XLSXCharts``).
    static func archive(
        title: String, sheets: [(name: String, xml: String)], calculateOnLoad: Bool = false, extraParts: [Part] = []
    ) throws -> Data {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count, extra: extraParts)),
            ("_rels/.rels", rootRelationships),
            ("docProps/app.xml", app),
            ("docProps/core.xml", core(title: title)),
            ("xl/workbook.xml", workbook(sheetNames: sheets.map(\.name), calculateOnLoad: calculateOnLoad)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", XLSXStyles.xml),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml))
        }
        parts += extraParts.map { ($0.path, $0.xml) }
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_704_067_200)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw XLSXError.noData }
        return data
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func contentTypes(sheetCount: Int, extra: [Part] = []) -> String {
        var xml = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 1...max(1, sheetCount) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        for part in extra {
            guard let type = part.contentType else { continue }
            xml += "<Override PartName=\"/\(part.path)\" ContentType=\"\(type)\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>"
    }

    static let rootRelationships = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static let app = header
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>BudgetLens</Application></Properties>"

    static func core(title: String) -> String {
        header
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(MarkupText.escape(title))</dc:title><dc:creator>BudgetLens</dc:creator>"
            + "</cp:coreProperties>"
    }

    static func workbook(sheetNames: [String], calculateOnLoad: Bool = false) -> String {
        var xml = header + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        xml += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        for (index, name) in sheetNames.enumerated() {
            xml += "<sheet name=\"\(MarkupText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        if calculateOnLoad { xml += "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/>" }
        return xml + "</workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...max(1, sheetCount) {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }
}

/// The cell styles (`cellXfs` indexes) the sheets use.
enum XLSXStyles {
    /// Title: bold 14pt, centred.
    static let title = 1
    /// Header cell: bold, centred, wrapped, thin border, grey fill.
    static let header = 2
    /// Body text cell: thin border, left.
    static let text = 3
    /// Amount: thin border, `#,##0.00` (numFmtId 4).
    static let amount = 4
    /// Plain text without border (the 部门 line, 注 lines).
    static let plain = 5
    /// Plain text, right-aligned (公开NN表, 金额单位).
    static let right = 6
    /// Body code / 行次 cell: thin border, centred.
    static let centered = 7
    /// An amount the preparer types: as ``amount``, unlocked, pale yellow.
    static let amountInput = 8
    /// Text the preparer types (科目编码, 科目名称, a key, a reason): text format `@`, unlocked, pale yellow.
    static let textInput = 9
    /// The title, unlocked (the data-entry workbook's cover).
    static let titleInput = 10

    static let xml = XLSXPackage.header
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"3\">"
        + "<font><sz val=\"10\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"10\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"14\"/><name val=\"黑体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        + "</fonts>"
        + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFF2F2F2\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFFBE6\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        + "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
        + "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"11\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"right\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment horizontal=\"right\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\"><alignment horizontal=\"right\" vertical=\"center\"/><protection locked=\"0\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/><protection locked=\"0\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\" applyProtection=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/><protection locked=\"0\"/></xf>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
