import BudgetLensCore
import BudgetLensReader
import BudgetLensRender
import Foundation

/// The 目录's page numbers for `render --to pdf`: the page is printed once, the printed PDF is read back with
/// BudgetLens's own PDF reader to find the page where each table's title and the 情况说明's first section are,
/// and the page is printed again with those numbers in the 目录. Numbers do not move pages (the 目录 has one line
/// per entry either way, and every table starts a page).
enum ContentsPages {
    static func printWithPageNumbers(_ writer: HTMLWriter) throws -> Data {
        let first = try ChromiumPrinter.pdf(of: writer.html())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("first.pdf")
        try first.write(to: file)
        var configuration = ReaderConfiguration()
        configuration.readsSelfEvaluations = false
        guard let printed = try? DisclosureReader.read(path: file.path, configuration: configuration) else { return first }
        var pages: [String: Int] = [:]
        for table in printed.tables {
            if let page = table.source.page, pages["t\(table.id.rawValue)"] == nil { pages["t\(table.id.rawValue)"] = page }
        }
        if let page = printed.narrative.first?.source.page { pages["narrative"] = page }
        guard !pages.isEmpty else { return first }
        var numbered = writer
        numbered.pages = pages
        return try ChromiumPrinter.pdf(of: numbered.html())
    }
}
