import ArgumentParser
import BudgetLensStore
import Foundation

/// `budgetlens import PATH…`: reads, checks and stores disclosures, one transaction per document.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "导入文档到数据库（文件与文件夹）。Import disclosures into the store: files and folders (recursively: .txt, .pdf, .json, .xlsx).",
        discussion: """
            Each file is read and checked with the built-in pack (and --rules files) in parallel, one per core; \
            each document is written in one transaction with its cells, statements, JSON export and findings, so \
            an interrupted import leaves every document fully in or absent. A file already stored (same SHA-256) \
            is not added again. A file that cannot be read is recorded with its error and listed at the end.

            Exit codes: 0 every file imported or already there; 2 a file failed, or the store cannot be written.

            Examples:
              budgetlens import examples/ --db lens.sqlite
              BUDGETLENS_DB=lens.sqlite budgetlens import ../shared/seeds/000_b3a610eb10aa3aee.txt
            """)

    @Argument(help: "Files and folders to import.")
    var paths: [String]

    @OptionGroup var store: StoreOptions

    @OptionGroup var rules: RuleOptions

    @Option(name: .customLong("max-input-mb"), help: "Largest input accepted, in MiB.")
    var maximumInputMegabytes: Int = 64

    @Option(help: "Files read at once (default: the number of cores).")
    var jobs: Int?

    func run() throws {
        let files = ImportFiles.expand(paths)
        guard !files.isEmpty else { throw CommandFailure(message: "error: no .txt, .pdf, .json or .xlsx file found in \(paths)") }
        guard maximumInputMegabytes > 0, maximumInputMegabytes <= 4096 else {
            throw CommandFailure(message: "error: --max-input-mb must be between 1 and 4096")
        }
        let pack = try rules.pack()
        let storeOptions = store
        let skipped = rules.skipped
        let size = maximumInputMegabytes << 20
        let jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let progress = ImportProgress(total: files.count, isTerminal: isatty(2) != 0)
        let outcomes = try awaitStore {
            let store = try await storeOptions.open()
            var importer = DisclosureImporter(store: store, pack: pack, concurrency: jobs, maximumInputSize: size)
            importer.skipped = skipped
            return try await importer.run(files: files) { outcome, done in progress.report(outcome, done: done) }
        }
        progress.finish()
        var imported = 0
        var already = 0
        var failed: [(file: String, message: String, chinese: String)] = []
        for outcome in outcomes {
            switch outcome {
            case .imported: imported += 1
            case .alreadyImported: already += 1
            case .failed(let file, let message, let chinese): failed.append((file, message, chinese))
            }
        }
        print("导入 \(imported)，已存在 \(already)，失败 \(failed.count) (\(imported) imported, \(already) already imported, \(failed.count) failed) → \(store.displayLocation)")
        if !failed.isEmpty {
            print("导入失败 Failed:")
            for failure in failed.sorted(by: { $0.file < $1.file }) {
                print("  \(failure.file): \(Self.failureText(english: failure.message, chinese: failure.chinese))")
            }
            throw ExitCode(2)
        }
    }
}

extension Import {
    /// A failed file's message in the chosen language: the Chinese then the English, `--lang zh` the Chinese,
    /// `--lang en` the English (the message the store keeps).
    static func failureText(english: String, chinese: String) -> String {
        switch Language.current {
        case .both where chinese != english: "\(chinese) / \(english)"
        case .zh: chinese
        default: english
        }
    }
}

/// Progress of an import: on a terminal one line redrawn on stderr (done/total, rate, errors, ETA) with each
/// file's outcome above it; otherwise one plain line per file on stdout.
final class ImportProgress: @unchecked Sendable {
    private let total: Int
    private let isTerminal: Bool
    private let started = ContinuousClock.now
    private var errors = 0
    private let lock = NSLock()

    init(total: Int, isTerminal: Bool) {
        self.total = total
        self.isTerminal = isTerminal
    }

    func report(_ outcome: DisclosureImporter.Outcome, done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let line: String
        switch outcome {
        case .imported(let file, let document, let findings):
            line = "已导入 imported \(file) (#\(document), \(findings) 条审核结果 findings)"
        case .alreadyImported(let file, let document):
            line = "已存在 already imported \(file) (#\(document))；未重复添加 nothing added"
        case .failed(let file, let message, let chinese):
            errors += 1
            line = "失败 failed \(file): \(Import.failureText(english: message, chinese: chinese))"
        }
        if isTerminal {
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = seconds > 0 ? Double(done) / seconds : 0
            let eta = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
            let status = String(
                format: "[%d/%d] %.1f 份/秒 docs/s，错误 %d errors，预计还需 %d 秒 ETA %ds", done, total, rate, errors, eta, eta)
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)\n\(status)".utf8))
        } else {
            print("[\(done)/\(total)] \(line)")  // a failed write is found when the output is flushed at the end
        }
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
