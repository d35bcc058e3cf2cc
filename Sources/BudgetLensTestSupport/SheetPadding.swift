import Foundation

/// Texts as a spreadsheet saves them: every line padded with tabs to the widest line's field count (a whole
/// document kept in one sheet, saved as text).
public enum SheetPadding {
    /// `text` with each line padded with tabs to the field count of its widest line.
    public static func padded(_ text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        let fieldCounts = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count }
        let width = fieldCounts.max() ?? 1
        return zip(lines, fieldCounts).map { $0 + String(repeating: "\t", count: width - $1) }.joined(separator: "\n")
    }
}
