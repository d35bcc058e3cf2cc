import BudgetLensCore
import BudgetLensReader
import BudgetLensRender
import BudgetLensTestSupport
import Foundation
import Testing

/// The XLSX opened by LibreOffice headless (installed by `.ci/run`): every sheet converted to CSV with the cells
/// as shown, so the number format is applied by LibreOffice itself.
@Suite("XLSX in LibreOffice")
final class LibreOfficeTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-lo-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test("seeds 000 and 002: each sheet's amounts, as LibreOffice shows them (#,##0.00), are the table's amounts",
        arguments: [Seed.yantai, Seed.zengdu])
    func convertsEverySheet(seed: String) throws {
        try convert(try Seed.read(seed))
    }

    @Test("上海 001 and the 附件2 模板 (the Shanghai template: no 栏次 row, 类 | 款 | 项 columns, 三公 seventh): the same, sheet by sheet",
        arguments: [Seed.shanghaiFinance, Seed.templatePDF])
    func convertsShanghai(name: String) throws {
        let disclosure = try Seed.readCorpus(name)
        #expect(LayoutTemplate.of(disclosure) == .shanghai)
        try convert(disclosure)
    }

    private func convert(_ disclosure: Disclosure) throws {
        let workbook = folder.appendingPathComponent("book.xlsx")
        try XLSXWriter(disclosure: disclosure).data().write(to: workbook)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "soffice", "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)", "--headless",
            // Field separator tab, quote '"', UTF-8, from line 1, …, cells as shown, every sheet to its own file.
            "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir", folder.path, workbook.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for table in disclosure.tables {
            let csv = folder.appendingPathComponent("book-公开\(table.id.rawValue).csv")
            let text = try String(contentsOf: csv, encoding: .utf8)
            // Amounts as shown: two decimals with thousands separators; fields are tab-separated.
            let amounts = text.split(whereSeparator: { $0 == "\t" || $0 == "\n" }).map { $0.trimmingCharacters(in: ["\""]) }
                .filter { $0.range(of: #"^-?[0-9,]+\.[0-9]{2}$"#, options: .regularExpression) != nil }
            let expected = table.rows.flatMap(\.cells).compactMap { $0.value?.groupedString(in: disclosure.moneyUnit) }
            #expect(amounts.sorted() == expected.sorted(), "公开\(table.id.rawValue)")
        }
    }
}
