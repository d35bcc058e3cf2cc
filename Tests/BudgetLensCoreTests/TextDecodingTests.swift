import BudgetLensCore
import Foundation
import Testing

@Suite("Text decoding: encodings, line endings, binary kinds")
struct TextDecodingTests {
    @Test("CRLF, CR and mixed line endings become LF and are named")
    func lineEndings() throws {
        let cases: [(String, String, LineEndings)] = [
            ("收入\n支出\n", "收入\n支出\n", .lf), ("收入\r\n支出\r\n", "收入\n支出\n", .crlf),
            ("收入\r支出\r", "收入\n支出\n", .cr), ("收入\r\n支出\n合计\r", "收入\n支出\n合计\n", .mixed),
        ]
        for (input, output, endings) in cases {
            let decoded = try TextDecoding.decode(Array(input.utf8))
            #expect(decoded.text == output && decoded.lineEndings == endings && decoded.encoding == .utf8)
        }
    }

    @Test("each encoding is recognised: UTF-8 with and without BOM, UTF-16 LE/BE with and without BOM, GB18030")
    func encodings() throws {
        let text = "公开01表\t收入支出决算总表\r\n合计\t7,297.28\r\n"
        let gb = try #require(text.data(using: TextDecoding.gb18030))
        let cases: [([UInt8], TextEncoding)] = [
            (Array(text.utf8), .utf8), ([0xEF, 0xBB, 0xBF] + Array(text.utf8), .utf8WithBOM),
            ([0xFF, 0xFE] + [UInt8](try #require(text.data(using: .utf16LittleEndian))), .utf16LittleEndian),
            ([0xFE, 0xFF] + [UInt8](try #require(text.data(using: .utf16BigEndian))), .utf16BigEndian),
            ([UInt8](gb), .gb18030),
            ([UInt8](try #require(text.data(using: .utf16LittleEndian))), .utf16LittleEndianWithoutBOM),
            ([UInt8](try #require(text.data(using: .utf16BigEndian))), .utf16BigEndianWithoutBOM),
        ]
        for (bytes, encoding) in cases {
            let decoded = try TextDecoding.decode(bytes)
            #expect(decoded.encoding == encoding)
            #expect(decoded.text == "公开01表\t收入支出决算总表\n合计\t7,297.28\n", "\(encoding)")
            #expect(decoded.lineEndings == .crlf)
        }
        #expect(gb.count < Array(text.utf8).count, "GB18030 stores a Chinese character in two bytes")
    }

    @Test("UTF-16 without BOM is told by its NUL bytes: Chinese text with a line feed a line, not binary noise")
    func utf16WithoutBOMDetection() throws {
        // Chinese only but for the line feeds: 16 characters a line, one NUL per 17 code units.
        let chinese = String(repeating: "收入支出决算总表一般公共预算财政拨\n", count: 40)
        for little in [true, false] {
            let bytes = [UInt8](try #require(chinese.data(using: little ? .utf16LittleEndian : .utf16BigEndian)))
            let decoded = try TextDecoding.decode(bytes)
            #expect(decoded.text == chinese)
            #expect(decoded.encoding == (little ? .utf16LittleEndianWithoutBOM : .utf16BigEndianWithoutBOM))
        }
    }

    @Test("binary signatures are named; text is not mistaken for one")
    func binaryKinds() {
        #expect(TextDecoding.binaryKind(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == "a PNG image")
        #expect(TextDecoding.binaryKind(of: Array("%PDF-1.7\n".utf8)) == "a PDF")
        #expect(TextDecoding.binaryKind(of: [0x1F, 0x8B, 0x08]) == "a gzip-compressed file (decompress it first)")
        #expect(TextDecoding.binaryKind(of: Array("PK\u{3}\u{4}....xl/workbook.xml".utf8))?.hasPrefix("an XLSX") == true)
        #expect(TextDecoding.binaryKind(of: Array("收入支出决算总表\n".utf8)) == nil)
        #expect(TextDecoding.binaryKind(of: Array("BM 2024年".utf8)) == nil, "text that starts with BM")
    }

    @Test("a damaged UTF-8 file is not taken for GB18030: the first bad byte is named")
    func damagedUTF8() {
        let bytes = Array("收入支出\n合计".utf8) + [0xFF] + Array("\n".utf8)
        #expect(throws: TextDecodingError.self) { try TextDecoding.decode(bytes) }
        do {
            _ = try TextDecoding.decode(bytes)
        } catch let error as TextDecodingError {
            #expect(error.line == 2 && error.column == 7 && error.message.contains("0xFF"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
