import ArgumentParser
import BudgetLensCore
import BudgetLensRender
import Foundation

/// `budgetlens template --to xlsx -o FILE [--unit U] [--year Y]`: the empty data-entry workbook.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "生成空白的部门决算填报工作簿。Write an empty data-entry workbook for the nine tables.",
        discussion: """
            The workbook has the sheet 封面 (the title with year and unit), 公开01 … 公开09 in their official \
            layouts — the standard rows of 公开01, 04 (行次) and 06 (经济分类), blank rows to type 科目编码, \
            科目名称 and amounts in 02, 03, 05, 07, 08 — and the sheet 年初预算与主要原因 for the 情况说明. Input \
            cells are unlocked (pale yellow), the rest locked (sheet protection without a password); totals are \
            formulas, so the sums show as you type. budgetlens check FILE.xlsx and budgetlens render FILE.xlsx \
            read the filled workbook (render takes 年初预算 and 主要原因 from its sheet). See \
            docs/render-template.md.

            Examples:
              budgetlens template --to xlsx -o 2023决算填报.xlsx --unit 烟台市医疗保障局 --year 2023
              budgetlens template --to xlsx --layout shanghai -o 2024决算填报.xlsx --unit 上海市普陀区财政局 --year 2024
            """)

    /// The formats (the workbook only).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xlsx
    }

    @Option(name: .customLong("to"), help: "The output format: xlsx.")
    var format: Format

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String

    @Option(help: "单位名称，写入封面与“部门：”行。The unit, printed on the cover and in the 部门 lines.")
    var unit: String?

    @Option(help: "年度，写入封面标题。The year of the title.")
    var year: Int?

    /// The official forms a workbook can take.
    enum Layout: String, ExpressibleByArgument, CaseIterable {
        case shandongHubei = "shandong-hubei"
        case shanghai
    }

    @Option(help: "版式：shandong-hubei（行次、栏次、公开NN表，默认）或 shanghai（上海模板：无行次、栏次，三公为第七张表）。The form: shandong-hubei (default) or shanghai.")
    var layout: Layout = .shandongHubei

    func validate() throws {
        if let year, !(1990...2100).contains(year) {
            throw ValidationError(say("--year 应为 1990 至 2100 之间的年份", "--year must be a year from 1990 to 2100"))
        }
        if let unit, unit.trimmingCharacters(in: .whitespaces).isEmpty || unit.count > 100 {
            throw ValidationError(say("--unit 不能为空，且不超过 100 字", "--unit must be 1 to 100 characters"))
        }
    }

    func run() throws {
        let bytes: Data
        do {
            bytes = try XLSXTemplate(unitName: unit, year: year, layout: layout == .shanghai ? .shanghai : .shandongHubei).data()
        } catch {
            throw CommandFailure(place: output, chinese: "无法生成 XLSX：\(error)", english: "cannot make the XLSX: \(error)")
        }
        try AtomicFile.write(bytes, to: output)
    }
}
