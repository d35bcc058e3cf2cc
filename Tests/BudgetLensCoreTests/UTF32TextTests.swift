import BudgetLensCore
import Foundation
import Testing

/// UTF-32 text with its byte-order mark (FF FE 00 00 or 00 00 FE FF), as some converters write "UTF-32": read
/// through Foundation's UTF-32 decoders (a fresh tester's finding 13, docs/tester-findings-24.md: it was refused as
/// "a NUL byte at offset 0"). A cut last code unit is dropped as for UTF-16; a bad code unit is refused.
@Suite("UTF-32 text with a byte-order mark")
struct UTF32TextTests {
    static let text = "收入决算表\n合计\t2,946.25\n𠀀一般公共服务支出"

    static func utf32(_ text: String, little: Bool, bom: Bool = true) -> [UInt8] {
        let mark: [UInt8] = !bom ? [] : little ? [0xFF, 0xFE, 0x00, 0x00] : [0x00, 0x00, 0xFE, 0xFF]
        return mark + text.unicodeScalars.flatMap { scalar -> [UInt8] in
            let bytes = (0..<4).map { UInt8((scalar.value >> (8 * UInt32($0))) & 0xFF) }
            return little ? bytes : bytes.reversed()
        }
    }

    @Test("LE and BE: the text, the encoding named UTF-32LE / UTF-32BE, CRLF made LF")
    func decodes() throws {
        for little in [true, false] {
            let decoded = try TextDecoding.decode(Self.utf32(Self.text.replacingOccurrences(of: "\n", with: "\r\n"), little: little))
            #expect(decoded.text == Self.text)
            #expect(decoded.encoding == (little ? .utf32LittleEndian : .utf32BigEndian))
            #expect(decoded.encoding.characterEncodingName == "UTF-32")
            #expect(decoded.lineEndings == .crlf)
        }
    }

    @Test("cut inside the last code unit (1–3 bytes): dropped with its offset when asked, refused otherwise")
    func cut() throws {
        for little in [true, false] {
            let whole = Self.utf32(Self.text, little: little)
            for tail in [[0x31], [0x31, 0x00], [0x31, 0x00, 0x00]] as [[UInt8]] {
                let decoded = try TextDecoding.decode(whole + tail, droppingCutCharacter: true)
                #expect(decoded.text == Self.text && decoded.cutCharacterOffset == whole.count)
                #expect {
                    try TextDecoding.decode(whole + tail)
                } throws: { error in
                    "\(error)".contains("文件在一个 UTF-32 字符中途结束（字节偏移 \(whole.count) 起的 \(tail.count) 个字节是不完整的字符）")
                }
            }
            #expect(try TextDecoding.decode(whole, droppingCutCharacter: true).cutCharacterOffset == nil)
        }
    }

    @Test("a code unit beyond U+10FFFF: refused as invalid UTF-32")
    func invalid() throws {
        let bytes = Self.utf32("合计", little: true) + [0x00, 0x00, 0x11, 0x00]
        #expect {
            try TextDecoding.decode(bytes)
        } throws: { error in
            "\(error)".contains("not valid UTF-32")
        }
    }

    @Test("without a byte-order mark (iconv -t UTF-32LE/BE): read, named UTF-32LE/BE (no BOM); a cut unit dropped")
    func withoutBOM() throws {
        for little in [true, false] {
            let bytes = Self.utf32(Self.text.replacingOccurrences(of: "\n", with: "\r\n"), little: little, bom: false)
            let decoded = try TextDecoding.decode(bytes)
            #expect(decoded.text == Self.text)
            #expect(decoded.encoding == (little ? .utf32LittleEndianWithoutBOM : .utf32BigEndianWithoutBOM))
            #expect(decoded.encoding.rawValue == (little ? "UTF-32LE (no BOM)" : "UTF-32BE (no BOM)"))
            #expect(decoded.encoding.characterEncodingName == "UTF-32")
            let cut = try TextDecoding.decode(bytes + [0x31, 0x00], droppingCutCharacter: true)
            #expect(cut.text == Self.text && cut.cutCharacterOffset == bytes.count)
        }
    }

    @Test("UTF-16 without a mark, UTF-8 and GB18030 are not taken for UTF-32 without a mark")
    func notTakenForUTF32() throws {
        let ascii = "1\t2\n3\t4\n"
        let utf16 = [UInt8](try #require(ascii.data(using: .utf16LittleEndian)))
        #expect(try TextDecoding.decode(utf16).encoding == .utf16LittleEndianWithoutBOM)
        let chinese = [UInt8](try #require(Self.text.data(using: .utf16BigEndian)))
        #expect(try TextDecoding.decode(chinese).encoding == .utf16BigEndianWithoutBOM)
        #expect(try TextDecoding.decode(Array(Self.text.utf8)).encoding == .utf8)
        let gb = [UInt8](try #require(Self.text.data(using: TextDecoding.gb18030)))
        #expect(try TextDecoding.decode(gb).encoding == .gb18030)
    }
}
