import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import Foundation

/// Imports files into a store: each file hashed, read and checked in parallel (one task per core), the writes
/// serialized, one transaction per batch of documents (``batchSize``). A file already stored (same SHA-256) is not read again; a file
/// that cannot be read or is not final accounts is recorded as a failure and the import goes on.
public struct DisclosureImporter: Sendable {
    /// The store written to.
    public var store: any DisclosureStore
    /// The rules checked at import.
    public var pack: RulePack
    /// Files read at once; default the number of cores.
    public var concurrency: Int
    /// Largest input accepted, in bytes.
    public var maximumInputSize: Int
    /// `--skip` patterns: applied to the annexed-evaluation chain (N-EVAL-*) and the scoring pack as `check` and
    /// `score` apply them (`pack` is already skipped).
    public var skipped: [String] = []
    /// Documents written per transaction (the bulk path, ``DisclosureStore/insert(batch:)``): a batch is written
    /// when it is full or its first document has waited `batchDelay`, so an interrupted import loses at most the
    /// unwritten batch, never part of a document. 1 writes every document on its own.
    public var batchSize = 64
    /// The longest a read document waits for its batch to fill.
    public var batchDelay: Duration = .milliseconds(500)

    /// Creates an importer.
    public init(
        store: any DisclosureStore, pack: RulePack,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, maximumInputSize: Int = 64 << 20
    ) {
        self.store = store
        self.pack = pack
        self.concurrency = max(1, concurrency)
        self.maximumInputSize = maximumInputSize
    }

    /// What happened to one file.
    public enum Outcome: Sendable, Hashable {
        /// Stored under `document` with `findings` findings.
        case imported(file: String, document: Int64, findings: Int)
        /// Its content was already stored as `document`; nothing added.
        case alreadyImported(file: String, document: Int64)
        /// Not imported; recorded in the store with `message` (English, as the CLI prints it); `chinese` is the
        /// same in Chinese (`错误：…`).
        case failed(file: String, message: String, chinese: String)
    }

    /// Imports `files` in parallel, calling `report` once per file (serially, in completion order) with the
    /// outcome and the number of files done so far. Returns the outcomes in completion order.
    ///
    /// - Throws: only a store error (the database cannot be written); a bad file is an outcome, not an error.
    public func run(
        files: [String], report: @Sendable (Outcome, _ done: Int) -> Void = { _, _ in }
    ) async throws -> [Outcome] {
        let packVersion = PackVersion.of(pack)
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(files.count)
        try await withThrowingTaskGroup(of: Prepared.self) { group in
            var next = 0
            func startNext() {
                guard next < files.count else { return }
                let file = files[next]
                next += 1
                group.addTask { try await prepare(file, packVersion: packVersion) }
            }
            for _ in 0..<min(concurrency, files.count) { startNext() }
            var pending: [DocumentRecord] = []
            var pendingSince = ContinuousClock.now
            // The batch being written, in its own task, while the next files are read: reading never waits for
            // a write, and at most one batch is written at a time (the store has one writer).
            var writing: Task<[(DocumentRecord, InsertOutcome)], any Error>?
            func finishWriting() async throws {
                guard let task = writing else { return }
                writing = nil
                for (record, result) in try await task.value {
                    let outcome: Outcome =
                        switch result {
                        case .inserted(let id): .imported(file: record.sourceFile, document: id, findings: record.findings.count)
                        case .alreadyStored(let id): .alreadyImported(file: record.sourceFile, document: id)
                        }
                    outcomes.append(outcome)
                    report(outcome, outcomes.count)
                }
            }
            func flush() async throws {
                guard !pending.isEmpty else { return }
                try await finishWriting()
                let batch = pending
                let store = store
                writing = Task { Array(zip(batch, try await store.insert(batch: batch))) }
                pending.removeAll(keepingCapacity: true)
            }
            do {
                while let prepared = try await group.next() {
                    if case .record(let record) = prepared {
                        if pending.isEmpty { pendingSince = .now }
                        pending.append(record)
                        if pending.count >= max(1, batchSize) || ContinuousClock.now - pendingSince >= batchDelay {
                            try await flush()
                        }
                    } else {
                        let outcome = try await write(prepared)
                        outcomes.append(outcome)
                        report(outcome, outcomes.count)
                    }
                    startNext()
                }
                try await flush()
                try await finishWriting()
            } catch {
                _ = try? await writing?.value  // never leave a write running behind a thrown error
                throw error
            }
        }
        return outcomes
    }

    /// A file read and checked, ready to write.
    private enum Prepared: Sendable {
        case record(DocumentRecord)
        case stored(file: String, document: Int64)
        case failure(ImportFailure, chinese: String)
    }

    private func prepare(_ file: String, packVersion: String) async throws -> Prepared {
        let data: Data
        do {
            data = try Self.load(file, maximumInputSize: maximumInputSize)
        } catch let error as ReadError {
            return .failure(
                ImportFailure(file: file, contentHash: nil, message: "error: \(error)"), chinese: "错误：\(error.chineseDescription)")
        }
        let hash = ContentHash.sha256(data)
        if let document = try await store.documentID(contentHash: hash) {
            return .stored(file: file, document: document)
        }
        var configuration = ReaderConfiguration()
        configuration.maximumInputSize = maximumInputSize
        configuration.readsSelfEvaluations = false  // as `check` reads: the same findings
        let disclosure: Disclosure
        do {
            // The bytes already loaded (and hashed) are read, not the file again; a PDF is read where it is
            // (poppler takes a path: no temporary copy).
            disclosure =
                data.isEmpty || file.lowercased().hasSuffix(".pdf")
                ? try DisclosureReader.read(path: file, configuration: configuration)
                : try DisclosureReader.read(data: data, file: file, configuration: configuration)
        } catch let error as ReadError {
            return .failure(
                ImportFailure(file: file, contentHash: hash, message: "error: \(error)"), chinese: "错误：\(error.chineseDescription)")
        }
        if let refusal = Self.refusalMessages(of: disclosure, file: file) {
            return .failure(ImportFailure(file: file, contentHash: hash, message: refusal.english), chinese: refusal.chinese)
        }
        // As `check`: the pack's findings, then 十三 against an annexed evaluation report (N-EVAL-*).
        let annexed = AnnexedEvaluation.read(
            file: file, disclosure: disclosure, configuration: configuration, skipped: skipped)
        let findings = RuleEngine().evaluate(pack, on: disclosure).findings + (annexed?.chainFindings ?? [])
        var record = try DocumentRecord(
            contentHash: hash, sourceFile: file, disclosure: disclosure, findings: findings, packVersion: packVersion)
        record.assessments = try Assessor.assess(
            file: file, disclosure: disclosure, configuration: configuration, skipped: skipped, annexed: annexed)
        return .record(record)
    }

    private func write(_ prepared: Prepared) async throws -> Outcome {
        switch prepared {
        case .record(let record):
            switch try await store.insert(record) {
            case .inserted(let id):
                return .imported(file: record.sourceFile, document: id, findings: record.findings.count)
            case .alreadyStored(let id):
                return .alreadyImported(file: record.sourceFile, document: id)
            }
        case .stored(let file, let document):
            return .alreadyImported(file: file, document: document)
        case .failure(let failure, let chinese):
            try await store.recordFailure(failure)
            return .failed(file: failure.file, message: failure.message, chinese: chinese)
        }
    }

    /// The file's bytes, refused (as the reader refuses them) when missing, a folder or too large.
    private static func load(_ file: String, maximumInputSize: Int) throws -> Data {
        let noLine = SourceLocation(file: file, line: 0, column: 0)
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw ReadError(
                .unreadable, source: noLine, chinese: "无法打开文件（文件不存在或无权访问）",
                english: "cannot open the file (no such file or no access)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumInputSize + 1)) ?? Data()
        if data.count > maximumInputSize {
            throw ReadError(
                .tooLarge, source: noLine,
                chinese: "文件超过上限 \(maximumInputSize >> 20) MiB",
                english: "the file is larger than the largest input accepted (\(maximumInputSize >> 20) MiB)")
        }
        return data
    }

    /// Why a disclosure is not stored: the same refusals as `check` (a budget, no table found), or `nil`.
    public static func refusal(of disclosure: Disclosure, file: String) -> String? {
        refusalMessages(of: disclosure, file: file)?.english
    }

    /// ``refusal(of:file:)`` in Chinese (the API's `message_zh`), or `nil` when the disclosure is stored.
    public static func chineseRefusal(of disclosure: Disclosure, file: String) -> String? {
        refusalMessages(of: disclosure, file: file)?.chinese
    }

    /// The refusal in both languages, or `nil` when the disclosure is stored.
    private static func refusalMessages(of disclosure: Disclosure, file: String) -> (chinese: String, english: String)? {
        switch disclosure.kind {
        case .finalAccounts where !disclosure.tables.isEmpty:
            return nil
        case .budget:
            return (
                "错误：\(file)：这是部门预算，不是部门决算（“\(disclosure.header.title)”）；只入库部门决算",
                "error: \(file): this is a 部门预算 (budget), not a 部门决算 (final accounts): "
                    + "\"\(disclosure.header.title)\"; only final accounts are stored"
            )
        case let kind where kind.isEvaluationReport:
            return (
                "错误：\(file)：这是绩效评价报告（\(kind.chineseName)），不是部门决算；只入库部门决算，评价报告请用 `budgetlens evaluate`",
                "error: \(file): an evaluation report (\(kind.rawValue)), not final accounts; only final accounts are "
                    + "stored — use `budgetlens evaluate` for evaluation reports"
            )
        default:
            return (
                "错误：\(file)：未找到部门决算表（公开01–09）；这是部门决算公开吗？",
                "error: \(file): no 部门决算 table (公开01–09) was found; is this a final-accounts disclosure?"
            )
        }
    }
}

/// The files an import takes from its arguments: a file as named; a folder's `.txt`, `.pdf`, `.json` and `.xlsx` files,
/// recursively, hidden files and folders skipped, in path order.
public enum ImportFiles {
    /// The extensions taken from folders.
    public static let extensions: Set<String> = ["txt", "pdf", "json", "xlsx"]

    /// Expands `paths`; a path that does not exist is kept (its import fails with a clear message).
    public static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let base = URL(fileURLWithPath: path)
            guard
                let enumerator = manager.enumerator(
                    at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            else { continue }
            var found: [String] = []
            for case let url as URL in enumerator where extensions.contains(url.pathExtension.lowercased()) {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let relative = url.path.dropFirst(base.path.count).drop { $0 == "/" }
                found.append((path.hasSuffix("/") ? path : path + "/") + relative)
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }
}
