import BudgetLensCore
import Foundation

/// The data-entry workbook (`budgetlens template --to xlsx`, issue 14 §5, docs/render-template.md): the sheet
/// `封面` (the document title `{年}年度{单位}部门决算`), the nine tables `公开01` … `公开09` in the same official
/// layouts as the rendered workbook (``TemplateTables``: the standard rows of 01/04/06, blank rows for the
/// preparer in 02/03/05/07/08), and the sheet `年初预算与主要原因` read back by ``NarrativeInputs/init(sheet:file:)``.
///
/// Input cells (amounts, and 科目编码 · 科目名称 of the blank rows, formatted as text) are unlocked; every other
/// cell is locked and each sheet protected without a password. Totals are formulas, stored WITHOUT cached values
/// (Excel and LibreOffice recalculate on load, `fullCalcOnLoad`; BudgetLens's reader computes a formula without a
/// cached value itself, ``WorkbookFormula`` in BudgetLensReader):
///
/// - 公开01: 行27 = Σ 行1–26, 行31 = Σ 行27–30; 行58 = Σ 行32–57, 行62 = Σ 行58–61;
/// - 公开04: 行27 = Σ 行1–26, 行32 = 行27 + 行28; 行59 = Σ 行33–58, 行64 = 行59 + 行60 per 栏次; 栏次2 (合计) = Σ 栏次3–5
///   on rows 33–60;
/// - 公开02, 03, 05, 07, 08: `合计` = Σ of the rows whose 科目编码 has three characters (the 类:
///   `SUMIF(A:A,"???",…)`); per row the total column = Σ its parts (02: 栏1 = Σ 栏2–7; 03: 栏1 = Σ 栏2–6; 05, 08:
///   栏1 = 栏2 + 栏3; 07: 栏3 = 栏4 + 栏5), blank while the row's parts are blank (`IF(COUNT(…)=0,"",SUM(…))`);
/// - 公开06: each 类 (301, 303, 302, 307, 310, 312, 399) = Σ its 款; 人员经费合计 = 301 + 303; 公用经费合计 = 302 +
///   307 + 310 + 312 + 399;
/// - 公开09: 合计 = 因公出国（境）费 + 公务用车小计 + 公务接待费, 小计 = 购置费 + 运行维护费, for 预算数 and 决算数.
public struct XLSXTemplate: Sendable {
    /// The unit printed in the 部门 lines and the title, if known.
    public var unitName: String?
    /// The year of the title, if known.
    public var year: Int?

    /// The form: Shandong/Hubei (行次, 栏次 rows, `公开NN表`) or Shanghai (docs/render-shanghai.md: no 行次 or 栏次
    /// rows, `单位：万元`, 三公 seventh, 06 in two blocks; the 附件2 模板's one code column in 02/03/05/07/08).
    public var layout: LayoutTemplate

    /// A template for `unitName` and `year` (either may be left for the preparer) in `layout`'s form.
    public init(unitName: String? = nil, year: Int? = nil, layout: LayoutTemplate = .shandongHubei) {
        self.unitName = unitName
        self.year = year
        self.layout = layout
    }

    /// The document title: `2022年度烟台市医疗保障局部门决算`, with blanks for what is not known.
    public var title: String {
        "\(year.map(String.init) ?? "    ")年度\(unitName ?? "        ")部门决算"
    }

    /// The workbook's bytes. Throws only if the ZIP library fails to write to memory.
    public func data() throws -> Data {
        let header = DocumentHeader(title: title, unitName: unitName, unitLabel: "部门", year: year, moneyUnit: .wanYuan)
        let disclosure = Disclosure(
            source: SourceDocument(file: "template", format: .xlsx, byteCount: 0, lineCount: 0), kind: .finalAccounts,
            header: header, tables: TemplateTables.tables(layout))
        var sheets: [(name: String, xml: String)] = [
            ("封面", XLSXSheet.cover(title: title, contents: layout.tableOrder.map(\.canonicalTitle), editable: true))
        ]
        for table in disclosure.tables {
            let grid = OfficialLayout.grid(for: table, in: disclosure, template: layout)
            sheets.append((table.id.formID, Self.sheet(table, grid: grid)))
        }
        sheets.append((NarrativeInputs.sheetName, Self.inputsSheet()))
        return try XLSXPackage.archive(title: title, sheets: sheets, calculateOnLoad: true)
    }

    // MARK: - Table sheets

    /// A table's sheet: the grid, amounts as inputs or formulas, the sheet protected.
    static func sheet(_ table: PublicTable, grid: TableGrid) -> String {
        var writer = XLSXSheet.Writer(width: max(grid.width, 1))
        let layout = XLSXSheet.head(grid, into: &writer)
        var places: [Slot: String] = [:]
        var codeColumnRows: [Int] = []
        for placed in layout.cells {
            guard let origin = placed.cell.origin else { continue }
            places[Slot(row: origin.rowIndex, column: origin.column)] = XLSXSheet.Writer.reference(row: placed.row, column: placed.column)
            if origin.rowIndex > 0, table.id.shape == .functional { codeColumnRows.append(placed.row) }
        }
        let formulas = Formulas(table: table, places: places, codeRows: codeColumnRows)
        for placed in layout.cells {
            if placed.isHeader {
                writer.put(placed, XLSXSheet.value(of: placed.cell, unit: grid.moneyUnit), style: XLSXStyles.header)
            } else if let origin = placed.cell.origin {
                if let formula = formulas.formula(row: origin.rowIndex, column: origin.column) {
                    writer.put(placed, .formula(formula, cached: nil), style: XLSXStyles.amount)
                } else {
                    writer.put(placed, .empty, style: XLSXStyles.amountInput)
                }
            } else if table.id.shape == .functional, placed.cell.content == .empty {
                writer.put(placed, .empty, style: XLSXStyles.textInput)  // 科目编码, 科目名称 of a blank row
            } else {
                writer.put(placed, XLSXSheet.value(of: placed.cell, unit: grid.moneyUnit), style: XLSXSheet.style(of: placed.cell))
            }
        }
        var widths = XLSXSheet.widths(grid, layout.cells)
        if table.id.shape == .functional, widths.count > 2 {
            widths[0] = max(widths[0], 12)
            widths[1] = max(widths[1], 30)
            for index in 2..<widths.count { widths[index] = max(widths[index], 14) }
        } else {
            widths = widths.map { max($0, 12) }
        }
        return writer.xml(frozenRows: layout.frozen, widths: widths, landscape: grid.width > 4, protected: true)
    }

    /// A model cell: the row's index in the table and the 栏次.
    struct Slot: Hashable {
        var row: Int
        var column: Int
    }

    /// The formulas of one table, by model cell (see the type's documentation).
    struct Formulas {
        let table: PublicTable
        let places: [Slot: String]
        let codeRows: [Int]

        func ref(_ row: Int?, _ column: Int) -> String? {
            row.flatMap { places[Slot(row: $0, column: column)] }
        }

        /// The index of the row with standard 行次 `line`.
        func index(line: Int) -> Int? { table.rows.firstIndex { $0.standardLine == line } }

        /// `SUM(first:last)` of 行次 `lines` in 栏次 `column`, from the first to the last of them the table has (the
        /// Shanghai form has no filler rows: 01's 行9–26 and 30 are not there).
        func sum(lines: ClosedRange<Int>, _ column: Int) -> String? {
            let refs = lines.compactMap { ref(index(line: $0), column) }
            guard let first = refs.first, let last = refs.last else { return nil }
            return "SUM(\(first):\(last))"
        }

        func plus(lines: [Int], _ column: Int) -> String? {
            let refs = lines.compactMap { ref(index(line: $0), column) }
            return refs.count == lines.count ? refs.joined(separator: "+") : nil
        }

        func formula(row: Int, column: Int) -> String? {
            let item = table.rows[row]
            switch table.id {
            case .incomeExpenditureSummary:
                switch item.standardLine {
                case 27: return sum(lines: 1...26, column)
                case 31: return sum(lines: 27...30, column)
                case 58: return sum(lines: 32...57, column)
                case 62: return sum(lines: 58...61, column)
                default: return nil
                }
            case .appropriationSummary:
                switch item.standardLine {
                case 27: return sum(lines: 1...26, column)
                case 32: return plus(lines: [27, 28], column)
                case 59: return sum(lines: 33...58, column)
                case 64: return plus(lines: [59, 60], column)
                case .some(let line) where (33...60).contains(line) && column == 2:
                    guard let first = ref(row, 3), let last = ref(row, 5) else { return nil }
                    return "SUM(\(first):\(last))"
                default: return nil
                }
            case .generalBudgetBasicExpenditure:
                if item.kind == .total {
                    let classes = item.group == "人员经费" ? ["301", "303"] : ["302", "307", "310", "312", "399"]
                    let refs = classes.compactMap { code in ref(table.rows.firstIndex { $0.code == code }, column) }
                    return refs.count == classes.count ? refs.joined(separator: "+") : nil
                }
                guard let code = item.code, code.count == 3 else { return nil }
                let members = table.rows.indices.filter { table.rows[$0].code.map { $0.count == 5 && $0.hasPrefix(code) } ?? false }
                guard let first = ref(members.first, column), let last = ref(members.last, column) else { return nil }
                return "SUM(\(first):\(last))"
            case .threePublicExpenses:
                let base = column > 6 ? 6 : 0
                switch column - base {
                case 1: return [2, 3, 6].compactMap { ref(row, base + $0) }.joined(separator: "+")
                case 3: return [4, 5].compactMap { ref(row, base + $0) }.joined(separator: "+")
                default: return nil
                }
            default:
                return functional(row: row, column: column)
            }
        }

        /// 合计 = Σ 类 rows (SUMIF on 3-character codes); a row's total column = Σ its parts.
        func functional(row: Int, column: Int) -> String? {
            if row == 0 {
                guard let first = ref(1, column), let last = ref(table.rows.count - 1, column), let low = codeRows.min(),
                    let high = codeRows.max()
                else { return nil }
                return "SUMIF($A$\(low):$A$\(high),\"???\",\(first):\(last))"
            }
            let parts: ClosedRange<Int>
            switch (table.id, column) {
            case (.income, 1): parts = 2...7
            case (.expenditure, 1): parts = 2...6
            case (.generalBudgetExpenditure, 1), (.stateCapital, 1): parts = 2...3
            case (.governmentFund, 3): parts = 4...5
            default: return nil
            }
            guard let first = ref(row, parts.lowerBound), let last = ref(row, parts.upperBound) else { return nil }
            return "IF(COUNT(\(first):\(last))=0,\"\",SUM(\(first):\(last)))"
        }
    }

    // MARK: - 年初预算与主要原因

    /// The sheet of 年初预算 and 主要原因: two blocks under the heads `年初预算` and `主要原因`, each row
    /// 键 | 说明 | 值; the listed keys and 20 (budgets: 40) blank rows whose key the preparer types (a 项 code).
    static func inputsSheet() -> String {
        var writer = XLSXSheet.Writer(width: 3)
        writer.put(row: 1, column: 1, .string("年初预算与主要原因（情况说明用）"), style: XLSXStyles.title, span: 3)
        writer.put(
            row: 2, column: 1,
            .string("年初预算以万元填写；键为 05、07、08（表的合计）或 项 的科目编码。主要原因的键见说明列。"), style: XLSXStyles.plain,
            span: 3)
        var row = 4
        func block(_ head: String, _ valueHead: String, _ keys: [(String, String)], blanks: Int, amount: Bool) {
            writer.put(row: row, column: 1, .string(head), style: XLSXStyles.header)
            writer.put(row: row, column: 2, .string("说明"), style: XLSXStyles.header)
            writer.put(row: row, column: 3, .string(valueHead), style: XLSXStyles.header)
            row += 1
            let valueStyle = amount ? XLSXStyles.amountInput : XLSXStyles.textInput
            for (key, note) in keys {
                writer.put(row: row, column: 1, .string(key), style: XLSXStyles.centered)
                writer.put(row: row, column: 2, .string(note), style: XLSXStyles.text)
                writer.put(row: row, column: 3, .empty, style: valueStyle)
                row += 1
            }
            for _ in 0..<blanks {
                writer.put(row: row, column: 1, .empty, style: XLSXStyles.textInput)
                writer.put(row: row, column: 2, .empty, style: XLSXStyles.textInput)
                writer.put(row: row, column: 3, .empty, style: valueStyle)
                row += 1
            }
            row += 1
        }
        block(
            NarrativeInputs.budgetsHead, "年初预算数（万元）",
            [("05", "公开05 一般公共预算财政拨款支出 年初预算（五(三)）"), ("07", "公开07 政府性基金预算财政拨款支出 年初预算"),
                ("08", "公开08 国有资本经营预算财政拨款支出 年初预算（八）")], blanks: 40, amount: true)
        block(
            NarrativeInputs.reasonsHead, "主要原因",
            [("一", "收、支总计增减的主要原因"), ("二.财政拨款收入", "财政拨款收入增减的主要原因"), ("三.基本支出", "基本支出增减的主要原因"),
                ("四", "财政拨款收、支总计增减的主要原因"), ("五.总体", "一般公共预算财政拨款支出总体增减的主要原因"),
                ("五.具体", "决算数与年初预算数差异的总体原因"), ("八", "国有资本经营预算财政拨款支出的主要原因"),
                ("九", "“三公”经费增减的主要原因"), ("九.公务接待费", "公务接待费增减的主要原因")], blanks: 20, amount: false)
        return writer.xml(frozenRows: 0, widths: [16, 48, 40], landscape: false, protected: true)
    }
}
