import BudgetLensCore
import Foundation

/// A batch of distinct synthetic disclosures for store tests and benchmarks: ``SyntheticDisclosure`` with the
/// unit renamed `测试N局` (N = index mod `units`) and the 部门概况 numbered, so every file has its own content
/// hash; every fifth has a planted defect (公开01 行27 本年收入合计 printed 671.00 instead of 670.00: rules 01-1,
/// 01-2, X-… fire).
public enum SyntheticBatch {
    /// The text of document `index`.
    public static func text(_ index: Int, units: Int = 50) -> String {
        // Both replacements at once over the base text cut at its `测试局`s (made once): the same text as
        // replacing the sentence, then every `测试局`, without scanning 13 KB twice per document.
        let unit = "测试\(index % max(1, units))局"
        let pieces = index % 5 == 4 ? plantedPieces : validPieces
        var text = ""
        text.reserveCapacity(pieces.count * 64 + pieces.map(\.utf8.count).reduce(0, +))
        for (number, piece) in pieces.enumerated() {
            if number > 0 { text += unit }
            if number > 0, piece.hasPrefix(duty) {
                text += "负责测试工作，编号\(index)。" + piece.dropFirst(duty.count)
            } else {
                text += piece
            }
        }
        return text
    }

    private static let duty = "负责测试工作。"
    private static let validPieces = SyntheticDisclosure().text.components(separatedBy: "测试局")
    private static let plantedPieces: [String] = {
        var synthetic = SyntheticDisclosure()
        synthetic.set(.incomeExpenditureSummary, row: "27", column: 1, to: "671.00")
        return synthetic.text.components(separatedBy: "测试局")
    }()

    /// ``text(_:units:)`` as the first rounds made it (two `replacingOccurrences`), for the test that the two agree.
    public static func referenceText(_ index: Int, units: Int = 50) -> String {
        var synthetic = SyntheticDisclosure()
        if index % 5 == 4 { synthetic.set(.incomeExpenditureSummary, row: "27", column: 1, to: "671.00") }
        return synthetic.text
            .replacingOccurrences(of: "测试局负责测试工作。", with: "测试局负责测试工作，编号\(index)。")
            .replacingOccurrences(of: "测试局", with: "测试\(index % max(1, units))局")
    }

    /// Writes documents `0..<count` to `folder` as `synthetic-00000.txt` …; returns their paths.
    public static func write(_ count: Int, to folder: URL, units: Int = 50) throws -> [String] {
        var paths: [String] = []
        for index in 0..<count {
            let url = folder.appendingPathComponent(String(format: "synthetic-%05d.txt", index))
            try Data(text(index, units: units).utf8).write(to: url)
            paths.append(url.path)
        }
        return paths
    }
}
