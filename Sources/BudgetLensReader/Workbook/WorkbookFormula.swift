import BudgetLensCore

/// Computes the formulas a sheet stores without a cached value — openpyxl, and any program that writes formulas
/// without calculating, leaves `<c><f>SUM(C8:C40)</f></c>` with no `<v>` — so a total of a BudgetLens data-entry
/// workbook (`budgetlens template`) that the preparer filled with such a program reads as its sum, not as a
/// blank (docs/render-template.md). A cell with a cached value is always read as cached; this is only the
/// fallback.
///
/// The grammar is the one the template writes, nothing more: numbers, cell references (`C8`, `$C$8`), ranges
/// inside functions (`C8:C40`), `+`, `-`, `*`, `/` (each step rounded half away from zero to a millionth, where
/// Excel keeps binary doubles: `-C8/3*3` is −50.000001 here, −50 there, both −50.00 under `0.00`; ÷ 0 not computed),
/// unary minus, parentheses, `SUM(…)`, `SUMIF(range,"???",sum_range)`
/// whose criterion is text with `?` (one character) and `*` (any) wildcards, `COUNT(ranges)` and `IF(a=b,x,y)`
/// (`""` as x or y is blank). Arithmetic is exact, in millionths
/// (``FixedDecimal``), overflow-checked. A formula whose every referenced cell is blank is blank (the template's
/// empty rows stay empty). Anything else — another function, a reference to another sheet, a cycle, more than 64
/// levels of formulas referring to formulas, a range over more than 1,000,000 cells, text where a number is
/// needed — is ``Outcome/unsupported`` and the reader shows the cell as `=FORMULA` (a warning names the cell),
/// so the table reader reports it as not a number: never a wrong value.
struct WorkbookFormula {
    /// What a formula cell reads as.
    enum Outcome: Equatable {
        /// A number in millionths.
        case number(Int64)
        /// No referenced cell has a value.
        case blank
        /// Not computed; the reason.
        case unsupported(String)
    }

    /// A stored cell's value: a number in millionths, or text (a number too large for millionths is text).
    enum Value {
        case number(Int64)
        case text(String)
    }

    struct Key: Hashable {
        var row: Int
        var column: Int
    }

    /// The cells with a stored value.
    let values: [Key: Value]
    /// The formulas without a cached value.
    let formulas: [Key: String]
    private var done: [Key: Outcome] = [:]
    private var active: Set<Key> = []

    /// The most formulas in a chain of formulas referring to formulas.
    static let maximumDepth = 64
    /// The most cells one range may cover.
    static let maximumRangeCells = 1_000_000

    init(values: [Key: Value], formulas: [Key: String]) {
        self.values = values
        self.formulas = formulas
    }

    /// A stored number's text (`8431.2800000000007`) in millionths: rounded to 15 significant digits as Excel
    /// shows it, then to 6 decimals; `nil` when it is not a number or has more than 12 whole digits.
    static func millionths(stored: String) -> Int64? {
        SpreadsheetNumber.display(stored, format: "0.000000").flatMap { FixedDecimal.millionths($0) }
    }

    /// Millionths as the plain decimal text SpreadsheetNumber formats.
    static func text(millionths value: Int64) -> String {
        FixedDecimal(units: value, decimals: 6).description
    }

    /// The outcome of the formula cell at `key`.
    mutating func outcome(of key: Key) -> Outcome {
        outcome(of: key, depth: 0)
    }

    private mutating func outcome(of key: Key, depth: Int) -> Outcome {
        if let known = done[key] { return known }
        guard let formula = formulas[key] else { return .blank }
        guard depth < Self.maximumDepth else { return .unsupported("more than \(Self.maximumDepth) nested formulas") }
        guard !active.contains(key) else { return .unsupported("a circular reference") }
        active.insert(key)
        var parser = Parser(text: formula)
        var result: Outcome
        do {
            let expression = try parser.expression()
            try parser.expectEnd()
            result = evaluate(expression, depth: depth + 1)
        } catch {
            result = .unsupported("\(error)")
        }
        active.remove(key)
        done[key] = result
        return result
    }

    // MARK: - Evaluation

    private mutating func evaluate(_ expression: Expression, depth: Int) -> Outcome {
        switch expression {
        case .number(let value): return .number(value)
        case .reference(let key): return cell(key, depth: depth)
        case .range: return .unsupported("a range outside a function")
        case .equals: return .unsupported("a comparison outside IF")
        case .text: return .unsupported("text where a number is needed")
        case .negate(let inner):
            switch evaluate(inner, depth: depth) {
            case .number(let value): return value == .min ? .unsupported("overflow") : .number(-value)
            case let other: return other
            }
        case .binary(let left, let minus, let right):
            return add(evaluate(left, depth: depth), evaluate(right, depth: depth), negateSecond: minus)
        case .product(let left, let divide, let right):
            return multiply(evaluate(left, depth: depth), evaluate(right, depth: depth), divide: divide)
        case .function(let name, let arguments):
            switch name {
            case "SUM":
                var total = Outcome.blank
                for argument in arguments {
                    let part: Outcome
                    if case .range(let from, let to) = argument {
                        part = sum(from: from, to: to, depth: depth) { _ in true }
                    } else {
                        part = evaluate(argument, depth: depth)
                    }
                    total = add(total, part, negateSecond: false)
                    if case .unsupported = total { return total }
                }
                return total
            case "SUMIF":
                guard arguments.count == 3, case .range(let from, let to) = arguments[0], case .text(let pattern) = arguments[1],
                    case .range(let sumFrom, let sumTo) = arguments[2],
                    to.row - from.row == sumTo.row - sumFrom.row, to.column - from.column == sumTo.column - sumFrom.column
                else { return .unsupported("SUMIF other than SUMIF(range,\"text\",range of the same shape)") }
                let values = self.values
                return sum(from: sumFrom, to: sumTo, depth: depth) { key in
                    let criterion = Key(row: from.row + key.row - sumFrom.row, column: from.column + key.column - sumFrom.column)
                    guard case .text(let text) = values[criterion] else { return false }
                    return Self.matches(Array(text), Array(pattern))
                }
            case "COUNT":
                var count: Int64 = 0
                for argument in arguments {
                    guard case .range(let from, let to) = argument else { return .unsupported("COUNT of other than ranges") }
                    guard cellCount(from, to) <= Self.maximumRangeCells else { return .unsupported("a range of more than \(Self.maximumRangeCells) cells") }
                    for row in min(from.row, to.row)...max(from.row, to.row) {
                        for column in min(from.column, to.column)...max(from.column, to.column) {
                            let key = Key(row: row, column: column)
                            if case .text = values[key] { continue }
                            if case .number = cell(key, depth: depth) { count += 1 }
                        }
                    }
                }
                return .number(count * 1_000_000)
            case "IF":
                guard arguments.count == 3, case .equals(let left, let right) = arguments[0] else {
                    return .unsupported("IF other than IF(a=b,x,y)")
                }
                let a = evaluate(left, depth: depth)
                let b = evaluate(right, depth: depth)
                func number(_ outcome: Outcome) -> Int64? {
                    switch outcome {
                    case .number(let value): value
                    case .blank: 0
                    case .unsupported: nil
                    }
                }
                guard let x = number(a), let y = number(b) else { return .unsupported("IF's condition") }
                let branch = x == y ? arguments[1] : arguments[2]
                if case .text(let text) = branch, text.isEmpty { return .blank }
                return evaluate(branch, depth: depth)
            default:
                return .unsupported("the function \(name)")
            }
        }
    }

    private mutating func cell(_ key: Key, depth: Int) -> Outcome {
        switch values[key] {
        case .number(let value): return .number(value)
        case .text(let text): return .unsupported("the text “\(text)” in a sum")
        case nil: return formulas[key] == nil ? .blank : outcome(of: key, depth: depth)
        }
    }

    /// Σ of the numbers in the range whose cells pass `include`; text cells are skipped, as SUM skips them.
    private mutating func sum(from: Key, to: Key, depth: Int, include: (Key) -> Bool) -> Outcome {
        let rows = min(from.row, to.row)...max(from.row, to.row)
        let columns = min(from.column, to.column)...max(from.column, to.column)
        guard cellCount(from, to) <= Self.maximumRangeCells else {
            return .unsupported("a range of more than \(Self.maximumRangeCells) cells")
        }
        var total = Outcome.blank
        for row in rows {
            for column in columns {
                let key = Key(row: row, column: column)
                guard include(key) else { continue }
                if case .text = values[key] { continue }
                total = add(total, cell(key, depth: depth), negateSecond: false)
                if case .unsupported = total { return total }
            }
        }
        return total
    }

    /// The cells a range covers (saturating).
    private func cellCount(_ from: Key, _ to: Key) -> Int {
        let (count, overflow) = (abs(to.row - from.row) + 1).multipliedReportingOverflow(by: abs(to.column - from.column) + 1)
        return overflow ? .max : count
    }

    private func add(_ left: Outcome, _ right: Outcome, negateSecond: Bool) -> Outcome {
        switch (left, right) {
        case (.unsupported, _): return left
        case (_, .unsupported): return right
        case (.blank, .blank): return .blank
        case (.number(let a), .blank): return .number(a)
        case (.blank, .number(let b)):
            return negateSecond ? (b == .min ? .unsupported("overflow") : .number(-b)) : .number(b)
        case (.number(let a), .number(let b)):
            let (value, overflow) = negateSecond ? a.subtractingReportingOverflow(b) : a.addingReportingOverflow(b)
            return overflow ? .unsupported("overflow") : .number(value)
        }
    }

    /// `left × right` or `left ÷ right` in millionths, rounded half away from zero to a millionth, through 128
    /// bits and checked to fit; a blank operand is 0 (Excel's arithmetic), two blanks are blank; ÷ 0 is not
    /// computed (Excel shows `#DIV/0!`).
    private func multiply(_ left: Outcome, _ right: Outcome, divide: Bool) -> Outcome {
        let a: Int64
        let b: Int64
        switch (left, right) {
        case (.unsupported, _): return left
        case (_, .unsupported): return right
        case (.blank, .blank): return .blank
        case (.number(let x), .blank): (a, b) = (x, 0)
        case (.blank, .number(let y)): (a, b) = (0, y)
        case (.number(let x), .number(let y)): (a, b) = (x, y)
        }
        let scale = Int128(1_000_000)
        let (numerator, denominator) = divide ? (Int128(a) * scale, Int128(b)) : (Int128(a) * Int128(b), scale)
        guard denominator != 0 else { return .unsupported("a division by zero (#DIV/0!)") }
        var quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder != 0, (remainder.magnitude * 2) >= denominator.magnitude {
            quotient += (numerator < 0) != (denominator < 0) ? -1 : 1
        }
        guard let value = Int64(exactly: quotient) else { return .unsupported("overflow") }
        return .number(value)
    }

    /// Excel's wildcard match: `?` one character, `*` any run; case-sensitive otherwise (codes are digits).
    static func matches(_ text: [Character], _ pattern: [Character]) -> Bool {
        var memo: [Int: Bool] = [:]
        func match(_ t: Int, _ p: Int) -> Bool {
            let key = t * (pattern.count + 1) + p
            if let known = memo[key] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == "*" {
                result = match(t, p + 1) || (t < text.count && match(t + 1, p))
            } else {
                result = t < text.count && (pattern[p] == "?" || pattern[p] == text[t]) && match(t + 1, p + 1)
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }

    // MARK: - Parsing

    indirect enum Expression {
        case number(Int64)
        case text(String)
        case reference(Key)
        case range(Key, Key)
        case negate(Expression)
        case binary(Expression, minus: Bool, Expression)
        case product(Expression, divide: Bool, Expression)
        case function(String, [Expression])
        case equals(Expression, Expression)
    }

    struct Parser {
        struct Failure: Error, CustomStringConvertible {
            var description: String
        }

        let characters: [Character]
        var index = 0

        init(text: String) {
            var body = Substring(text)
            if body.first == "=" { body = body.dropFirst() }
            characters = Array(body.filter { $0 != " " })
        }

        mutating func expectEnd() throws {
            guard index == characters.count else { throw Failure(description: "unexpected “\(characters[index])”") }
        }

        mutating func expression() throws -> Expression {
            var left = try product()
            while index < characters.count, characters[index] == "+" || characters[index] == "-" {
                let minus = characters[index] == "-"
                index += 1
                left = .binary(left, minus: minus, try product())
            }
            return left
        }

        /// Terms joined by `*` and `/`, which bind tighter than `+` and `-`.
        mutating func product() throws -> Expression {
            var left = try term()
            while index < characters.count, characters[index] == "*" || characters[index] == "/" {
                let divide = characters[index] == "/"
                index += 1
                left = .product(left, divide: divide, try term())
            }
            return left
        }

        mutating func term() throws -> Expression {
            guard index < characters.count else { throw Failure(description: "the formula ends early") }
            switch characters[index] {
            case "-":
                index += 1
                return .negate(try term())
            case "+":
                index += 1
                return try term()
            case "(":
                index += 1
                let inner = try expression()
                guard index < characters.count, characters[index] == ")" else { throw Failure(description: "a missing “)”") }
                index += 1
                return inner
            case "\"":
                index += 1
                var text = ""
                while index < characters.count, characters[index] != "\"" {
                    text.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { throw Failure(description: "an unclosed string") }
                index += 1
                return .text(text)
            case let c where c.isASCII && (c.isNumber || c == "."):
                var digits = ""
                while index < characters.count, characters[index].isASCII, characters[index].isNumber || characters[index] == "." {
                    digits.append(characters[index])
                    index += 1
                }
                guard let value = FixedDecimal.millionths(digits) else { throw Failure(description: "the number \(digits)") }
                return .number(value)
            default:
                return try name()
            }
        }

        /// A function call, a reference or a range.
        mutating func name() throws -> Expression {
            var word = ""
            while index < characters.count, characters[index].isASCII,
                characters[index].isLetter || characters[index].isNumber || characters[index] == "$"
            {
                word.append(characters[index])
                index += 1
            }
            guard !word.isEmpty else { throw Failure(description: "unexpected “\(index < characters.count ? String(characters[index]) : "")”") }
            if index < characters.count, characters[index] == "(" {
                index += 1
                var arguments: [Expression] = []
                if index < characters.count, characters[index] == ")" {
                    index += 1
                    return .function(word.uppercased(), arguments)
                }
                while true {
                    arguments.append(try argument())
                    guard index < characters.count else { throw Failure(description: "a missing “)”") }
                    if characters[index] == "," {
                        index += 1
                        continue
                    }
                    guard characters[index] == ")" else { throw Failure(description: "unexpected “\(characters[index])”") }
                    index += 1
                    return .function(word.uppercased(), arguments)
                }
            }
            guard let from = Self.reference(word) else { throw Failure(description: "the name \(word)") }
            return .reference(from)
        }

        /// An argument: a range `C8:C40` or an expression.
        mutating func argument() throws -> Expression {
            let start = index
            let first = try expression()
            if case .reference(let from) = first, index < characters.count, characters[index] == ":" {
                index += 1
                guard case .reference(let to) = try name() else {
                    index = start
                    throw Failure(description: "a range whose end is not a cell")
                }
                return .range(from, to)
            }
            if index < characters.count, characters[index] == "=" {
                index += 1
                return .equals(first, try expression())
            }
            return first
        }

        /// `C8`, `$C$8` → its key.
        static func reference(_ word: String) -> Key? {
            guard let parsed = CellReference.parse(String(word.filter { $0 != "$" })),
                CellReference.isValid(row: parsed.row, column: parsed.column)
            else { return nil }
            return Key(row: parsed.row, column: parsed.column)
        }
    }
}
