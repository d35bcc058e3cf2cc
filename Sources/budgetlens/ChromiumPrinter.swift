import Foundation

/// Prints an HTML page to PDF with headless Chromium (Debian's `chromium`; `chromium-browser` and
/// `google-chrome` are tried too): the page goes to a temporary folder, Chromium prints it with its own CSS
/// (`@page` A4, page numbers in the margin) and no header or footer of its own, and the PDF's bytes come back.
/// The folder, with Chromium's throw-away profile, is removed afterwards.
enum ChromiumPrinter {
    /// The browsers tried, in order, on `PATH`.
    static let names = ["chromium", "chromium-browser", "google-chrome"]

    /// The first browser found on `PATH`, if any.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The PDF of `html`. Throws a ``CommandFailure`` (exit 2) when no browser is installed, when it fails or
    /// when it runs longer than `timeoutSeconds`.
    static func pdf(of html: String, timeoutSeconds: Int = 120) throws -> Data {
        guard let browser = executable() else {
            throw CommandFailure(
                place: "", chinese: "--to pdf 需要 Chromium：请安装 Debian 的 chromium 软件包",
                english: "--to pdf needs headless Chromium: install Debian's chromium package")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html")
        let output = folder.appendingPathComponent("page.pdf")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(output.path)",
            page.absoluteString,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw CommandFailure(
                place: "", chinese: "无法启动 \(browser)：\(error.localizedDescription)",
                english: "cannot start \(browser): \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + .seconds(5))
            throw CommandFailure(
                place: "", chinese: "\(browser) 在 \(timeoutSeconds) 秒内未完成",
                english: "\(browser) did not finish within \(timeoutSeconds) s")
        }
        guard process.terminationStatus == 0, let bytes = FileManager.default.contents(atPath: output.path),
            bytes.starts(with: Array("%PDF".utf8))
        else {
            throw CommandFailure(
                place: "", chinese: "\(browser) 未生成 PDF（退出码 \(process.terminationStatus)）",
                english: "\(browser) printed no PDF (exit \(process.terminationStatus))")
        }
        return bytes
    }
}
