import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// `pdftotext -layout` prose lines that start with a figure, printed above the line they follow (`LiftedFigureLines`).
@Suite("layout text: prose lines starting with a figure")
struct LiftedFigureLinesTests {
    /// A layout text: twenty table rows in columns (so that it is read as layout text), then `prose`.
    static func readable(_ prose: [String]) throws -> String {
        let table = (1...20).map { "行政运行\($0)          1,511.90      1,511.89          0.01" }
        let text = (table + [""] + prose + [""]).joined(separator: "\n")
        return try DisclosureReader.readableText(data: Data(text.utf8), file: "planted.txt")
    }

    /// Whether `first` comes before `second` in `text`.
    static func before(_ first: String, _ second: String, in text: String) -> Bool {
        guard let a = text.range(of: first), let b = text.range(of: second) else { return false }
        return a.lowerBound < b.lowerBound
    }

    static let lifted = "449.52万元。决算数小于预算数的主要原因：因个别项目评审费未能实施或未来得及"
    static let predecessor = "委托中介机构开展各类审计及绩效评价工作。年初预算为450.52万元，支出决算为"

    @Test("a figure line above a line ending inside its sentence, the two alone between blank lines: read after it")
    func fires() throws {
        let text = try Self.readable(["4、财政委托业务支出（项）。主要用于：", "", Self.lifted, Self.predecessor, "", "支付完毕，于明年重新申请。"])
        #expect(Self.before(Self.predecessor, Self.lifted, in: text))
        // A percentage with its punctuation (`15.16%；` over `…445.69万元，占`).
        let percent = try Self.readable(["", "15.16%；", "卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占", ""])
        #expect(Self.before("445.69万元，占", "15.16%；", in: percent))
    }

    @Test("silent: a paragraph's lines, a two-line paragraph ending on punctuation, an item number, a table row")
    func silent() throws {
        // No blank line above: the figure line continues the paragraph above it.
        let paragraph = try Self.readable(["年初预算为0.94万元，支出决算为", Self.lifted, Self.predecessor, ""])
        #expect(Self.before(Self.lifted, Self.predecessor, in: paragraph))
        // A paragraph that starts with a year and ends on `。`.
        let year = try Self.readable(["", "2024年度本部门面向中小企业预留政府采购项目预算金额", "246.00万元，均已执行完毕。", ""])
        #expect(Self.before("2024年度本部门", "246.00万元", in: year))
        let yearFirst = try Self.readable(["", "2024年度本部门面向中小企业预留政府采购项目预算金额246.00万元，", "均已执行完毕。", ""])
        #expect(Self.before("2024年度本部门", "均已执行完毕", in: yearFirst))
        // An item number, not a figure (the blank template: `1、XX（类）XX（款）XX（项）` over `。主要用`).
        let item = try Self.readable(["", "1、教育支出（类）普通教育（款）初中教育（项）", "。主要用", ""])
        #expect(Self.before("1、教育支出", "。主要用", in: item))
        // A line of columns is a table row, not prose.
        let row = try Self.readable(["", "449.52万元      450.52      未来得及", Self.predecessor, ""])
        #expect(Self.before("449.52万元", "委托中介机构", in: row))
    }

    @Test("the 财政局 2024 layout text: its six lifted lines read after the lines they follow")
    func financeLayoutText() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lifted-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-q", "-layout", Seed.corpusPath(Seed.financePDF), url.path]
        try process.run()
        process.waitUntilExit()
        let text = try DisclosureReader.readableText(path: url.path)
        for (line, lifted) in [
            ("占79.49%； 项目支出", "603.14万元，占20.51%；"), ("445.69万元，占", "15.16%；"),
            ("年初预算为450.52万元，支出决算为", "449.52万元。决算数小于"), ("在职人员的基本养老保险支出。年初预算为", "161.62万元，支出决算为160.75万元。"),
            ("编报绩效目标的2024年度项目4个，涉及预算金额", "598.42万元；绩效跟踪评价"), ("已经完成整改的0个，正在整改的", "0个）。"),
        ] {
            #expect(Self.before(line, lifted, in: text), "\(lifted)")
        }
    }
}
