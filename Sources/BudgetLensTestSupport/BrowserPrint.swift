import Foundation

/// Prints an HTML page to PDF with headless Chromium (Debian's `chromium`), the way the tests make browser prints
/// of the real documents: no header or footer, a throwaway profile inside `folder`.
public enum BrowserPrint {
    /// Prints `page` to `pdf`; throws when Chromium fails or writes nothing.
    public static func pdf(of page: URL, to pdf: String, profileIn folder: URL) throws {
        let print = try ProcessRunner.run("/usr/bin/env", [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf)", page.absoluteString,
        ])
        guard print.status == 0, FileManager.default.fileExists(atPath: pdf) else {
            throw BrowserPrintError(message: "chromium --print-to-pdf failed: \(print.stderr)")
        }
    }
}

/// Chromium did not print the page.
public struct BrowserPrintError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
