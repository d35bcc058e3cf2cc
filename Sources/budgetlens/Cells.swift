import ArgumentParser
import BudgetLensCore

/// `budgetlens cells FILE`: every table cell as CSV.
struct Cells: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "以 CSV 输出每个单元格。Print every table cell as CSV: table,line,code,item,column,value,source_line.",
        discussion: """
            table is 01…09 (canonical number), line the 行次 (empty where the table has none), code the \
            classification code, item the row label, column the 栏次, value a plain decimal in the document's \
            money unit (blank cells are 0.00; a cell that is not a number is empty and reported on stderr), \
            source_line the 1-based line of the input (for a PDF, of the text `budgetlens text` prints). With \
            --pages two columns follow: page, the page where known (always for a PDF), and box, for a PDF the \
            cell's box on the page, "x0 y0 x1 y1" in points from the top-left corner (for a blank cell, where \
            it would be printed).

            Example:
              budgetlens cells examples/001_06590241d827de43.txt
            """)

    @OptionGroup var input: DocumentInput

    @Flag(help: "Add the columns page and box (where each cell is printed on its page).")
    var pages = false

    func run() throws {
        let disclosure = try input.readFinalAccounts()
        var output = (pages ? CellRecord.csvHeaderWithPages : CellRecord.csvHeader) + "\n"
        for record in disclosure.cellRecords() {
            output += record.csvLine(unit: disclosure.moneyUnit, pages: pages) + "\n"
        }
        print(output, terminator: "")
        for problem in disclosure.problems where problem.severity == .error {
            printError(Language.current == .en ? "\(problem)" : problem.bilingualDescription)
        }
    }
}
