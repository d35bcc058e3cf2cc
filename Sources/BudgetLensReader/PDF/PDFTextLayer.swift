import BudgetLensCore
import Foundation

/// Gets a PDF's words and their boxes from poppler's `pdftotext -tsv` (Debian package `poppler-utils`).
///
/// The file is checked first (a PDF header, an end-of-file marker), so that a truncated download or a file
/// that only has a `.pdf` name is reported as such; poppler's own failures (encryption, permissions) become
/// ``ReadError``s naming the file. A PDF without any text (a scan) is refused: BudgetLens does not do OCR.
enum PDFTextLayer {
    /// How long poppler may take before the PDF is given up as unreadable.
    static let timeoutMilliseconds = 120_000
    /// The most output accepted from poppler: a word per glyph of a 1,000-page document is far less.
    static let maximumOutput = 512 << 20

    /// A PDF's text layer.
    struct Text {
        /// The pages, each with its words.
        var pages: [LayoutPage]
        /// For each page without words, how many images it holds (`nil` when that could not be found out).
        var imagesOnTextlessPages: [Int: Int?]
    }

    /// The text layer of the PDF at `path`, which holds `bytes`.
    static func text(ofFile path: String, bytes: [UInt8], file: String) throws -> Text {
        let pages = try pages(ofFile: path, bytes: bytes, file: file)
        let textless = pages.filter(\.words.isEmpty).map(\.number)
        var images: [Int: Int?] = [:]
        if let first = textless.min(), let last = textless.max() {
            let counts = imageCounts(path: path, from: first, to: last)
            for page in textless { images[page] = counts.map { $0[page] ?? 0 } }
        }
        return Text(pages: pages, imagesOnTextlessPages: images)
    }

    /// The text layer of a PDF held in memory: written to a temporary file for poppler.
    static func text(of bytes: [UInt8], file: String) throws -> Text {
        try checkStructure(bytes, file: file)
        return try withTemporaryCopy(of: bytes, file: file) { path in try text(ofFile: path, bytes: bytes, file: file) }
    }

    /// The pages of a PDF held in memory: written to a temporary file for poppler.
    static func pages(of bytes: [UInt8], file: String) throws -> [LayoutPage] {
        try checkStructure(bytes, file: file)
        return try withTemporaryCopy(of: bytes, file: file) { path in try pages(ofFile: path, bytes: bytes, file: file) }
    }

    /// Runs `body` on a temporary copy of `bytes` (poppler reads files), removed afterwards.
    private static func withTemporaryCopy<T>(of bytes: [UInt8], file: String, _ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory
        let path = directory.appendingPathComponent("budgetlens-\(UUID().uuidString).pdf").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw ReadError(
                .unreadable, source: location(file), chinese: "无法为 PDF 读取程序写入临时副本",
                english: "cannot write a temporary copy for the PDF reader")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// Images per page from `pdfimages -list` (poppler-utils), or `nil` when it cannot be run.
    private static func imageCounts(path: String, from first: Int, to last: Int) -> [Int: Int]? {
        guard let executable = popplerTool("pdfimages"),
            let output = try? run(
                executable, ["-list", "-f", String(first), "-l", String(last), argument(path)], file: path)
        else { return nil }
        var counts: [Int: Int] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n").dropFirst(2) {
            if let page = line.split(separator: " ").first.flatMap({ Int($0) }) { counts[page, default: 0] += 1 }
        }
        return counts
    }

    /// A path as a tool argument: `./-x.pdf` for `-x.pdf`, which would read as an option.
    private static func argument(_ path: String) -> String { path.hasPrefix("-") ? "./" + path : path }

    /// The pages of the PDF at `path`, which holds `bytes`.
    static func pages(ofFile path: String, bytes: [UInt8], file: String) throws -> [LayoutPage] {
        try checkStructure(bytes, file: file)
        let output = try runPdftotext(arguments: ["-tsv", "-enc", "UTF-8", argument(path), "-"], file: file)
        let pages = try PopplerTSV.pages(from: output, file: file)
        guard !pages.isEmpty else {
            throw ReadError(
                .badPDF, source: location(file), chinese: "poppler 在 PDF 中没有找到任何页面",
                english: "poppler found no pages in the PDF")
        }
        guard pages.contains(where: { !$0.words.isEmpty }) else {
            throw ReadError(
                .badPDF, source: location(file),
                chinese: "PDF 没有文字层（\(pages.count) 页都是图片：扫描件？）；BudgetLens 读取 PDF 的文字，不做 OCR",
                english: "the PDF has no text layer (\(pages.count) pages of images: a scan?); "
                    + "BudgetLens reads the text of a PDF and does not do OCR")
        }
        return pages
    }

    /// Refuses bytes that are not a whole PDF: no `%PDF-` header, or no `%%EOF` near the end (truncated).
    static func checkStructure(_ bytes: [UInt8], file: String) throws {
        let start = bytes.firstIndex { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) } ?? bytes.count
        guard bytes[start...].starts(with: Array("%PDF-".utf8)) else {
            let shown = bytes[start...].prefix(16).map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "." }
                .joined()
            // What it is, when its first bytes say (an image, an archive, an Office file…).
            if let kind = TextDecoding.binaryKind(of: Array(bytes[start...])) {
                throw ReadError(
                    .badPDF, source: location(file),
                    chinese: "文件名是 PDF，但内容不是 PDF，而是另一种文件（开头是“\(shown)”）",
                    english: "the file is named as a PDF but is \(kind), not a PDF (it starts with '\(shown)')")
            }
            throw ReadError(
                .badPDF, source: location(file),
                chinese: "文件名是 PDF，但内容不是：开头是“\(shown)”，而不是“%PDF-”",
                english: "the file is named as a PDF but is not one: it starts with '\(shown)', not '%PDF-'")
        }
        let tail = Array(bytes.suffix(2048))
        let marker = Array("%%EOF".utf8)
        let hasEnd =
            tail.count >= marker.count
            && (0...(tail.count - marker.count)).contains { tail[$0..<($0 + marker.count)].elementsEqual(marker) }
        guard hasEnd else {
            throw ReadError(
                .badPDF, source: location(file),
                chinese: "PDF 不完整：最后 2 KB 中没有文件结束标记（%%EOF）（读到 \(bytes.count) 字节；下载中断了吗？）",
                english: "the PDF is truncated: it has no end-of-file marker (%%EOF) in its last 2 KB "
                    + "(\(bytes.count) bytes read; was the download cut short?)")
        }
    }

    /// Where a poppler tool is: for pdftotext `BUDGETLENS_PDFTOTEXT` if set, else the tool on the `PATH`.
    static func popplerTool(_ name: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if name == "pdftotext", let configured = environment["BUDGETLENS_PDFTOTEXT"], !configured.isEmpty {
            return FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static func runPdftotext(arguments: [String], file: String) throws -> [UInt8] {
        guard let executable = popplerTool("pdftotext") else {
            throw ReadError(
                .badPDF, source: location(file),
                chinese: "读取 PDF 需要 poppler 的 pdftotext，但没有找到"
                    + "（Debian/Ubuntu：apt-get install poppler-utils；或设置 BUDGETLENS_PDFTOTEXT）",
                english: "reading a PDF needs poppler's pdftotext, which was not found "
                    + "(Debian/Ubuntu: apt-get install poppler-utils; or set BUDGETLENS_PDFTOTEXT)")
        }
        return try run(executable, arguments, file: file)
    }

    /// Runs a poppler tool and returns its standard output.
    private static func run(_ executable: String, _ arguments: [String], file: String) throws -> [UInt8] {
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(
                executable, arguments, maximumOutput: maximumOutput, timeoutMilliseconds: timeoutMilliseconds)
        } catch ChildProcess.Failure.outputTooLarge {
            throw ReadError(
                .badPDF, source: location(file),
                chinese: "PDF 的文字超过 \(maximumOutput >> 20) MiB，不予读取",
                english: "the PDF's text is larger than \(maximumOutput >> 20) MiB; it is not read")
        } catch ChildProcess.Failure.timedOut {
            throw ReadError(
                .badPDF, source: location(file),
                chinese: "PDF 读取程序运行超过 \(timeoutMilliseconds / 1000) 秒，不予读取",
                english: "the PDF reader took longer than \(timeoutMilliseconds / 1000) s; the PDF is not read")
        } catch {
            throw ReadError(
                .badPDF, source: location(file), chinese: "无法运行 \(executable)：\(error)",
                english: "cannot run \(executable): \(error)")
        }
        guard result.status == 0 else {
            let messages = String(decoding: result.errors, as: UTF8.self)
            let failure = failureMessage(result.status, messages)
            throw ReadError(.badPDF, source: location(file), chinese: failure.chinese, english: failure.english)
        }
        return result.output
    }

    /// Poppler's exit status and messages, said for a person, in Chinese and English (poppler's own words kept).
    private static func failureMessage(_ status: Int32, _ messages: String) -> (chinese: String, english: String) {
        let detail = messages.split(separator: "\n").prefix(3).joined(separator: "; ")
        if messages.contains("password") || messages.contains("Incorrect") {
            return (
                "PDF 已加密，需要密码才能打开；BudgetLens 只读取未加密的 PDF",
                "the PDF is encrypted and needs a password to open; BudgetLens reads unprotected PDFs only")
        }
        if status == 3 || messages.contains("Permission Error") {
            return (
                "PDF 的权限禁止复制文字，因此无法读取", "the PDF's permissions forbid copying its text, so it cannot be read")
        }
        if messages.contains("xref") || messages.contains("trailer") {
            return (
                "PDF 已损坏（交叉引用表无法读取；文件被截断？）：\(detail)",
                "the PDF is damaged (its cross-reference table cannot be read; truncated?): \(detail)")
        }
        return (
            "PDF 无法读取（poppler 退出码 \(status)）" + (detail.isEmpty ? "" : "：\(detail)"),
            "the PDF cannot be read (poppler exit status \(status))" + (detail.isEmpty ? "" : ": \(detail)"))
    }

    private static func location(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 0, column: 0) }
}
