import BudgetLensCore
import Foundation
import Testing

/// A GB18030 file with a bad byte is refused naming the bad byte's offset, line and character column, as
/// GB18030 (it was reported as "invalid UTF-8 byte … at byte offset 0").
@Suite("GB18030 text with a bad byte: the byte located")
struct GB18030LocationTests {
    /// Seed 001 (a real disclosure text) in GB18030, converted by Foundation.
    static func seedInGB18030() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../shared/seeds/001_06590241d827de43.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return Array(try #require(text.data(using: TextDecoding.gb18030)))
    }

    @Test("a 0xFF planted between two characters in the middle: its offset, line and column, said to be GB18030")
    func plantedByte() throws {
        let bytes = try Self.seedInGB18030()
        // The middle, moved back to a character boundary (ASCII, or the start of a two-byte character).
        let text = try #require(String(data: Data(bytes), encoding: TextDecoding.gb18030))
        let characters = Array(text)
        let prefix = String(characters[..<(characters.count / 2)])
        let offset = try #require(prefix.data(using: TextDecoding.gb18030)).count
        var damaged = bytes
        damaged.insert(0xFF, at: offset)
        let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = prefix.count - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
        do {
            _ = try TextDecoding.decode(damaged)
            Issue.record("decoded a damaged GB18030 file")
        } catch let error as TextDecodingError {
            #expect(error.line == line && error.column == column, "\(error.line):\(error.column)")
            #expect(error.message.contains("byte offset \(offset) (line \(line), column \(column))"), "\(error.message)")
            #expect(error.message.contains("GB18030") && error.message.contains("0xFF") && !error.message.contains("UTF-8"))
        }
        // Undamaged, it decodes as GB18030.
        #expect(try TextDecoding.decode(bytes).encoding == .gb18030)
    }

    @Test("a trail byte made 0x7F (never a GB18030 trail): the lead byte's offset, line and column named with both bytes")
    func brokenPair() throws {
        var bytes = Array(try #require("收入支出决算表\n一、财政拨款收入\n二、事业收入\n".data(using: TextDecoding.gb18030)))
        // Line 2's second character (财, two bytes after `一、`): its trail byte made 0x7F, never a GB18030 trail.
        let lineStart = try #require(bytes.firstIndex(of: 0x0A)) + 1
        let lead = lineStart + 4
        bytes[lead + 1] = 0x7F
        #expect(throws: TextDecodingError.self) { try TextDecoding.decode(bytes) }
        do {
            _ = try TextDecoding.decode(bytes)
        } catch let error as TextDecodingError {
            #expect(error.line == 2 && error.column == 3, "\(error.line):\(error.column)")
            #expect(error.message.contains(String(format: "0x%02X 0x7F at byte offset \(lead)", bytes[lead])), "\(error.message)")
        }
    }

    @Test("UTF-8 text with a bad byte is still named as UTF-8")
    func utf8StaysUTF8() {
        var bytes = Array("收入支出决算表\n一、财政拨款收入\n".utf8)
        bytes.insert(0xFF, at: 9)
        do {
            _ = try TextDecoding.decode(bytes)
            Issue.record("decoded")
        } catch let error as TextDecodingError {
            #expect(error.message.contains("invalid UTF-8 byte 0xFF at byte offset 9"), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
