import ArgumentParser
import BudgetLensCore
import BudgetLensReader
import BudgetLensRender
import BudgetLensStore
import BudgetLensStorePostgres
import Foundation

/// `budgetlens render FILE|--document ID [--db DB] --to html|xlsx|pdf -o OUT [--previous LAST] [--reasons R]`: the disclosure in its official layouts.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "按官方格式输出部门决算公开：HTML 页面、XLSX 工作簿或 PDF。Write the disclosure in its official layouts: an HTML page, an XLSX workbook or a PDF.",
        discussion: """
            html: one self-contained print-ready page (A4, no external requests): cover, 目录, the nine tables \
            (公开01–09) in their official layouts, the 情况说明 written from the tables, and charts (inline SVG). \
            xlsx: one sheet per table (公开01 … 公开09), merged header cells, amounts as numbers with two \
            decimals, frozen header rows. pdf: the HTML page printed by headless Chromium (Debian's chromium \
            package; A4, page numbers). Everything is written from the model, never copied from the input text. \
            The output is written to a temporary file beside OUT and renamed, so OUT is never half-written. \
            Exit 2 when the input is unusable or OUT cannot be written.

            Examples:
              budgetlens render examples/000_b3a610eb10aa3aee.txt --to html -o 000.html
              budgetlens render examples/000_b3a610eb10aa3aee.txt --to xlsx -o 000.xlsx
              budgetlens render examples/000_b3a610eb10aa3aee.txt --to pdf -o 000.pdf
              budgetlens render --db budgetlens.sqlite --document 3 --to html -o 3.html
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, xlsx, pdf
    }

    @Argument(
        help:
            "The disclosure: its PDF, text extracted from it, an Excel workbook (XLSX) or CSV file, or a BudgetLens JSON export; omit with --document.")
    var file: String?

    @OptionGroup var limit: InputLimit

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("库中文档的编号（见 budgetlens explain / report）。A stored document's id: render it from the store (--db) instead of FILE.", valueName: "ID"))
    var document: Int64?

    @Option(name: .customLong("to"), help: "The output format: html, xlsx or pdf.")
    var format: Format

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String

    @Option(help: "Last year's disclosure of the same unit: year-on-year sentences and two-year charts (HTML).")
    var previous: String?

    @Option(
        help: ArgumentHelp(
            "年初预算与主要原因（JSON）。A JSON file of 年初预算 and 主要原因 for the 情况说明 (html, pdf): "
                + #"{"budgets": {"05": "589.65"}, "reasons": {"一": "…"}}"#, valueName: "FILE"))
    var reasons: String?

    func validate() throws {
        switch (file, document) {
        case (nil, nil): throw ValidationError(say("请给出文件，或用 --document 给出库中文档的编号", "give a FILE, or a stored document with --document ID"))
        case (.some, .some): throw ValidationError(say("FILE 与 --document 只能给出一个", "give either FILE or --document, not both"))
        default: break
        }
    }

    func run() throws {
        // The inputs, and the store (read with --document; the default store is somebody's library too).
        try AtomicFile.refuseOverwriting([file, previous, reasons, store.location].compactMap { $0 }, with: output)
        let disclosure = try source()
        let prior = try previous.map {
            try DocumentInput(file: $0, limit: limit)
                .readFinalAccounts(selfEvaluations: false)
        }
        var page = HTMLWriter(disclosure: disclosure, previous: prior)
        if let reasons {
            page.inputs = try Self.inputs(reasons, limit: limit.bytes)
        } else if let file, let sheet = try Self.workbookInputs(file, limit: limit) {
            page.inputs = sheet  // a data-entry workbook's sheet 年初预算与主要原因
        }
        let bytes: Data
        switch format {
        case .html:
            bytes = Data(page.html().utf8)
        case .pdf:
            bytes = try ContentsPages.printWithPageNumbers(page)
        case .xlsx:
            do {
                bytes = try XLSXWriter(disclosure: disclosure).data()
            } catch {
                throw CommandFailure(place: output, chinese: "无法生成 XLSX：\(error)", english: "cannot make the XLSX: \(error)")
            }
        }
        try AtomicFile.write(bytes, to: output)
        if format != .xlsx {
            // The render's notes: the 情况说明 sections left out for want of data (never invented).
            let writer = NarrativeWriter(disclosure: disclosure, previous: prior)
            for note in writer.omissions() {
                FileHandle.standardError.write(Data("note: \(note)\n".utf8))
            }
        }
    }
}

extension RenderCommand {
    /// The disclosure to render: FILE read as final accounts, or the stored document `--document ID` from the
    /// store (`--db`), its JSON export read back by the JSON reader. An unknown id or a stored document that is
    /// not final accounts with tables: exit 2.
    func source() throws -> Disclosure {
        if let file {
            return try DocumentInput(file: file, limit: limit).readFinalAccounts(selfEvaluations: true)
        }
        let id = document ?? 0
        let options = store
        let name = "\(options.displayLocation)#\(id)"
        // Rendering reads: a SQLite file that does not exist is an error, not a new empty store.
        if !StoreLocation.isPostgres(options.location), !FileManager.default.fileExists(atPath: options.location) {
            throw CommandFailure(place: options.location, chinese: "库文件不存在", english: "no such store file")
        }
        let data: Data
        do {
            data = try awaitStore {
                let store = try await options.open()
                return try await store.disclosureJSON(document: id)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch let error as StoreError {
            throw CommandFailure(error)
        } catch {
            throw CommandFailure(place: name, chinese: "无法读取库中文档：\(error)", english: "cannot read the stored document: \(error)")
        }
        let disclosure: Disclosure
        do {
            disclosure = try DisclosureJSON.decode(data, file: name)
        } catch {
            throw CommandFailure(place: name, chinese: "库中文档的 JSON 无法读取：\(error)", english: "the stored document's JSON cannot be read: \(error)")
        }
        guard disclosure.kind == .finalAccounts, !disclosure.tables.isEmpty else {
            throw CommandFailure(
                place: name, chinese: "库中文档不是含公开表的部门决算", english: "the stored document is not final accounts with tables")
        }
        return disclosure
    }

    /// 年初预算 and 主要原因 from the sheet `年初预算与主要原因` of a data-entry workbook (`budgetlens template`);
    /// `nil` when FILE is no workbook or has no such sheet. A budget that is not an amount: exit 2 naming the cell.
    static func workbookInputs(_ path: String, limit: InputLimit) throws -> NarrativeInputs? {
        guard path.lowercased().hasSuffix(".xlsx"), let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            guard
                let rows = try DisclosureReader.workbookSheet(
                    named: DisclosureReader.inputsSheetName, data: data, file: path,
                    configuration: limit.configuration(selfEvaluations: false))
            else { return nil }
            return try NarrativeInputs(sheet: rows, file: path)
        } catch let error as NarrativeInputsError {
            throw CommandFailure(message: "error: \(error)")
        } catch {
            throw CommandFailure(place: path, chinese: "无法读取工作簿：\(error)", english: "cannot read the workbook: \(error)")
        }
    }

    /// The budgets-and-reasons file; unreadable or not of that shape: exit 2 naming the file.
    static func inputs(_ path: String, limit: Int) throws -> NarrativeInputs {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? Int, size <= limit, let data = FileManager.default.contents(atPath: path)
        else {
            throw CommandFailure(
                place: path, chinese: "无法读取预算与原因文件（不存在、不可读或超过 --max-input-mb）",
                english: "cannot read the budgets-and-reasons file (missing, unreadable or over --max-input-mb)")
        }
        do {
            return try NarrativeInputs(json: data, file: path)
        } catch {
            throw CommandFailure(message: "error: \(error)")
        }
    }
}

/// Writes a file all at once: the bytes go to a temporary file in the same directory, which is then renamed
/// over the target (rename(2) is atomic within a file system), so a reader sees the old file or the new, never
/// a part. A symbolic link is written through (its target is replaced, the link kept); a path that is not a
/// regular file (a FIFO, a device such as `/dev/stdout` or `/dev/full`) is written to directly, its write errors
/// reported — never replaced by a regular file.
enum AtomicFile {
    /// Refuses an output that is one of the command's inputs (the same file, by device and inode, whatever the
    /// path): writing it would destroy the input. An empty path is refused too.
    static func refuseOverwriting(_ inputs: [String], with output: String) throws {
        guard !output.isEmpty else {
            throw CommandFailure(place: "-o", chinese: "输出文件路径为空", english: "the output path is empty")
        }
        guard let target = FileIdentity(path: output), target.isRegularFile else { return }
        for input in inputs {
            if let source = FileIdentity(path: input), source.device == target.device, source.inode == target.inode {
                throw CommandFailure(
                    place: output, chinese: "输出文件就是输入文件 \(input)，写入会毁掉输入；请换一个输出路径",
                    english: "the output is the input file \(input); writing it would destroy the input — choose another path")
            }
        }
    }

    static func write(_ bytes: Data, to path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        if let status = FileIdentity(path: target.path), !status.isRegularFile {
            guard !status.isDirectory else {
                throw CommandFailure(place: path, chinese: "这是一个目录，不能写入文件", english: "is a directory, not a file")
            }
            try writeDirectly(bytes, to: path)
            return
        }
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try bytes.write(to: temporary)
        } catch {
            throw CommandFailure(
                place: path, chinese: "无法写入：\(error.localizedDescription)",
                english: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure(place: path, chinese: "无法写入：\(reason)", english: "cannot write: \(reason)")
        }
    }

    /// Writes `bytes` to an existing non-regular file (a FIFO, a device) with write(2), every error reported.
    private static func writeDirectly(_ bytes: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CommandFailure(place: path, chinese: "无法写入：\(reason)", english: "cannot write: \(reason)")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            guard written > 0 else {
                let reason = String(cString: strerror(errno))
                throw CommandFailure(place: path, chinese: "无法写入：\(reason)", english: "cannot write: \(reason)")
            }
            offset += written
        }
    }
}

/// A file's device and inode and its kind, as `stat(2)` gives them (symbolic links followed), read through
/// Foundation's `FileManager`; `nil` when the path does not exist or cannot be read.
struct FileIdentity {
    let device: UInt64
    let inode: UInt64
    let isRegularFile: Bool
    let isDirectory: Bool

    init?(path: String) {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
            let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value,
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        else { return nil }
        let type = attributes[.type] as? FileAttributeType
        self.device = device
        self.inode = inode
        isRegularFile = type == .typeRegular
        isDirectory = type == .typeDirectory
    }
}
