import BudgetLensCore

/// Parses one statement line: `[for each … :] [when … :] assertion | check name(args)`.
struct StatementParser {
    var cursor: TokenCursor
    /// The named checks statements may use.
    let catalog: CheckCatalog
    /// Variables bound so far, and what they range over.
    private var scope: [String: BindingKind] = [:]
    /// Terms read so far in this statement (``RuleLimits/maximumTerms``).
    private var terms = 0
    /// The current nesting of brackets and signs (``RuleLimits/maximumDepth``).
    private var depth = 0

    init(cursor: TokenCursor, catalog: CheckCatalog) {
        self.cursor = cursor
        self.catalog = catalog
    }

    /// The columns each table has, for checking references (Shanghai's 公开08 has six).
    static let columnCounts: [TableID: Int] = [
        .incomeExpenditureSummary: 2, .income: 7, .expenditure: 6, .appropriationSummary: 5,
        .generalBudgetExpenditure: 3, .generalBudgetBasicExpenditure: 1, .governmentFund: 6, .stateCapital: 6,
        .threePublicExpenses: 12,
    ]

    mutating func statement() throws -> RuleStatement {
        let line = cursor.line
        var bindings: [Binding] = []
        var condition: Condition?
        while true {
            if case .word("for") = cursor.peek.kind {
                cursor.advance()
                repeat {
                    try cursor.expectWord("each")
                    let token = cursor.peek
                    bindings.append(try binding())
                    try checkBindings(bindings, at: token)
                } while cursor.accept(",")
                try cursor.expect(":")
            } else if case .word("when") = cursor.peek.kind {
                cursor.advance()
                let parsed = try parseCondition()
                condition = condition.map { .and($0, parsed) } ?? parsed
                try cursor.expect(":")
            } else {
                break
            }
        }
        let body: StatementBody
        if case .word("check") = cursor.peek.kind {
            cursor.advance()
            body = try check()
        } else {
            body = .assertion(try comparison())
        }
        try cursor.expectEnd()
        let assignments = bindings.reduce(1) { product, binding in
            if case .numbers(let numbers) = binding.domain { return product * numbers.count }
            return product
        }
        guard terms * assignments <= RuleLimits.maximumWork else {
            throw cursor.error(
                "语句工作量过大：\(terms) 项 × \(assignments) 组取值超过 \(RuleLimits.maximumWork)",
                "too much work in one statement: \(terms) terms × \(assignments) assignments exceed \(RuleLimits.maximumWork)",
                at: cursor.tokens[0])
        }
        return RuleStatement(bindings: bindings, condition: condition, body: body, line: line)
    }

    /// At most ``RuleLimits/maximumBindings`` quantifiers, one of them over a table's rows or codes, and at most
    /// ``RuleLimits/maximumNumberAssignments`` assignments of the number-valued ones: evaluation stays linear in
    /// the document.
    private func checkBindings(_ bindings: [Binding], at token: RuleToken) throws {
        guard bindings.count <= RuleLimits.maximumBindings else {
            throw cursor.error(
                "量词过多：一条语句有 \(bindings.count) 个，最多 \(RuleLimits.maximumBindings) 个",
                "too many quantifiers: \(bindings.count), at most \(RuleLimits.maximumBindings) in one statement", at: token)
        }
        let overTables = bindings.filter { if case .tables = $0.domain { true } else { false } }
        guard overTables.count <= 1 else {
            throw cursor.error(
                "一条语句只能有一个量词遍历表格的行或科目",
                "only one quantifier of a statement may range over a table's rows or codes (two would take time "
                    + "quadratic in the table)", at: token)
        }
        var assignments = 1
        for binding in bindings {
            guard case .numbers(let numbers) = binding.domain else { continue }
            assignments *= numbers.count
            guard assignments <= RuleLimits.maximumNumberAssignments else {
                throw cursor.error(
                    "量词取值组合过多：超过 \(RuleLimits.maximumNumberAssignments) 组",
                    "the quantifiers take more than \(RuleLimits.maximumNumberAssignments) combinations of values",
                    at: token)
            }
        }
    }

    /// Counts one term; throws past ``RuleLimits/maximumTerms``.
    private mutating func countTerm(at token: RuleToken) throws {
        terms += 1
        guard terms <= RuleLimits.maximumTerms else {
            throw cursor.error(
                "表达式过长：一条语句最多 \(RuleLimits.maximumTerms) 项",
                "expression too long: at most \(RuleLimits.maximumTerms) terms in one statement", at: token)
        }
    }

    /// Enters one level of brackets or signs; throws past ``RuleLimits/maximumDepth``.
    private mutating func enter(at token: RuleToken) throws {
        depth += 1
        guard depth <= RuleLimits.maximumDepth else {
            throw cursor.error(
                "括号或符号嵌套超过 \(RuleLimits.maximumDepth) 层",
                "brackets or signs nested deeper than \(RuleLimits.maximumDepth) levels", at: token)
        }
    }

    private mutating func binding() throws -> Binding {
        let kindToken = cursor.peek
        let kindWord = try cursor.word()
        guard let kind = BindingKind(rawValue: kindWord) else {
            throw cursor.error(
                "each 之后应为 row、code、类、款、项、parent、column 或 line，而不是“\(kindWord)”",
                "expected row, code, 类, 款, 项, parent, column or line after 'each', found '\(kindWord)'",
                at: kindToken)
        }
        let variableToken = cursor.peek
        let variable = try cursor.word()
        guard variable.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw cursor.error(
                "变量名应为简短的拉丁字母（如 r、k、c），而不是“\(variable)”",
                "a variable is a short latin name such as r, k or c, not '\(variable)'", at: variableToken)
        }
        guard scope[variable] == nil else { throw cursor.error("变量“\(variable)”已被绑定", "'\(variable)' is already bound", at: variableToken) }
        try cursor.expectWord("in")
        let domain: Domain
        switch kind {
        case .column, .line:
            if case .table(let table) = cursor.peek.kind, kind == .column {
                cursor.advance()
                domain = .numbers(Array(1...(StatementParser.columnCounts[table] ?? 1)))
            } else {
                let limit = kind == .line ? RuleLimits.maximumLine : RuleLimits.maximumColumn
                domain = .numbers(try numberList(upTo: limit, kind == .line ? "行次" : "栏次"))
            }
        default:
            domain = .tables(try tableList())
        }
        scope[variable] = kind
        return Binding(kind: kind, variable: variable, domain: domain)
    }

    /// `公开03` or `{公开03, 公开05}`.
    private mutating func tableList() throws -> [TableID] {
        func table() throws -> TableID {
            guard case .table(let id) = cursor.peek.kind else {
                throw cursor.error(
                    "应为表（如 公开03），而不是\(cursor.chineseDescribe(cursor.peek))", "expected a table such as 公开03, found \(cursor.describe(cursor.peek))",
                    at: cursor.peek)
            }
            cursor.advance()
            return id
        }
        guard cursor.accept("{") else { return [try table()] }
        var tables = [try table()]
        while cursor.accept(",") { tables.append(try table()) }
        try cursor.expect("}")
        return tables
    }

    /// `1...7` or `{9...26, 30}`, each number within 1...`limit` (the tables' extent), checked before any
    /// range is made into numbers.
    private mutating func numberList(upTo limit: Int, _ name: String) throws -> [Int] {
        func item() throws -> [Int] {
            let lowToken = cursor.peek
            let low = try cursor.integer()
            try within(low, at: lowToken)
            guard cursor.accept("...") else { return [low] }
            let highToken = cursor.peek
            let high = try cursor.integer()
            guard high >= low else {
                throw cursor.error(
                    "范围应由小到大：\(low)...\(high)", "a range runs upwards: \(low)...\(high)", at: highToken)
            }
            try within(high, at: highToken)
            return Array(low...high)
        }
        func within(_ number: Int, at token: RuleToken) throws {
            guard (1...limit).contains(number) else {
                throw cursor.error(
                    "\(name) \(number) 超出表格范围 1–\(limit)", "\(name) \(number) is outside the tables' extent 1–\(limit)",
                    at: token)
            }
        }
        guard cursor.accept("{") else { return try item() }
        var numbers = try item()
        while cursor.accept(",") {
            try countTerm(at: cursor.peek)
            numbers += try item()
        }
        try cursor.expect("}")
        return numbers
    }

    private mutating func check() throws -> StatementBody {
        let name = try cursor.word()
        var arguments: [CheckArgument] = []
        if cursor.accept("(") {
            if !cursor.accept(")") {
                repeat {
                    switch cursor.peek.kind {
                    case .table(let table): arguments.append(.table(table))
                    case .number(let value), .word(let value): arguments.append(.word(value))
                    default:
                        throw cursor.error(
                            "应为表或科目编码，而不是\(cursor.chineseDescribe(cursor.peek))", "expected a table or a code, found \(cursor.describe(cursor.peek))",
                            at: cursor.peek)
                    }
                    cursor.advance()
                } while cursor.accept(",")
                try cursor.expect(")")
            }
        }
        guard catalog.checks[name] != nil else {
            throw cursor.error(
                "未知的检查“\(name)”；可用的检查：\(catalog.names.joined(separator: "、"))",
                "unknown check '\(name)'; the checks are: \(catalog.names.joined(separator: ", "))",
                at: cursor.tokens[max(0, cursor.position - 1)])
        }
        return .check(name: name, arguments: arguments)
    }

    private mutating func parseCondition() throws -> Condition {
        var left = try conjunction()
        while case .word("or") = cursor.peek.kind {
            cursor.advance()
            left = .or(left, try conjunction())
        }
        return left
    }

    private mutating func conjunction() throws -> Condition {
        try countTerm(at: cursor.peek)
        var left = Condition.comparison(try comparison())
        while case .word("and") = cursor.peek.kind {
            cursor.advance()
            try countTerm(at: cursor.peek)
            left = .and(left, .comparison(try comparison()))
        }
        return left
    }

    private mutating func comparison() throws -> Comparison {
        let lhs = try expression()
        let relationToken = cursor.peek
        let relation: Relation
        switch relationToken.kind {
        case .symbol("="): relation = .equal
        case .symbol("<="): relation = .lessOrEqual
        case .symbol(">="): relation = .greaterOrEqual
        default:
            throw cursor.error(
                "应为 =、<= 或 >=，而不是\(cursor.chineseDescribe(relationToken))",
                "expected '=', '<=' or '>=', found \(cursor.describe(relationToken))", at: relationToken)
        }
        cursor.advance()
        return Comparison(lhs: lhs, relation: relation, rhs: try expression())
    }

    private mutating func expression() throws -> Expression {
        var result = try term()
        while true {
            if case .symbol(let symbol) = cursor.peek.kind, symbol == "+" || symbol == "-" {
                try countTerm(at: cursor.peek)
            }
            if cursor.accept("+") {
                result = .add(result, try term())
            } else if cursor.accept("-") {
                result = .subtract(result, try term())
            } else {
                return result
            }
        }
    }

    private mutating func term() throws -> Expression {
        let token = cursor.peek
        try countTerm(at: token)
        if cursor.accept("-") {
            try enter(at: token)
            defer { depth -= 1 }
            return .negate(try term())
        }
        switch token.kind {
        case .number:
            return .number(try cursor.decimal())
        case .table:
            return .cells(try selection())
        case .word("sum"):
            cursor.advance()
            try cursor.expect("(")
            var selections = [try selection()]
            while cursor.accept(",") {
                try countTerm(at: cursor.peek)
                selections.append(try selection())
            }
            try cursor.expect(")")
            return .sum(selections)
        case .symbol("("):
            cursor.advance()
            try enter(at: token)
            defer { depth -= 1 }
            let inner = try expression()
            try cursor.expect(")")
            return inner
        default:
            throw cursor.error(
                "应为单元格（如 公开01[27, 1]）、数值或 sum(…)，而不是\(cursor.chineseDescribe(token))",
                "expected a cell such as 公开01[27, 1], a number or sum(…), found \(cursor.describe(token))", at: token)
        }
    }

    private mutating func selection() throws -> CellSelection {
        let start = cursor.position
        guard case .table(let table) = cursor.peek.kind else {
            throw cursor.error(
                "应为表（如 公开02），而不是\(cursor.chineseDescribe(cursor.peek))", "expected a table such as 公开02, found \(cursor.describe(cursor.peek))", at: cursor.peek)
        }
        cursor.advance()
        try cursor.expect("[")
        let rows: RowSelector
        let columns: ColumnSelector
        if table.shape == .singleRow {
            rows = .only
            columns = try columnSelector(table)
        } else {
            rows = try rowSelector(table)
            try cursor.expect(",")
            columns = try columnSelector(table)
        }
        try cursor.expect("]")
        let text = cursor.tokens[start..<cursor.position].map(Self.spelling).joined()
        return CellSelection(table: table, rows: rows, columns: columns, text: text)
    }

    private static func spelling(_ token: RuleToken) -> String {
        switch token.kind {
        case .word(let value), .number(let value): value
        case .table(let table): table.formID
        case .string(let value): "\"\(value)\""
        case .symbol(","): ", "
        case .symbol(let value): value
        case .end: ""
        }
    }

    private mutating func rowSelector(_ table: TableID) throws -> RowSelector {
        if cursor.accept("{") {
            var items = [try rowAtom(table)]
            while cursor.accept(",") {
                try countTerm(at: cursor.peek)
                items.append(try rowAtom(table))
            }
            try cursor.expect("}")
            return .list(items)
        }
        return try rowAtom(table)
    }

    private mutating func rowAtom(_ table: TableID) throws -> RowSelector {
        let token = cursor.peek
        switch token.kind {
        case .number(let value):
            cursor.advance()
            if cursor.accept("...") {
                guard table.shape == .sideBySide else {
                    throw cursor.error(
                        "行次范围只适用于 公开01 和 公开04；\(table.formID) 的行是科目编码",
                        "a range of 行次 applies to 公开01 and 公开04; \(table.formID) rows are codes", at: token)
                }
                guard let low = Int(value) else {
                    throw cursor.error(
                        "范围只能用整数，而不是“\(value)”", "a range takes whole numbers, not '\(value)'", at: token)
                }
                let highToken = cursor.peek
                let high = try cursor.integer()
                guard high >= low else {
                    throw cursor.error(
                        "范围应由小到大：\(low)...\(high)", "a range runs upwards: \(low)...\(high)", at: highToken)
                }
                let last = RuleLimits.lastLine(of: table) ?? RuleLimits.maximumLine
                guard low >= 1, high <= last else {
                    throw cursor.error(
                        "行次范围 \(low)...\(high) 超出\(table.formID)的行次 1–\(last)",
                        "the range \(low)...\(high) is outside the 行次 of \(table.formID), 1–\(last)",
                        at: low < 1 ? token : highToken)
                }
                return .lineRange(low...high)
            }
            return .number(value)
        case .word("children"):
            cursor.advance()
            try cursor.expect("(")
            let variableToken = cursor.peek
            let variable = try cursor.word()
            guard scope[variable] != nil else {
                throw cursor.error("未知的变量“\(variable)”", "unknown variable '\(variable)'", at: variableToken)
            }
            try cursor.expect(")")
            return .children(of: variable)
        case .word("类"): cursor.advance(); return .level(.category)
        case .word("款"): cursor.advance(); return .level(.section)
        case .word("项"): cursor.advance(); return .level(.item)
        case .word(let value):
            cursor.advance()
            if let kind = scope[value] {
                guard kind != .column else {
                    throw cursor.error(
                        "“\(value)”是栏次变量，却用作行", "'\(value)' is a column variable, used as a row", at: token)
                }
                return .variable(value)
            }
            if value.allSatisfy({ $0.isASCII }) {
                throw cursor.error("未知的变量“\(value)”", "unknown variable '\(value)'", at: token)
            }
            return .label(value)
        default:
            throw cursor.error(
                "应为行：行次、科目编码、项目名称、变量或 {…}，而不是\(cursor.chineseDescribe(token))",
                "expected a row: 行次, code, label, variable or {…}, found \(cursor.describe(token))", at: token)
        }
    }

    private mutating func columnSelector(_ table: TableID) throws -> ColumnSelector {
        let token = cursor.peek
        let count = StatementParser.columnCounts[table] ?? 1
        func checked(_ number: Int) throws -> Int {
            guard (1...count).contains(number) else {
                throw cursor.error(
                    "\(table.formID) 的栏次为 1–\(count)，没有栏次 \(number)",
                    "\(table.formID) has columns 1–\(count); there is no column \(number)", at: token)
            }
            return number
        }
        switch token.kind {
        case .number:
            let low = try checked(try cursor.integer())
            if cursor.accept("...") { return .range(low...(try checked(try cursor.integer()))) }
            return .number(low)
        case .word(let value):
            cursor.advance()
            guard scope[value] == .column else {
                throw cursor.error(
                    "应为栏次或栏次变量，而不是“\(value)”",
                    "expected a column number or a column variable, found '\(value)'", at: token)
            }
            return .variable(value)
        default:
            throw cursor.error(
                "应为栏次，而不是\(cursor.chineseDescribe(token))", "expected a column (栏次), found \(cursor.describe(token))",
                at: token)
        }
    }
}
