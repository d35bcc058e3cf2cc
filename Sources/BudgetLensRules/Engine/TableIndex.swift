import BudgetLensCore

/// Lookups over one table's rows: by standard 行次, by code, by label, by code level, by parent code.
struct TableIndex {
    let table: PublicTable
    private var byLine: [Int: Int] = [:]
    private var byCode: [String: Int] = [:]
    private var byLabel: [String: Int] = [:]
    /// The code of each row: printed, or for the class rows of 公开01/04 the 类 its 行次 stands for.
    private(set) var codes: [String?] = []
    private var childrenByCode: [String: [Int]] = [:]
    private var rowsByLevel: [CodeLevel: [Int]] = [:]

    init(_ table: PublicTable) {
        self.table = table
        for (index, row) in table.rows.enumerated() {
            var code = row.code
            if table.id.shape == .sideBySide, let line = row.standardLine,
                let classCode = StandardRows.classCode(atLine: line, in: table.id)
            {
                code = classCode
            }
            codes.append(code)
            if let line = row.standardLine, byLine[line] == nil { byLine[line] = index }
            if let code, byCode[code] == nil { byCode[code] = index }
            if let code, let parent = ClassificationCode.parent(of: code) { childrenByCode[parent, default: []].append(index) }
            if let level = code.flatMap(ClassificationCode.level(of:)) { rowsByLevel[level, default: []].append(index) }
            let label = TextNormalization.key(row.item)
            if !label.isEmpty, byLabel[label] == nil { byLabel[label] = index }
        }
    }

    func row(line: Int) -> Int? { byLine[line] }
    func row(code: String) -> Int? { byCode[code] }
    func row(label: String) -> Int? { byLabel[TextNormalization.key(label)] }

    /// The rows whose code is at `level`, in table order.
    func rows(at level: CodeLevel) -> [Int] { rowsByLevel[level] ?? [] }

    /// The rows whose code's parent is `code`.
    func children(of code: String) -> [Int] { childrenByCode[code] ?? [] }

    /// The distinct codes of the table, in order (for 公开01/04 the 类 of its class rows).
    var distinctCodes: [String] {
        var seen = Set<String>()
        return codes.compactMap { $0 }.filter { seen.insert($0).inserted }
    }
}
