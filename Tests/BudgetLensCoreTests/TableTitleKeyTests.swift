import BudgetLensCore
import Testing

/// ``TableTitles/table(key:)`` gives what ``TableTitles/table(named:)`` gives for every slice of a line's key that
/// holds no ASCII quotation mark (a key is then its own key), the slices ``UnreadTables`` tries of a title line.
@Suite("A title told from its key")
struct TableTitleKeyTests {
    @Test("every slice of these lines' keys: the same table, or none, by key and by name")
    func sameAsByName() {
        let lines = [
            "2,995.39收入决算表", "七、财政拨款“三公”经费支出决算表", "上海市普陀区财政局2024年度收入支出决算总表",
            "收入支出决算总表 公开01表", "公开05表 一般公共预算财政拨款支出决算表", "九、国有资本经营预算财政拨款收入支出决算表",
            "收入支出决算总表(公开01表)", "- 三、支出决算表", "详见附表", "（一）ＡＢＣ支出决算表",
        ]
        var found = 0
        for line in lines {
            let key = TextNormalization.key(line)
            #expect(!key.utf8.contains(UInt8(ascii: "\"")) && !key.utf8.contains(UInt8(ascii: "'")))
            var start = key.startIndex
            while start < key.endIndex {
                let byKey = TableTitles.table(key: key[start...])
                #expect(byKey == TableTitles.table(named: key[start...]), "\(key[start...])")
                if byKey != nil { found += 1 }
                start = key.index(after: start)
            }
        }
        #expect(found >= 9)
    }

    @Test("a key with a quotation mark folded from a full-width one is not its own key: by name it is keyed again")
    func foldedQuotationMark() {
        let key = TextNormalization.key("收入＂决算表")
        #expect(key == "收入\"决算表")
        #expect(TableTitles.table(named: key) == .income)
        #expect(TableTitles.table(key: key) == nil)
    }
}
