import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport

/// libFuzzer entry point: reads the input as a rule file, and when it parses, evaluates it on the synthetic
/// disclosure.
/// Any error must be a thrown `RuleFileError`; a trap, a crash, a hang or unbounded memory is a defect.
///
///     scripts/fuzz.sh rules 600     # build with -sanitize=fuzzer,address and run for 600 s
@_cdecl("LLVMFuzzerTestOneInput")
public func ruleFileFuzzerTestOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let text = String(decoding: bytes, as: UTF8.self)
    guard let pack = try? RulePack(text: text, file: "fuzz.rules") else { return 0 }
    _ = RuleEngine().evaluate(pack, on: FuzzDocument.disclosure)
    return 0
}

/// The consistent synthetic disclosure (all nine tables), read once.
enum FuzzDocument {
    static let disclosure = DisclosureReader.read(text: SyntheticDisclosure().text, file: "synthetic.txt")
}
