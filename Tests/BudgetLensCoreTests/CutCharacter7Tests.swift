import BudgetLensCore
import Foundation
import Testing

/// GB18030 and UTF-16 bytes cut inside their last character (issue 9, a cut file): read without the partial
/// character, as UTF-8 is, with its byte offset given; refused when not dropping (rule, scheme, framework files);
/// a bad byte elsewhere still refused at its place; whole text never cut.
@Suite("DamagedInput7: GB18030 and UTF-16 cut inside a character")
struct CutCharacter7Tests {
    static let text = "收入决算表\n合计\t2,946.25\n一般公共服务支出"

    static func gb(_ text: String) throws -> [UInt8] {
        try #require(text.data(using: TextDecoding.gb18030).map { [UInt8]($0) })
    }

    static func utf16(_ text: String, little: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in
            little ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
    }

    @Test("GB18030 cut inside a 2-byte character (出 = B3 F6, first byte kept) and inside a 4-byte one (㐀 = 81 39 EE 39)")
    func gb18030Cut() throws {
        let whole = try Self.gb(Self.text)
        #expect(Array(try Self.gb("出")) == [0xB3, 0xF6])
        #expect(Array(try Self.gb("㐀")) == [0x81, 0x39, 0xEE, 0x39])
        for tail in [[0xB3], [0x81], [0x81, 0x39], [0x81, 0x39, 0xEE]] as [[UInt8]] {
            let decoded = try TextDecoding.decode(whole + tail, droppingCutCharacter: true)
            #expect(decoded.text == Self.text)
            #expect(decoded.encoding == .gb18030)
            #expect(decoded.cutCharacterOffset == whole.count)
            // Not dropping (a rule file): refused, naming the offset and the encoding.
            #expect {
                try TextDecoding.decode(whole + tail)
            } throws: { error in
                "\(error)".contains("文件在一个 GB18030 字符中途结束（字节偏移 \(whole.count) 起的 \(tail.count) 个字节是不完整的字符）")
            }
        }
        // Whole GB18030 text: nothing dropped.
        let decoded = try TextDecoding.decode(whole, droppingCutCharacter: true)
        #expect(decoded.text == Self.text && decoded.cutCharacterOffset == nil)
    }

    @Test("GB18030 with a bad byte (0xFF) in the middle and a cut end: refused at the bad byte, not read")
    func gb18030BadByteInMiddle() throws {
        var bytes = try Self.gb(Self.text)
        let lineTwo = try #require(bytes.firstIndex(of: 0x0A)) + 1
        bytes.insert(0xFF, at: lineTwo)
        #expect {
            try TextDecoding.decode(bytes + [0xB3], droppingCutCharacter: true)
        } throws: { error in
            let error = error as? TextDecodingError
            return error?.line == 2 && error?.column == 1 && error?.message.contains("0xFF at byte offset \(lineTwo)") == true
        }
    }

    @Test("UTF-16 LE/BE with BOM, odd length (a lone last byte) or a high surrogate without its pair: the partial dropped")
    func utf16Cut() throws {
        for little in [true, false] {
            let bom: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let whole = bom + Self.utf16(Self.text, little: little)
            let high: [UInt8] = little ? [0x40, 0xD8] : [0xD8, 0x40]  // U+D840, the first half of 𠀀
            for tail in [[0x31], high, high + [0xDC]] as [[UInt8]] {
                let decoded = try TextDecoding.decode(whole + tail, droppingCutCharacter: true)
                #expect(decoded.text == Self.text)
                #expect(decoded.encoding == (little ? .utf16LittleEndian : .utf16BigEndian))
                #expect(decoded.cutCharacterOffset == whole.count)
                #expect(throws: TextDecodingError.self) { try TextDecoding.decode(whole + tail) }
            }
            #expect(try TextDecoding.decode(whole, droppingCutCharacter: true).cutCharacterOffset == nil)
        }
    }

    @Test("UTF-16 LE without BOM, odd length: recognised by its NUL bytes as before, the lone last byte dropped")
    func utf16WithoutBOMCut() throws {
        let whole = Self.utf16(Self.text, little: true)
        let decoded = try TextDecoding.decode(whole + [0x31], droppingCutCharacter: true)
        #expect(decoded.text == Self.text)
        #expect(decoded.encoding == .utf16LittleEndianWithoutBOM)
        #expect(decoded.cutCharacterOffset == whole.count)
    }

    @Test("UTF-8 and GB18030 text without a cut is never taken for UTF-16 or cut GB18030")
    func wholeTextUntouched() throws {
        // UTF-8 ending with a whole multi-byte character (whose bytes follow GB18030's lead/trail shape).
        let utf8 = try TextDecoding.decode(Array(Self.text.utf8), droppingCutCharacter: true)
        #expect(utf8.encoding == .utf8 && utf8.text == Self.text && utf8.cutCharacterOffset == nil)
        let gb = try TextDecoding.decode(try Self.gb(Self.text + "㐀"), droppingCutCharacter: true)
        #expect(gb.encoding == .gb18030 && gb.text == Self.text + "㐀" && gb.cutCharacterOffset == nil)
        // ASCII with one stray high byte at the end tells no encoding: refused as before, not read as GB18030.
        #expect(throws: TextDecodingError.self) { try TextDecoding.decode(Array("total 12.5\n".utf8) + [0xB3], droppingCutCharacter: true) }
    }
}
