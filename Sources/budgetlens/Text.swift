import ArgumentParser
import BudgetLensReader

/// `budgetlens text FILE`: the text BudgetLens reads, rebuilt from a PDF's word positions.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "输出 BudgetLens 读取的文本（PDF 按文字位置重建）。Print the text BudgetLens reads from a document: for a PDF, rebuilt from word positions.",
        discussion: """
            For a PDF (and for pdftotext -layout text) the text is rebuilt from the words' positions: prose \
            line by line, each public table as tab-separated rows with one field per column, wrapped labels \
            joined, codes split over 类/款/项 kept in their columns. Source locations of a PDF (in check, \
            cells, show) give the line and column of this text as well as the page and box. Other text is \
            printed as it is.

            Example:
              budgetlens text report.pdf > report.txt
            """)

    @OptionGroup var input: DocumentInput

    func run() throws {
        do {
            print(try DisclosureReader.readableText(path: input.file, configuration: input.limit.configuration()))
        } catch let error as ReadError {
            throw CommandFailure(error)
        }
    }
}
