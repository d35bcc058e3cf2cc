import BudgetLensCore
import BudgetLensReader
import Foundation

/// Locates the shared real documents (`../shared/seeds`, `../shared/corpus`) beside the repository and the
/// repository's own examples, and reads them with the real reader.
public enum Seed {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository.
    public static let sharedRoot: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The path of a seed, e.g. `000_b3a610eb10aa3aee.txt`.
    public static func path(_ name: String) -> String {
        sharedRoot.appendingPathComponent("seeds").appendingPathComponent(name).path
    }

    /// The path of a corpus document, e.g. `001-shanghai-putuo-caizhengju-2024-final.txt` or `pdf/…`.
    public static func corpusPath(_ name: String) -> String {
        sharedRoot.appendingPathComponent("corpus").appendingPathComponent(name).path
    }

    /// Reads a seed with the real reader.
    public static func read(_ name: String) throws -> Disclosure {
        try DisclosureReader.read(path: path(name))
    }

    /// Reads a corpus document with the real reader.
    public static func readCorpus(_ name: String) throws -> Disclosure {
        try DisclosureReader.read(path: corpusPath(name))
    }

    /// Yantai 2022 (Shandong, 部门决算 + self-evaluations + evaluation report).
    public static let yantai = "000_b3a610eb10aa3aee.txt"
    /// Weihai 2023 (Shandong, 本级 单位决算, no 公开06).
    public static let weihai = "001_06590241d827de43.txt"
    /// Zengdu 2022 (Hubei, 汇总 部门决算).
    public static let zengdu = "002_e7a0a51ff37b077b.txt"
    /// Shanghai Putuo 财政局 2024 (tab-separated).
    public static let shanghaiFinance = "001-shanghai-putuo-caizhengju-2024-final.txt"
    /// Shanghai Putuo 规划和自然资源局 2024 (tab-separated, 4 member units).
    public static let shanghaiPlanning = "002-shanghai-putuo-guihuaziyuanju-2024-final.txt"
    /// Shanghai Putuo 财政局 2024 with planted defects.
    public static let shanghaiTestVariant = "004-shanghai-putuo-caizhengju-2024-final-TESTVARIANT.txt"
    /// Shanghai Putuo 商务委 2025 budget (not final accounts), amounts in 元.
    public static let shanghaiBudget = "008-shanghai-putuo-shangwuwei-2025-BUDGET-not-final.txt"
}

extension Disclosure {
    /// The row of `table` at standard 行次 `line`, for tests.
    public func row(_ table: TableID, line: Int) -> TableRow? {
        self.table(table)?.rows.first { $0.standardLine == line }
    }

    /// The row of `table` with classification code `code`, for tests.
    public func row(_ table: TableID, code: String) -> TableRow? {
        self.table(table)?.rows.first { $0.code == code }
    }

    /// The row of `table` labelled `item`, for tests.
    public func row(_ table: TableID, item: String) -> TableRow? {
        self.table(table)?.rows.first { $0.item == item }
    }
}

extension Money {
    /// An amount written as a decimal in 万元, for tests: `Money(wan: "958.90")`.
    public init(wan text: String) {
        guard case .amount(let money) = Money.reading(text, unit: .wanYuan) else {
            preconditionFailure("'\(text)' is not an amount")
        }
        self = money
    }
}
