import BudgetLensCore
import Foundation

/// Reads a rule or scheme file as the documents are read: UTF-8 (with or without BOM), UTF-16 with BOM or
/// GB18030, any line endings (``TextDecoding``).
public enum TextFile {
    /// Largest rule or scheme file accepted: 16 MiB (the built-in pack is a few KB).
    public static let maximumSize = 16 << 20

    /// The text of the file at `path`, line terminators made `\n`.
    ///
    /// - Parameter kind: What the file is, for messages (`rule file`, `scheme file`); its Chinese name is
    ///   ``chineseName(of:)``.
    /// - Throws: ``RuleFileError`` naming the file (and line and column of a bad byte): missing, too large,
    ///   binary, or not text in a supported encoding.
    public static func read(_ path: String, kind: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RuleFileError(
                file: path, line: 0, column: 0, chinese: "无法读取\(chineseName(of: kind))（不存在、无权限或是目录）",
                english: "cannot read the \(kind)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw RuleFileError(
                file: path, line: 0, column: 0, chinese: "无法读取\(chineseName(of: kind))（不存在、无权限或是目录）",
                english: "cannot read the \(kind)")
        }
        guard data.count <= maximumSize else {
            throw RuleFileError(
                file: path, line: 0, column: 0,
                chinese: "\(chineseName(of: kind))超过 \(maximumSize >> 20) MiB（至少 \(data.count) 字节）",
                english: "the \(kind) is larger than \(maximumSize >> 20) MiB")
        }
        do {
            return try TextDecoding.decode([UInt8](data)).text
        } catch let error as TextDecodingError {
            throw RuleFileError(
                file: path, line: error.line, column: error.column,
                chinese: "\(chineseName(of: kind))不是可读的文本：\(error.message)", english: "the \(kind): \(error.message)")
        }
    }

    /// 规则文件, 评分方案文件, or `kind` itself.
    static func chineseName(of kind: String) -> String {
        switch kind {
        case "rule file": "规则文件"
        case "scheme file": "评分方案文件"
        default: kind
        }
    }
}
