import BudgetLensCore
import BudgetLensReader
@testable import BudgetLensRules
import BudgetLensTestSupport
import Testing

@Suite struct DebugOrdinals {
    @Test func dump() throws {
        for name in [Seed.yantai, Seed.weihai, Seed.zengdu] {
            let d = try Seed.read(name)
            for block in DocumentProse(d).templateBlocks {
                print("== \(name) \(String(describing: block.role))")
                print(NumberingCheck.ordinals(in: block).map { "\($0.span.source.line):\($0.printed)" }.joined(separator: " "))
            }
        }
        for name in [Seed.shanghaiFinance, Seed.shanghaiPlanning, Seed.shanghaiSocialWorkLayout, Seed.shanghaiTestVariant, "field/shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt"] {
            let d = try Seed.readCorpus(name)
            for block in DocumentProse(d).templateBlocks {
                print("== \(name) \(String(describing: block.role))")
                print(NumberingCheck.ordinals(in: block).map { "\($0.span.source.line):\($0.printed)" }.joined(separator: " "))
            }
        }
    }
}
