import BudgetLensEvaluation
import BudgetLensRules
import BudgetLensScoring
import BudgetLensStore
import Foundation

/// `budgetlens report --failing RULE [--limit N] [--offset M]`: one page of the documents failing a rule
/// (``DisclosureStore/documents(failing:limit:offset:)``, docs/store4.md).
extension ReportCommand {
    func runFailing(rule: String) throws {
        if unit != nil || year != nil {
            throw CommandFailure(place: "", chinese: "--failing 不能与 --unit、--year 同用", english: "--failing does not take --unit or --year")
        }
        if format == .html || format == .xlsx {
            throw CommandFailure(place: "", chinese: "--failing 只输出 text 或 json", english: "--failing prints text or json only")
        }
        let limit = limit ?? 100
        let offset = offset ?? 0
        do {
            try FailingRulePage.validate(limit: limit, offset: offset)
        } catch let error as StoreError {
            throw CommandFailure(error)
        }
        let storeOptions = store
        let page = try awaitStore {
            try await storeOptions.openExisting().documents(failing: rule, limit: limit, offset: offset)
        }
        // A rule no document fails may be a typo: unless it is one of the built-in rules, say there is no such rule.
        if page.total == 0 {
            let known = try Self.knownRuleIDs()
            if !known.contains(rule) {
                let close = RulePack.closest(to: rule, among: known)
                throw CommandFailure(
                    place: "",
                    chinese: "--failing “\(rule)”：没有这条规则（库中也没有它的发现；规则编号须完整写出，不接受通配符）；"
                        + "相近的规则：\(close.joined(separator: "、"))（`budgetlens rules` 列出全部）",
                    english: "--failing '\(rule)': no such rule (and no stored finding of it; give a whole rule id, no "
                        + "wildcards); close rule ids: \(close.joined(separator: ", ")) (`budgetlens rules` lists them all)")
            }
        }
        let bytes: Data
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase  // as the rest of the JSON (content_hash, pack_version)
            bytes = try encoder.encode(page) + Data("\n".utf8)
        } else {
            bytes = Data((Self.text(page) + "\n").utf8)
        }
        if let output { try AtomicFile.write(bytes, to: output) } else { try writeOutput(bytes) }
    }

    /// The ids of the rules a store's findings come from: the final-accounts pack, `--previous`'s Y-*, the annexed
    /// report's N-EVAL-* and the performance pack.
    static func knownRuleIDs() throws -> [String] {
        do {
            return try BuiltInPacks.finalAccounts().rules.map(\.id) + YearOverYear.ruleIDs + DocumentChain.ruleIDs
                + NarrativeChecks.ruleIDs.sorted()
                + ScoringChecks.performancePack(schemes: SchemeSet.builtIn()).rules.map(\.id)
        } catch let error as RuleFileError {
            throw CommandFailure(error)
        }
    }

    /// The page as text: a line with the total and the positions shown, then one line per document.
    static func text(_ page: FailingRulePage) -> String {
        var lines: [String] = []
        if let shown = page.shown {
            lines.append(
                "规则 \(page.rule)：共 \(page.total) 份，显示 \(shown.lowerBound)–\(shown.upperBound)"
                    + " (rule \(page.rule): \(page.total) documents fail, showing \(shown.lowerBound)–\(shown.upperBound))")
        } else {
            lines.append(
                "规则 \(page.rule)：共 \(page.total) 份，本页无文档（--offset \(page.offset)）"
                    + " (rule \(page.rule): \(page.total) documents fail, none on this page)")
        }
        if !page.documents.isEmpty {
            lines.append("文档 document\t单位 unit\t年度 year\t文件 file")
            for document in page.documents {
                lines.append(
                    "#\(document.id)\t\(document.unit ?? "-")\t\(document.year.map(String.init) ?? "-")\t\(document.file)")
            }
        }
        if let shown = page.shown, shown.upperBound < page.total {
            lines.append("下一页 next page: --offset \(shown.upperBound)")
        }
        return lines.joined(separator: "\n")
    }
}
