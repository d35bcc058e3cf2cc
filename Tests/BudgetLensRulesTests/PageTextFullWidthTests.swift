import BudgetLensCore
@testable import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// Page text whose digits are full-width (`１０.００`, typed in a full-width input mode) reads as the same text in
/// ASCII digits (``FullWidthDigits``; tester finding 24-3: the digits joined the label, the row read 0.00 and the
/// document was blamed for X-12, 05-2 and N-ITEM).
@Suite("page text with full-width digits", .enabled(if: ExtractionTools.shouldRun))
struct PageTextFullWidthTests {
    /// `text` with every ASCII digit full-width, and a point between digits `．`.
    static func fullWidth(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if ("0"..."9").contains(scalar) {
                result.append(Unicode.Scalar(scalar.value - 0x30 + 0xFF10)!)
            } else if scalar == ".", index > 0, index + 1 < scalars.count,
                ("0"..."9").contains(scalars[index - 1]), ("0"..."9").contains(scalars[index + 1])
            {
                result.append("\u{FF0E}")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    @Test("the 财政局 PDF's page text, every digit full-width: its cells and findings")
    func wholeText() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(.pageText, from: Seed.corpusPath(Seed.financePDF), into: folder)
        let plain = try DisclosureReader.read(path: path)
        let wide = folder.appendingPathComponent("wide.txt")
        try Self.fullWidth(try String(contentsOfFile: path, encoding: .utf8)).write(to: wide, atomically: true, encoding: .utf8)
        let read = try DisclosureReader.read(path: wide.path)
        #expect(ExtractionFormsTests.cells(read).count == 577)
        #expect(ExtractionFormsTests.cells(read) == ExtractionFormsTests.cells(plain))
        #expect(try ExtractionFormsTests.findings(read) == ExtractionFormsTests.findings(plain))
    }

    @Test("digits and a point between digits fold, one scalar for one; the full-width comma stays")
    func folding() {
        let lines: [Substring] = ["201 06 02 １０．００ １０.００", "第１，２项", "共３．", "无数字", "2,940．05 一．"]
        #expect(FullWidthDigits.folded(lines) == ["201 06 02 10.00 10.00", "第1，2项", "共3．", "无数字", "2,940.05 一．"])
    }
}
