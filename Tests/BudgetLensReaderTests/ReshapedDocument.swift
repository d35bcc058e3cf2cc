import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation

/// What the reshaping tests compare a document rewritten into another shape (spreadsheet exports, merged cells,
/// labels on title lines) with its original: its lines to edit, its cells without their sources (which the
/// reshaping moves) and its findings.
enum ReshapedDocument {
    /// The lines of a corpus text (`../shared/corpus/NAME`), to edit.
    static func corpusLines(_ name: String = Seed.shanghaiFinance) throws -> [String] {
        try String(contentsOfFile: Seed.corpusPath(name), encoding: .utf8).components(separatedBy: "\n")
    }

    /// Each cell as `表号 code item 栏次 value`, in reading order.
    static func cells(_ disclosure: Disclosure) -> [String] {
        disclosure.tables.flatMap { table in
            table.rows.flatMap { row in
                row.cells.map { "\(table.id.formID) \(row.code ?? "-") \(row.item) \($0.column) \($0.value.map { "\($0)" } ?? "nil")" }
            }
        }
    }

    /// Each finding of the final-accounts pack as `rule severity message`, sorted.
    static func findings(_ disclosure: Disclosure) throws -> [String] {
        RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure).findings
            .map { "\($0.rule) \($0.severity) \($0.message)" }.sorted()
    }
}
