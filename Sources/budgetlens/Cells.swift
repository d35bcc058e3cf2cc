import Foundation
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

            Exit codes: 0 every table read; 1 read in part (the cells read are printed; what was not read — a \
            table present but not read, a row or cell not read — is on standard error); 2 the file cannot be read.

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
        // Errors, and the warnings that say cells were left unread (ReadCompleteness.notReadWarnings).
        let errors = disclosure.problems.filter {
            $0.severity == .error || ReadCompleteness.notReadWarnings.contains($0.code)
        }
        for problem in errors {
            printError(problem.description(in: Language.current.messageLanguage))
        }
        let notUnderstood = disclosure.notUnderstoodTables.map(\.formID).joined(separator: "、")
        if !notUnderstood.isEmpty {
            printError(say("部分读取：\(notUnderstood) 有表题但未能读取（原因见上），其单元格不在输出中", "read in part: \(notUnderstood) present but not read (why: above); their cells are not in the output"))
        }
        // Each scanned table with its pages (`公开03（第8–9页）`), as the table.unreadable problem names them.
        let scanned = disclosure.unreadableTables.map { id -> (zh: String, en: String) in
            let problem = disclosure.problems.first { $0.code == Disclosure.unreadableTableProblem && $0.table == id }
            guard let pages = problem.flatMap({ Self.pages(in: $0.message) ?? $0.source.page.map { "第\($0)页" } }) else {
                return (id.formID, id.formID)
            }
            let english = pages.replacingOccurrences(of: "第", with: "pages ").replacingOccurrences(of: "页", with: "")
            return ("\(id.formID)（\(pages)）", "\(id.formID) (\(english))")
        }
        let images = scanned.map(\.zh).joined(separator: "、")
        if !images.isEmpty {
            let english = scanned.map(\.en).joined(separator: ", ")
            printError(say("部分读取：\(images) 所在页没有文字层（扫描页？），其单元格不在输出中", "read in part: \(english) on pages without text (scanned?); their cells are not in the output"))
        }
        if ReadCompleteness.isReadInPart(disclosure) { throw ExitCode(1) }
    }

    /// The `第8–9页` in a `table.unreadable` message (UnreadableTables writes `(第8–9页, images…)`), or `nil`.
    static func pages(in message: String) -> String? {
        guard let start = message.range(of: "(第"), let end = message.range(of: "页", range: start.upperBound..<message.endIndex)
        else { return nil }
        return "第" + message[start.upperBound..<end.lowerBound] + "页"
    }
}
