import BudgetLensCore
import Foundation

/// The JSON export of a disclosure (schema in docs/json-export.md) and its re-import.
public enum DisclosureJSON {
    /// The format name written in every export.
    public static let formatName = "budgetlens.disclosure"
    /// The schema version written in every export.
    public static let version = 1

    private struct Envelope: Codable {
        var format: String
        var version: Int
        var disclosure: Disclosure
    }

    /// The disclosure as pretty-printed JSON with sorted keys.
    public static func encode(_ disclosure: Disclosure) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Envelope(format: formatName, version: version, disclosure: disclosure))
    }

    /// Reads an export back.
    ///
    /// - Throws: ``ReadError`` with code `.badJSON` naming the path inside the JSON that is wrong: a missing or
    ///   mistyped key, or a structural error (``DisclosureJSONValidation``: a table twice, a 栏次 or 行次 out of
    ///   range, a cell whose value disagrees with its text).
    public static func decode(_ data: Data, file: String) throws -> Disclosure {
        let noLine = SourceLocation(file: file, line: 0, column: 0)
        do {
            let envelope = try JSONDecoder().decode(Envelope.self, from: data)
            guard envelope.format == formatName else {
                throw ReadError(
                    .badJSON, source: noLine, chinese: "$.format：JSON 格式“\(envelope.format)”不是 \(formatName)",
                    english: "JSON format '\(envelope.format)' is not \(formatName)")
            }
            guard envelope.version == version else {
                throw ReadError(
                    .badJSON, source: noLine,
                    chinese: "$.version：不支持 JSON 导出版本 \(envelope.version)（本程序读取版本 \(version)）",
                    english: "JSON export version \(envelope.version) is not supported (this build reads \(version))")
            }
            if let error = DisclosureJSONValidation.firstError(in: envelope.disclosure) {
                throw ReadError(
                    .badJSON, source: noLine, chinese: "不是有效的 BudgetLens 导出：\(error.chinese)",
                    english: "not a valid BudgetLens export: \(error.english)")
            }
            var disclosure = envelope.disclosure
            if disclosure.statements == nil { disclosure.statements = StatementReader.read(disclosure.narrative) }
            return disclosure
        } catch let error as ReadError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReadError(
                .badJSON, source: noLine,
                chinese: "不是 BudgetLens 导出：\(path(context.codingPath, top: "顶层")) 缺少“\(key.stringValue)”",
                english: "not a BudgetLens export: missing '\(key.stringValue)' at \(path(context.codingPath))")
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            guard let syntax = JSONSyntaxPosition.diagnose(data) else {
                throw ReadError(
                    .badJSON, source: noLine, chinese: "不是 BudgetLens 导出：\(context.debugDescription)",
                    english: "not a BudgetLens export: \(context.debugDescription)")
            }
            throw ReadError(
                .badJSON, source: SourceLocation(file: file, line: syntax.line, column: syntax.column),
                chinese: "不是有效的 JSON：\(syntax.chinese)", english: "not valid JSON: \(syntax.english)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw ReadError(
                .badJSON, source: noLine,
                chinese: "不是 BudgetLens 导出：\(path(context.codingPath, top: "顶层")) 的值类型或格式不对"
                    + "（\(context.debugDescription)）",
                english: "not a BudgetLens export: \(context.debugDescription) at \(path(context.codingPath))")
        } catch {
            throw ReadError(
                .badJSON, source: noLine, chinese: "不是有效的 JSON：\(error)", english: "not valid JSON: \(error)")
        }
    }

    private static func path(_ codingPath: [any CodingKey], top: String = "the top level") -> String {
        let path = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? top : "$" + path
    }
}
