import BudgetLensCore

/// A mistake in a rule or scheme file, with where it is, in Chinese and English.
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    /// The rule file.
    public var file: String
    /// The 1-based line (0 when the whole file is meant).
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// What is wrong, in English, with the offending value (`unknown table '公开1O': …`).
    public var message: String
    /// What is wrong, in Chinese, as specific as ``message`` (`未知的表“公开1O”：…`).
    public var chineseMessage: String

    /// An error at `line`:`column` of `file` (line 0: the whole file), in Chinese and English.
    public init(file: String, line: Int, column: Int, chinese: String, english: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = english
        self.chineseMessage = chinese
    }

    /// An error with one text for both languages (a message already written `中文 / English`).
    public init(file: String, line: Int, column: Int, message: String) {
        self.init(file: file, line: line, column: column, chinese: message, english: message)
    }

    /// `file:line:column` (`file` for the whole file).
    public var place: String { line > 0 ? "\(file):\(line):\(column)" : file }

    /// `file:line:column: 中文`.
    public var chineseDescription: String { "\(place): \(chineseMessage)" }

    /// `file:line:column: English`.
    public var englishDescription: String { "\(place): \(message)" }

    /// `file:line:column: 中文 / English` (one text when both are the same; no space after a closing `）`).
    public var description: String {
        guard chineseMessage != message else { return englishDescription }
        return "\(place): \(chineseMessage)\(chineseMessage.hasSuffix("）") ? "" : " ")/ \(message)"
    }
}

/// A token of a rule line.
struct RuleToken: Equatable {
    enum Kind: Equatable {
        /// A word: keyword, variable, label, check name (`codes-absent`).
        case word(String)
        /// `公开01` … `公开09`.
        case table(TableID)
        /// Digits with an optional fraction, as written.
        case number(String)
        /// A quoted string, without its quotes.
        case string(String)
        /// `[ ] ( ) { } , : = <= >= + - ...`
        case symbol(String)
        case end
    }

    let kind: Kind
    /// The 1-based column where the token starts.
    let column: Int
}

/// Splits one line of a rule file into tokens.
struct RuleLexer {
    let file: String
    let line: Int

    func tokens(_ text: Substring) throws -> [RuleToken] {
        let characters = Array(text)
        var tokens: [RuleToken] = []
        var index = 0
        func error(_ chinese: String, _ english: String, at position: Int) -> RuleFileError {
            RuleFileError(file: file, line: line, column: position + 1, chinese: chinese, english: english)
        }
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isWhitespace {
                index += 1
                continue
            }
            if character == "#" { break }  // a comment runs to the end of the line
            if character == "\"" || character == "“" {
                let close: Character = character == "\"" ? "\"" : "”"
                var value = ""
                index += 1
                while index < characters.count, characters[index] != close {
                    value.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { throw error("字符串缺少结束引号", "unterminated string", at: start) }
                index += 1
                tokens.append(RuleToken(kind: .string(value), column: start + 1))
                continue
            }
            if character.isASCII, character.isNumber {
                var value = ""
                while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                    value.append(characters[index])
                    index += 1
                }
                // A fraction, but not the `...` of a range.
                if index + 1 < characters.count, characters[index] == ".", characters[index + 1].isNumber {
                    value.append(".")
                    index += 1
                    while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                        value.append(characters[index])
                        index += 1
                    }
                }
                tokens.append(RuleToken(kind: .number(value), column: start + 1))
                continue
            }
            if character == "." {
                var dots = 0
                while index < characters.count, characters[index] == "." || characters[index] == "…" {
                    dots += characters[index] == "…" ? 3 : 1
                    index += 1
                }
                guard dots >= 2 else { throw error("单独的“.”：范围写作 1...8", "a lone '.'; a range is written 1...8", at: start) }
                tokens.append(RuleToken(kind: .symbol("..."), column: start + 1))
                continue
            }
            if character == "…" {
                index += 1
                tokens.append(RuleToken(kind: .symbol("..."), column: start + 1))
                continue
            }
            if let symbol = symbol(at: index, in: characters) {
                index += symbol.length
                tokens.append(RuleToken(kind: .symbol(symbol.text), column: start + 1))
                continue
            }
            if isWordCharacter(character) {
                var value = ""
                while index < characters.count {
                    let next = characters[index]
                    if isWordCharacter(next) {
                        value.append(next)
                        index += 1
                    } else if next == "-", index + 1 < characters.count, characters[index + 1].isLetter,
                        characters[index + 1].isASCII, value.last?.isASCII == true, value.last?.isLetter == true
                    {
                        value.append(next)  // check names: codes-absent
                        index += 1
                    } else {
                        break
                    }
                }
                if value.hasPrefix("公开"), let table = TableID(number: String(value.dropFirst(2))),
                    value.dropFirst(2).allSatisfy(\.isNumber)
                {
                    tokens.append(RuleToken(kind: .table(table), column: start + 1))
                } else if value.hasPrefix("公开") {
                    throw error(
                        "未知的表“\(value)”：表为 公开01 … 公开09", "unknown table '\(value)': the tables are 公开01 … 公开09",
                        at: start)
                } else {
                    tokens.append(RuleToken(kind: .word(value), column: start + 1))
                }
                continue
            }
            throw error("意外的字符“\(character)”", "unexpected character '\(character)'", at: start)
        }
        tokens.append(RuleToken(kind: .end, column: characters.count + 1))
        return tokens
    }

    private func symbol(at index: Int, in characters: [Character]) -> (text: String, length: Int)? {
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        switch characters[index] {
        case "<" where next == "=": return ("<=", 2)
        case ">" where next == "=": return (">=", 2)
        case "≤": return ("<=", 1)
        case "≥": return (">=", 1)
        case "[", "]", "(", ")", "{", "}", ",", ":", "=", "+", "-", "*":
            return (String(characters[index]), 1)
        case "（": return ("(", 1)
        case "）": return (")", 1)
        case "，": return (",", 1)
        case "：": return (":", 1)
        case "＝": return ("=", 1)
        case "−", "－": return ("-", 1)
        default: return nil
        }
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        if character.isASCII { return character.isLetter || character.isNumber || character == "_" }
        return character.isLetter || character.isNumber  // Chinese characters are letters
    }
}
