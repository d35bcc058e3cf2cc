import BudgetLensCore
import Foundation

/// What the 情况说明 needs beyond the nine tables, from a JSON file the preparer keeps beside the data:
///
/// ```json
/// { "budgets": { "05": "589.65", "2080505": "40.55", "08": "1,000" },
///   "reasons": { "一": "厉行节约、压缩经费", "五.2101501": "人员减少" } }
/// ```
///
/// `budgets` are 年初预算 in 万元 by key (`05`/`07`/`08` for the totals, a 项 code for an item); `reasons` are the
/// 主要原因 by the keys ``NarrativeWriter/Reasons`` documents.
public struct NarrativeInputs: Sendable, Equatable {
    /// 年初预算 by key.
    public var budgets: [String: Money]
    /// 主要原因 by key.
    public var reasons: [String: String]

    /// Inputs with nothing beyond the tables.
    public init(budgets: [String: Money] = [:], reasons: [String: String] = [:]) {
        self.budgets = budgets
        self.reasons = reasons
    }

    /// Reads the JSON file's content.
    ///
    /// - Throws: ``NarrativeInputsError`` naming the file and the key whose value is not an amount in 万元, or
    ///   saying the JSON is not of this shape.
    public init(json data: Data, file: String) throws {
        struct Raw: Decodable {
            var budgets: [String: String]?
            var reasons: [String: String]?
        }
        let raw: Raw
        do {
            raw = try JSONDecoder().decode(Raw.self, from: data)
        } catch {
            throw NarrativeInputsError(
                file: file, message: "不是预算与原因文件（JSON：budgets、reasons）/ not a budgets-and-reasons JSON file: \(error)")
        }
        var budgets: [String: Money] = [:]
        for (key, text) in raw.budgets ?? [:] {
            guard case .amount(let money) = Money.reading(text, unit: .wanYuan) else {
                throw NarrativeInputsError(
                    file: file, message: "budgets.\(key)：“\(text)”不是以万元计的金额 / is not an amount in 万元")
            }
            budgets[key] = money
        }
        self.init(budgets: budgets, reasons: raw.reasons ?? [:])
    }
}

/// A budgets-and-reasons file that cannot be used.
public struct NarrativeInputsError: Error, CustomStringConvertible {
    /// The file.
    public var file: String
    /// What is wrong, in Chinese and English.
    public var message: String

    public var description: String { "\(file): \(message)" }
}
