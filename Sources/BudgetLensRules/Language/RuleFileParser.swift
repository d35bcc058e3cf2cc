import BudgetLensCore

/// Parses a rule file (grammar in docs/rule-language.md):
///
///     pack "部门决算 公开01–09"
///     tolerance 0.005 per term, max 0.05
///
///     rule 01-1 error "本年收入合计 = 一至八项收入之和" "Total income = income rows 1–8"
///         公开01[27, 1] = sum(公开01[1...8, 1])
///
/// Rule headers start in the first column; a rule's statements are the indented lines that follow it.
struct RuleFileParser {
    let file: String
    let text: String
    let catalog: CheckCatalog

    func parse() throws -> RulePack {
        var pack = RulePack(name: file)
        var current: Rule?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            guard line.utf8.count <= RuleLimits.maximumLineLength else {
                throw RuleFileError(
                    file: file, line: lineNumber, column: 1,
                    chinese: "行过长（\(line.utf8.count) 字节，上限 \(RuleLimits.maximumLineLength)）",
                    english: "the line is too long (\(line.utf8.count) bytes, at most \(RuleLimits.maximumLineLength))")
            }
            let lexer = RuleLexer(file: file, line: lineNumber)
            let tokens = try lexer.tokens(line)
            if tokens.count == 1 { continue }  // blank or comment
            let indented = line.first?.isWhitespace == true
            if !indented {
                if let rule = current { pack.rules.append(try finished(rule)) }
                current = nil
                var cursor = TokenCursor(tokens: tokens, file: file, line: lineNumber)
                let keyword = try cursor.word()
                switch keyword {
                case "pack":
                    pack.name = try cursor.string()
                    try cursor.expectEnd()
                case "tolerance":
                    pack.declaredTolerance = try tolerance(&cursor)
                case "rule":
                    current = try header(line, tokens: tokens, lineNumber: lineNumber)
                default:
                    throw cursor.error(
                        "应为 pack、tolerance 或 rule，而不是“\(keyword)”",
                        "expected 'pack', 'tolerance' or 'rule', found '\(keyword)'", at: tokens[0])
                }
                continue
            }
            guard var rule = current else {
                throw RuleFileError(
                    file: file, line: lineNumber, column: tokens[0].column,
                    chinese: "缩进的语句不在任何规则之下", english: "an indented statement outside any rule")
            }
            var cursor = TokenCursor(tokens: tokens, file: file, line: lineNumber)
            if case .word("tolerance") = tokens[0].kind {
                _ = try cursor.word()
                rule.tolerance = try tolerance(&cursor)
            } else {
                var statementParser = StatementParser(cursor: cursor, catalog: catalog)
                rule.statements.append(try statementParser.statement())
            }
            rule.source += "\n" + line
            current = rule
        }
        if let rule = current { pack.rules.append(try finished(rule)) }
        var seen: [String: Int] = [:]
        for rule in pack.rules {
            if let first = seen[rule.id] {
                throw RuleFileError(
                    file: file, line: rule.line, column: 6,
                    chinese: "规则 \(rule.id) 重复定义（首次在第 \(first) 行）",
                    english: "rule \(rule.id) is defined twice (first at line \(first))")
            }
            seen[rule.id] = rule.line
        }
        return pack
    }

    private func finished(_ rule: Rule) throws -> Rule {
        guard !rule.statements.isEmpty else {
            throw RuleFileError(
                file: file, line: rule.line, column: 1,
                chinese: "规则 \(rule.id) 没有语句：请在规则标题下缩进书写语句",
                english: "rule \(rule.id) has no statement: indent its statements under the header")
        }
        return rule
    }

    /// `rule 01-1 error "中文" "English"`: the id is the word after `rule`, up to the next space.
    private func header(_ line: Substring, tokens: [RuleToken], lineNumber: Int) throws -> Rule {
        let afterKeyword = line.drop { $0.isWhitespace }.dropFirst(4)
        let idText = afterKeyword.drop { $0.isWhitespace }.prefix { !$0.isWhitespace }
        let idColumn = line.distance(from: line.startIndex, to: idText.startIndex) + 1
        guard !idText.isEmpty,
            idText.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else {
            throw RuleFileError(
                file: file, line: lineNumber, column: idColumn,
                chinese: "rule 之后应为规则编号（如 01-1、X-12），而不是“\(idText)”",
                english: "expected a rule id such as 01-1 or X-12 after 'rule', found '\(idText)'")
        }
        // Skip the tokens of the id, then read severity and texts.
        let idEnd = idColumn + idText.count
        var cursor = TokenCursor(tokens: tokens.filter { $0.column >= idEnd || $0.kind == .end }, file: file, line: lineNumber)
        let severityToken = cursor.peek
        let severityWord = try cursor.word()
        guard let severity = Severity(rawValue: severityWord) else {
            throw cursor.error(
                "应为严重程度（error、warning 或 info），而不是“\(severityWord)”",
                "expected a severity (error, warning or info), found '\(severityWord)'", at: severityToken)
        }
        let text = try cursor.string()
        var english = text
        if case .string(let value) = cursor.peek.kind {
            english = value
            cursor.advance()
        }
        try cursor.expectEnd()
        return Rule(
            id: String(idText), severity: severity, text: text, textEnglish: english, tolerance: nil, statements: [],
            file: file, line: lineNumber, source: String(line))
    }

    /// `0.005 per term, max 0.05`, or `exact`.
    private func tolerance(_ cursor: inout TokenCursor) throws -> Tolerance {
        if case .word("exact") = cursor.peek.kind {
            cursor.advance()
            try cursor.expectEnd()
            return .exact
        }
        let perTerm = try cursor.decimal()
        try cursor.expectWord("per")
        try cursor.expectWord("term")
        var maximum = Int64.max / 4
        if cursor.peek.kind == .symbol(",") {
            cursor.advance()
            try cursor.expectWord("max")
            maximum = try cursor.decimal()
        }
        try cursor.expectEnd()
        return Tolerance(perTermMillionths: perTerm, maximumMillionths: maximum)
    }
}

/// Walks the tokens of one line.
struct TokenCursor {
    let tokens: [RuleToken]
    let file: String
    let line: Int
    var position = 0

    var peek: RuleToken { tokens[min(position, tokens.count - 1)] }

    mutating func advance() { position += 1 }

    func error(_ chinese: String, _ english: String, at token: RuleToken) -> RuleFileError {
        RuleFileError(file: file, line: line, column: token.column, chinese: chinese, english: english)
    }

    func describe(_ token: RuleToken) -> String {
        switch token.kind {
        case .word(let value): "'\(value)'"
        case .table(let table): "'\(table.formID)'"
        case .number(let value): "'\(value)'"
        case .string(let value): "\"\(value)\""
        case .symbol(let value): "'\(value)'"
        case .end: "the end of the line"
        }
    }

    /// The token as a Chinese message quotes it: `“公开1O”`, `行尾`.
    func chineseDescribe(_ token: RuleToken) -> String {
        switch token.kind {
        case .word(let value): "“\(value)”"
        case .table(let table): "“\(table.formID)”"
        case .number(let value): "“\(value)”"
        case .string(let value): "“\(value)”"
        case .symbol(let value): "“\(value)”"
        case .end: "行尾"
        }
    }

    mutating func word() throws -> String {
        guard case .word(let value) = peek.kind else { throw error("应为一个词，而不是\(chineseDescribe(peek))", "expected a word, found \(describe(peek))", at: peek) }
        advance()
        return value
    }

    mutating func expectWord(_ expected: String) throws {
        guard case .word(let value) = peek.kind, value == expected else {
            throw error("应为“\(expected)”，而不是\(chineseDescribe(peek))", "expected '\(expected)', found \(describe(peek))", at: peek)
        }
        advance()
    }

    mutating func string() throws -> String {
        guard case .string(let value) = peek.kind else {
            throw error(
                "应为带引号的文字，而不是\(chineseDescribe(peek))", "expected a quoted text, found \(describe(peek))", at: peek)
        }
        advance()
        return value
    }

    mutating func integer() throws -> Int {
        guard case .number(let value) = peek.kind, let number = Int(value) else {
            throw error("应为整数，而不是\(chineseDescribe(peek))", "expected a whole number, found \(describe(peek))", at: peek)
        }
        advance()
        return number
    }

    mutating func decimal() throws -> Int64 {
        if case .number(let value) = peek.kind,
            value.prefix(while: { $0 != "." }).drop(while: { $0 == "0" }).count > RuleLimits.maximumLiteralWholeDigits
        {
            throw error(
                "数值 \(value) 过大：整数部分最多 \(RuleLimits.maximumLiteralWholeDigits) 位",
                "the number \(value) is too large: at most \(RuleLimits.maximumLiteralWholeDigits) digits before the point",
                at: peek)
        }
        guard case .number(let value) = peek.kind, let number = RuleNumber.millionths(value) else {
            throw error(
                "应为数值（如 0.005），而不是\(chineseDescribe(peek))", "expected a number such as 0.005, found \(describe(peek))",
                at: peek)
        }
        advance()
        return number
    }

    mutating func expect(_ symbol: String) throws {
        guard peek.kind == .symbol(symbol) else {
            throw error("应为“\(symbol)”，而不是\(chineseDescribe(peek))", "expected '\(symbol)', found \(describe(peek))", at: peek)
        }
        advance()
    }

    mutating func accept(_ symbol: String) -> Bool {
        guard peek.kind == .symbol(symbol) else { return false }
        advance()
        return true
    }

    func expectEnd() throws {
        guard peek.kind == .end else { throw error("意外的\(chineseDescribe(peek))", "unexpected \(describe(peek))", at: peek) }
    }
}
