import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("Bad PDFs: a clear error naming the file, never a partial model presented as complete")
struct PDFBadInputTests {
    private func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func financeBytes() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Seed.corpusPath(Seed.financePDF))))
    }

    @Test("a PDF cut short (a download stopped half way) is refused as truncated", arguments: [0.5, 0.98])
    func truncated(fraction: Double) throws {
        let bytes = try financeBytes()
        let path = try temporaryFile(Array(bytes.prefix(Int(Double(bytes.count) * fraction))), name: "cut.pdf")
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .badPDF)
        #expect(error.message.contains("truncated") && error.description.contains(path))
    }

    @Test("the same from memory (an upload): refused before poppler is asked")
    func truncatedInMemory() throws {
        let bytes = try financeBytes()
        let error = try #require(throws: ReadError.self) {
            try DisclosureReader.read(data: Data(bytes.prefix(bytes.count / 3)), file: "upload.pdf")
        }
        #expect(
            error.code == .badPDF && error.message.contains("truncated") && error.description.contains("upload.pdf"))
    }

    @Test("bytes that are not a PDF, named .pdf, say so and show how they start")
    func notAPDF() throws {
        let path = try temporaryFile(Array("<html><body>404 Not Found</body></html>".utf8), name: "report.pdf")
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .badPDF)
        #expect(
            error.message.contains("not one") && error.message.contains("<html>") && error.description.contains(path))
        let garbage = try temporaryFile((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, name: "noise.pdf")
        let noise = try #require(throws: ReadError.self) { try DisclosureReader.read(path: garbage) }
        #expect(noise.code == .badPDF)
    }

    @Test("an empty .pdf is empty")
    func emptyPDF() throws {
        let path = try temporaryFile([], name: "empty.pdf")
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .empty && error.description.contains(path))
    }

    @Test("a PDF header over a damaged body is reported as damaged, with poppler's reason")
    func damaged() throws {
        let bytes = Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ngarbage\n%%EOF\n".utf8)
        let path = try temporaryFile(bytes, name: "damaged.pdf")
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .badPDF && error.description.contains(path))
        #expect(
            error.message.contains("damaged") || error.message.contains("no pages")
                || error.message.contains("cannot be read"))
    }

    @Test("a scanned PDF (images, no text layer) is refused: OCR is not supported")
    func scanned() throws {
        let path = try temporaryFile(MinimalPDF.scannedPage(), name: "scan.pdf")
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .badPDF)
        #expect(error.message.contains("no text layer") && error.message.contains("OCR"))
    }

    @Test("an encrypted PDF that needs a password is refused, saying so")
    func encrypted() throws {
        let path = try temporaryFile(MinimalPDF.passwordProtected(), name: "locked.pdf")
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .badPDF && error.message.contains("password") && error.description.contains(path))
    }

    @Test("a PDF larger than the limit is refused before poppler runs")
    func tooLarge() throws {
        var configuration = ReaderConfiguration()
        configuration.maximumInputSize = 1 << 20
        let error = try #require(throws: ReadError.self) {
            try DisclosureReader.read(path: Seed.corpusPath(Seed.financePDF), configuration: configuration)
        }
        #expect(error.code == .tooLarge)
    }
}
