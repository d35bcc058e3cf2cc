import ArgumentParser
import BudgetLensCore
import BudgetLensReader
import Foundation

/// Options shared by every command that reads one document.
struct DocumentInput: ParsableArguments {
    @Argument(
        help:
            "The disclosure: its PDF (read with poppler's pdftotext), text extracted from it, or a BudgetLens JSON export."
    )
    var file: String

    @Option(name: .customLong("max-input-mb"), help: "Largest input accepted, in MiB.")
    var maximumInputMegabytes: Int = 64

    init() {}

    init(file: String, maximumInputMegabytes: Int) {
        self.file = file
        self.maximumInputMegabytes = maximumInputMegabytes
    }

    /// Reads the document, turning a read failure into exit code 2 with the message on stderr.
    func read(selfEvaluations: Bool = true) throws -> Disclosure {
        var configuration = ReaderConfiguration()
        configuration.maximumInputSize = maximumInputMegabytes << 20
        configuration.readsSelfEvaluations = selfEvaluations
        do {
            return try DisclosureReader.read(path: file, configuration: configuration)
        } catch let error as ReadError {
            throw CommandFailure(message: "error: \(error)")
        }
    }

    /// Reads the document and insists it is final accounts with tables: a budget or an unrecognised text is
    /// exit code 2.
    func readFinalAccounts(selfEvaluations: Bool = true) throws -> Disclosure {
        let disclosure = try read(selfEvaluations: selfEvaluations)
        switch disclosure.kind {
        case .finalAccounts where !disclosure.tables.isEmpty:
            return disclosure
        case let kind where kind.isEvaluationReport:
            throw CommandFailure(message: Self.evaluationRefusal(file: file, kind: kind))
        case .budget:
            throw CommandFailure(
                message: "error: \(file): this is a 部门预算 (budget), not a 部门决算 (final accounts): "
                    + "\"\(disclosure.header.title)\". This command needs final accounts.")
        default:
            throw CommandFailure(
                message: "error: \(file): no 部门决算 table (公开01–09) was found; is this a final-accounts disclosure?")
        }
    }
}

extension DocumentInput {
    /// The refusal for an evaluation report given to a command that needs final accounts, in Chinese and English.
    static func evaluationRefusal(file: String, kind: DocumentKind) -> String {
        "error: \(file): 绩效评价报告（\(kind.chineseName)），请用 `budgetlens evaluate`；"
            + "an evaluation report: use `budgetlens evaluate` (kind: \(kind.rawValue), not final accounts)"
    }
}

/// A failure already explained: the message goes to stderr and the process exits with `status`.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: Int32 = 2
    var description: String { message }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
