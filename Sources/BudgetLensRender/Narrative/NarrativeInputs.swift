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

extension NarrativeInputs {
    /// The data-entry workbook's sheet of 年初预算 and 主要原因 (``XLSXTemplate``); BudgetLensReader leaves a sheet
    /// of this name out of the disclosure (`DisclosureReader.inputsSheetName`).
    public static let sheetName = "年初预算与主要原因"
    /// The head of the budgets block (column A).
    static let budgetsHead = "年初预算"
    /// The head of the reasons block (column A).
    static let reasonsHead = "主要原因"

    /// Reads the sheet ``sheetName`` as its cells are shown, row by row: below the head `年初预算` each row with a
    /// key (column A) and a value (column C) is a budget, below `主要原因` a reason; rows without a key or a
    /// value are skipped (the template's blank rows).
    ///
    /// - Throws: ``NarrativeInputsError`` naming the cell (`年初预算与主要原因!C6`) whose budget is not an amount in
    ///   万元.
    public init(sheet rows: [(row: Int, cells: [(column: Int, text: String)])], file: String) throws {
        var budgets: [String: Money] = [:]
        var reasons: [String: String] = [:]
        var block: String?
        for (row, cells) in rows {
            func text(_ column: Int) -> String {
                (cells.first { $0.column == column }?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let key = text(1)
            if key == Self.budgetsHead || key == Self.reasonsHead {
                block = key
                continue
            }
            let value = text(3)
            guard let block, !key.isEmpty, !value.isEmpty else { continue }
            if block == Self.budgetsHead {
                guard case .amount(let money) = Money.reading(value, unit: .wanYuan) else {
                    throw NarrativeInputsError(
                        file: file,
                        message: "\(Self.sheetName)!C\(row)：“\(value)”不是以万元计的金额 / is not an amount in 万元 (key \(key))")
                }
                budgets[key] = money
            } else {
                reasons[key] = value
            }
        }
        self.init(budgets: budgets, reasons: reasons)
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
