import ArgumentParser
import BudgetLensReader
import Foundation

/// `budgetlens export FILE --format json`: the whole model as JSON.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "将完整的读取结果导出为 JSON。Write the whole disclosure model as JSON (schema: docs/json-export.md).",
        discussion: """
            The export reads back: every command accepts it in place of the original document.

            Example:
              budgetlens export examples/000_b3a610eb10aa3aee.txt --format json > 000.json
              budgetlens cells 000.json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @OptionGroup var input: DocumentInput

    @Option(help: "Output format.")
    var format: Format = .json

    func run() throws {
        let disclosure = try input.read()
        let data = try DisclosureJSON.encode(disclosure)
        try writeOutput(data)
        try writeOutput(Data("\n".utf8))
    }
}
