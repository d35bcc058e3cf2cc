@testable import BudgetLensReader
import Testing

/// ``UnreadTables/statesNotPublished(_:after:)``: the document's own statement under a title that it does not
/// publish the table.
@Suite("A title followed by the statement that the table is not published")
struct NotPublishedStatementTests {
    /// (pdfplumber extracts `本⽂档` with a Kangxi radical; the page-text reader folds it before: PlaceholderPageTests.)
    @Test("render's placeholder: not table content")
    func placeholder() {
        for statement in ["本文档未公开此表（原文档中未找到公开06表）。", "  本文档未公开此表。"] {
            let lines: [Substring] = ["一般公共预算财政拨款基本支出决算明细表", "公开06表", Substring(statement), "政府性基金预算财政拨款收入支出决算表"]
            #expect(UnreadTables.statesNotPublished(lines, after: 0))
            #expect(!UnreadTables.startsTableContent(lines, after: 0))
        }
    }

    @Test("a title with its header and rows: table content")
    func table() {
        let lines: [Substring] = ["一般公共预算财政拨款基本支出决算明细表", "公开06表", "单位：万元", "301 工资福利支出 1.00 2.00"]
        #expect(!UnreadTables.statesNotPublished(lines, after: 0))
        #expect(UnreadTables.startsTableContent(lines, after: 0))
    }
}
