import ArgumentParser
import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import Foundation

/// `--max-input-mb`: the largest input accepted, validated before anything is read.
struct InputLimit: ParsableArguments {
    /// The accepted range, in MiB: a limit of 0 or less reads nothing, and above 4 GiB the byte count of a
    /// larger limit would not fit the reader's buffers (and `Int.max` MiB would wrap when turned into bytes).
    static let range = 1...4096

    @Option(
        name: .customLong("max-input-mb"),
        help: ArgumentHelp("Largest input accepted, in MiB (1–4096). 最大输入，单位 MiB。", valueName: "MiB"))
    var megabytes: Int = 64

    /// The limit in bytes.
    var bytes: Int { megabytes << 20 }

    func validate() throws {
        guard Self.range.contains(megabytes) else {
            throw ValidationError(
                say(
                    "--max-input-mb 应为 \(Self.range.lowerBound) 至 \(Self.range.upperBound) 之间的整数（MiB），而不是 \(megabytes)",
                    "--max-input-mb must be a whole number of MiB from \(Self.range.lowerBound) to "
                        + "\(Self.range.upperBound), not \(megabytes)"))
        }
    }

    /// The reader's configuration with this limit.
    func configuration(selfEvaluations: Bool = true) -> ReaderConfiguration {
        var configuration = ReaderConfiguration()
        configuration.maximumInputSize = bytes
        configuration.readsSelfEvaluations = selfEvaluations
        return configuration
    }
}

/// Options shared by every command that reads one document.
struct DocumentInput: ParsableArguments {
    @Argument(
        help:
            "The disclosure: its PDF (read with poppler's pdftotext), text extracted from it, an Excel workbook (XLSX) or CSV file, or a BudgetLens JSON export."
    )
    var file: String

    @OptionGroup var limit: InputLimit

    init() {}

    init(file: String, limit: InputLimit) {
        self.file = file
        self.limit = limit
    }

    /// Reads the document; a read failure is a ``CommandFailure`` (exit code 2) carrying the ``DocumentFailure``.
    func read(selfEvaluations: Bool = true) throws -> Disclosure {
        do {
            return try DisclosureReader.read(path: file, configuration: limit.configuration(selfEvaluations: selfEvaluations))
        } catch let error as ReadError {
            throw CommandFailure(
                DocumentFailure(
                    file: file, code: error.code.description, message: error.chineseDescription,
                    messageEn: error.description,
                    line: error.source.line > 0 ? error.source.line : nil,
                    column: error.source.line > 0 ? error.source.column : nil))
        }
    }

    /// Reads the document and insists it is final accounts with tables: a budget or an unrecognised text is
    /// exit code 2.
    func readFinalAccounts(selfEvaluations: Bool = true) throws -> Disclosure {
        try acceptingFinalAccounts(try read(selfEvaluations: selfEvaluations))
    }

    /// `disclosure` when it is final accounts with tables (or cut inside its first table); else the
    /// ``CommandFailure`` (exit code 2) `readFinalAccounts` throws.
    func acceptingFinalAccounts(_ disclosure: Disclosure) throws -> Disclosure {
        switch disclosure.kind {
        case .finalAccounts where !disclosure.tables.isEmpty:
            return disclosure
        case .finalAccounts where disclosure.problems.contains(where: { $0.code == Disclosure.truncatedTableProblem }):
            return disclosure  // a file cut inside (or after the title of) its first table: read in part, exit 1
        case let kind where kind.isEvaluationReport:
            throw CommandFailure(message: Self.evaluationRefusal(file: file, kind: kind))
        case .budget:
            throw CommandFailure(
                DocumentFailure(
                    file: file, code: "budget",
                    message: "\(file): 这是部门预算，不是部门决算：“\(disclosure.header.title)”，本命令需要部门决算",
                    messageEn: "\(file): this is a 部门预算 (budget), not a 部门决算 (final accounts): "
                        + "\"\(disclosure.header.title)\". This command needs final accounts."))
        default:
            if let unread = disclosure.problems.first(where: { $0.code == Disclosure.notUnderstoodTableProblem }) {
                throw CommandFailure(
                    place: file,
                    chinese: "无法读取任何部门决算表：文本提到了这些表，但其行不是 BudgetLens 能读取的表格形式"
                        + "（\(unread.source)；`budgetlens show` 会列出）。请提供 PDF 本身、其 `pdftotext -layout` 文本、"
                        + "制表符分隔的文本或工作簿。",
                    english: "no 部门决算 table could be read: the text names the tables but its rows "
                        + "are not in a table form BudgetLens reads (\(unread.source); `budgetlens show` lists them). "
                        + "Give the PDF itself, its `pdftotext -layout` text, tab-separated text or the workbook.")
            }
            throw CommandFailure(
                DocumentFailure(
                    file: file, code: "no-tables",
                    message: "\(file): 未找到部门决算公开表（公开01–09），这是部门决算公开吗？",
                    messageEn: "\(file): no 部门决算 table (公开01–09) was found; is this a final-accounts disclosure?"))
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
    /// The file that could not be used, for the JSON and SARIF outputs.
    var document: DocumentFailure?
    /// The place and the message in Chinese and in English, each with the place, when the failure was made from
    /// them (for the JSON and SARIF error objects).
    var bilingual: (place: String, chinese: String, english: String)?
    /// The input file the failure is in and where (a rule file's line and column), with the JSON error's `code`,
    /// when the failure is not a document's (``document``).
    var location: (code: String, file: String, line: Int?, column: Int?)?
    var description: String { message }

    init(message: String, status: Int32 = 2) {
        self.message = message
        self.status = status
    }

    /// A failure while a command runs, exit 2: its own text when it already says it in Chinese, else a Chinese
    /// line first and the English text after.
    init(runtime error: any Error) {
        if let error = error as? StoreError {
            self.init(error)
            return
        }
        let text = String(describing: error)
        if text.unicodeScalars.contains(where: TextNormalization.isIdeograph) {
            self.init(message: "错误：\(text)")
        } else {
            self.init(message: "错误：运行失败，原因见下行英文说明\nerror: \(text)")
        }
    }

    /// The failure of one file, exit code 2: `错误：<Chinese>` and `error: <English>` on two lines, or one of them
    /// (`--lang`).
    init(_ document: DocumentFailure) {
        switch Language.current {
        case .both: message = "错误：\(document.message)\nerror: \(document.messageEn)"
        case .zh: message = "错误：\(document.message)"
        case .en: message = "error: \(document.messageEn)"
        }
        self.document = document
    }
}

/// Writes to standard error.
/// Writes `data` to standard output; a write that fails (a full disk, a closed pipe) is a ``CommandFailure``
/// (exit 2), never a crash and never a silent success.
func writeOutput(_ data: Data) throws {
    do {
        try FileHandle.standardOutput.write(contentsOf: data)
    } catch {
        throw CommandFailure(message: "错误：无法写出结果 / error: cannot write the output: \(error.localizedDescription)")
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
