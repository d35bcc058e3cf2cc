import ArgumentParser
import BudgetLensCore
import BudgetLensRules
import Foundation

/// `budgetlens rules`: the rules in force, with their text.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出生效的审核规则。List the rules in force: the built-in pack, plus --rules files, minus --skip.",
        discussion: """
            Examples:
              budgetlens rules
              budgetlens rules --rules my.rules --source
            """)

    @OptionGroup var rules: RuleOptions

    @Flag(help: "Print each rule's statements as written in its file.")
    var source = false

    func run() throws {
        let pack = try rules.pack()
        print("\(pack.name) — \(pack.rules.count) rules, tolerance \(pack.tolerance)")
        for rule in pack.rules {
            let first = Language.current == .en ? rule.textEnglish : rule.text
            print("\(rule.id.padding(toLength: max(7, rule.id.count), withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(first)")
            if Language.current == .both { print("                \(rule.textEnglish)") }
            if source {
                for line in rule.source.split(separator: "\n").dropFirst() { print("        \(line.drop { $0 == " " })") }
                print("        (\(rule.file):\(rule.line))")
            }
        }
    }
}
