import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import Foundation

/// libFuzzer entry point: reads the input as a document (text, layout text or JSON export; a PDF is skipped, it
/// would run poppler) and checks it with the final-accounts rules. A reading error must be a thrown `ReadError`;
/// a trap, a crash, a hang or unbounded memory is a defect.
///
///     scripts/fuzz.sh documents 600     # build with -sanitize=fuzzer,address and run for 600 s
@_cdecl("LLVMFuzzerTestOneInput")
public func documentFuzzerTestOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if data.starts(with: Array("%PDF".utf8)) { return 0 }
    guard let disclosure = try? DisclosureReader.read(data: data, file: "fuzz.txt") else { return 0 }
    _ = RuleEngine().evaluate(FinalAccountsPack.pack, on: disclosure)
    return 0
}

/// The built-in final-accounts rules (embedded in the code), loaded once.
enum FinalAccountsPack {
    static let pack: RulePack = {
        do {
            return try BuiltInPacks.finalAccounts()
        } catch {
            fatalError("the built-in rules do not load: \(error)")
        }
    }()
}
