import BudgetLensCore
import Foundation

/// Where a JSON text stops being JSON: `JSONDecoder` on Linux says only "The given data was not valid JSON.", so
/// the text is parsed once more with `JSONSerialization`, whose message gives the byte offset ("around character
/// 20") or says the text ended early (placed after its last character that is not white space); the offset
/// becomes a line and column (columns count characters, from 1).
enum JSONSyntaxPosition {
    /// A syntax error's place and what it is, in Chinese and English; nil when the text is valid JSON.
    struct Diagnosis: Equatable {
        var line: Int
        var column: Int
        var chinese: String
        var english: String
    }

    static func diagnose(_ data: Data) -> Diagnosis? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            if detail.contains("end of file") || detail.contains("Unexpected end") {
                // Just after the last character that is not white space (`[1,2` and a newline ends on line 1).
                let end = (data.lastIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }).map { $0 + 1 } ?? data.startIndex
                let (line, column) = position(ofByte: end - data.startIndex, in: data)
                return Diagnosis(
                    line: line, column: column, chinese: "JSON 在此处意外结束（文件被截断？）",
                    english: "the JSON ends here unexpectedly (a truncated file?)")
            }
            let offset = byteOffset(in: detail).map { min($0, data.count) }
            let (line, column) = offset.map { position(ofByte: $0, in: data) } ?? (0, 0)
            return Diagnosis(line: line, column: column, chinese: "JSON 语法错误（\(detail)）", english: "JSON syntax error: \(detail)")
        }
    }

    /// The number after "character" in Foundation's message, a byte offset from 0.
    private static func byteOffset(in message: String) -> Int? {
        guard let range = message.range(of: "character ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }

    /// Line and column (both from 1) of the byte at `offset`; a column counts the characters before it on its line.
    private static func position(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        let prefix = data.prefix(offset)
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? prefix.startIndex
        let column = String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }
}
