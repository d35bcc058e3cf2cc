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
    /// Shanghai Putuo 社会工作部 2024 as `pdftotext -layout` text.
    public static let shanghaiSocialWorkLayout = "003-shanghai-putuo-shehuigongzuobu-2024-final-layout.txt"

    /// The published PDFs in `../shared/corpus/pdf`, by the text made from each (`nil`: no text).
    public static let shanghaiPDFs: [(pdf: String, text: String?)] = [
        ("pdf/上海市普陀区财政局2024年度部门决算.pdf", shanghaiFinance),
        ("pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", shanghaiPlanning),
        ("pdf/24年普陀区财政局（测试问题版本）.pdf", shanghaiTestVariant),
        ("pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf", shanghaiSocialWorkLayout),
        ("pdf/附件2：部门决算模板.pdf", nil),
    ]
    /// The 财政局 PDF (25 pages, ONLYOFFICE, fonts with broken metrics).
    public static let financePDF = "pdf/上海市普陀区财政局2024年度部门决算.pdf"
    /// The blank 上海 template with `XX` placeholders.
    public static let templatePDF = "pdf/附件2：部门决算模板.pdf"
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

extension FindingValue {
    /// A finding's expected or actual value as tests compare it: an amount as a plain decimal in `unit`, a
    /// word as it is; `-` for none.
    public static func text(_ value: FindingValue?, unit: MoneyUnit) -> String {
        switch value {
        case .amount(let money, _): money.decimalString(in: unit)
        case .text(let text): text
        case nil: "-"
        }
    }
}
