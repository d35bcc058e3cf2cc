import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// The owners' rule "messages in Chinese with English", enforced on the reader's own source: every call that writes a
/// reading problem (`ReadProblem(…)`, a table builder's `record(…)`, a layout `note(…)`) gives its detail in Chinese,
/// then ` — `, then the English (what ``ReadProblem/englishDetail`` and ``ReadProblem/chineseDetail`` split), and every
/// ``ReadError`` gives its Chinese (`chinese:`). See docs/chinese-first-messages.md.
@Suite("Chinese first: every reader message has a Chinese detail, then the English")
struct ChineseFirstMessagesTests {
    /// The folders scanned: the text parser, workbooks, page text, layout and PDF readers, and the core.
    static let folders = ["Sources/BudgetLensReader", "Sources/BudgetLensCore", "Sources/BudgetLensStore"]

    /// Call sites that pass on a message written elsewhere (a parameter, a closure, a variable built just above),
    /// each with how many times it occurs and where its text is written; the builders of these texts are checked by
    /// the exact-message tests below or in their own suites.
    static let forwarding: [String: Int] = [
        // TableBuilding.record(_:_:_:at:): the callers' literals are scanned as `building.record(`.
        "TableBuilding.swift|code: code, severity: severity, message: message, table: table, source: source": 1,
        // Layout notes become problems; RowAssembler's `note(` literals are scanned.
        "LayoutDisclosureReader.swift|code: note.code, severity: note.severity, message: note.message, table: note.table,": 1,
        "RowAssembler.swift|code: code, message: message, table: table, page: fragment.page, origin: fragment.origin": 1,
        // CutTableText's `message` closure (Chinese first; CutTableTextTests pin it).
        "CutTableText.swift|code: Disclosure.cutTableProblem, severity: .error, message: message(id.formID), table: id,": 2,
        // FunctionalTableBuilder's `let message =` (Chinese first, pinned below: rowBadCode).
        "FunctionalTableBuilder.swift|\"row.bad-code\", .warning, message, at: source": 1,
        // RawTextPlacementNotes.unplaced's `detail` (Chinese first; RawText tests).
        "RawTextPlacementNotes.swift|code: \"page-text.row-unplaced\", severity: .warning, message: \"\\(id.formID)：\" + detail, table: id,": 1,
        // A text-decoding failure forwarded as a ReadError: ReadError.chineseDescription gives the code's Chinese
        // (不是可读的文本…) before the English detail.
        "DisclosureReader.swift|message: error.message": 1,
        // WorkbookReader's notUnderstood(_:_:chinese:english:): its callers give the Chinese and English.
        "WorkbookReader.swift|message: \"\\(id.formID) \\(id.canonicalTitle): \\(chinese)，本表未读取（存在，未读取） — \\(english)\"": 1,
    ]

    struct Site: CustomStringConvertible {
        var file: String
        var line: Int
        var call: String
        var arguments: String
        var description: String { "\(file):\(line): \(call)\(arguments.prefix(160))…)" }
    }

    // MARK: - The source scan

    @Test("the scan finds the reader's message call sites (at least 75 problems, 25 errors) and none is English only")
    func everyMessageChineseFirst() throws {
        let sites = try Self.allSites()
        let problems = sites.filter { $0.call != "ReadError(" }
        let errors = sites.filter { $0.call == "ReadError(" }
        // Not a scan that finds nothing: the reader writes problems at ~80 places and ReadErrors at ~30.
        #expect(problems.count >= 75, "only \(problems.count) problem sites found")
        #expect(errors.count >= 25, "only \(errors.count) ReadError sites found")
        var forwarded: [String: Int] = [:]
        var offenders: [String] = []
        for site in sites {
            if let key = Self.forwardingKey(site) {
                forwarded[key, default: 0] += 1
                continue
            }
            if site.call == "ReadError(" {
                if !site.arguments.contains("chinese:") { offenders.append("no chinese: \(site)") }
                continue
            }
            let text = Self.literalText(Array(site.arguments))
            if !Self.isChineseFirst(text) { offenders.append("not Chinese first: \(site)\n    literal text: \(text)") }
        }
        let listed = offenders.joined(separator: "\n")
        #expect(offenders.isEmpty, "\(offenders.count) message(s) without a Chinese detail:\n\(listed)")
        for (key, count) in Self.forwarding where count > 0 {
            #expect(forwarded[key] == count, "forwarding site \(key): expected \(count), found \(forwarded[key] ?? 0)")
        }
    }

    @Test("the scan's rule fails on an English-only message and on an English-first one")
    func ruleCanFail() {
        #expect(!Self.isChineseFirst(Self.literalText(Array(#""cell.missing", .warning, "栏次 \(number) is missing from the row; it reads as blank", at: x"#))))
        #expect(!Self.isChineseFirst(Self.literalText(Array(#"message: "sheet \(sheet.name) is hidden and not read", source: here"#))))
        #expect(!Self.isChineseFirst(Self.literalText(Array(#"message: "公开06 has \(n) fields — 公开06 多了栏""#))))
        #expect(!Self.isChineseFirst(Self.literalText(Array(#"message: "代码单元格向下合并 / the code cell is merged""#))))
        #expect(Self.isChineseFirst(Self.literalText(Array(#"message: "工作表 \(sheet.name) 已隐藏，未读取 — sheet \(sheet.name) is hidden", source: here"#))))
        // Words inside an interpolation are code, not the message's text.
        #expect(!Self.isChineseFirst(Self.literalText(Array(#"message: "\(x ? "合计行" : "行") — the row""#))))
    }

    /// Every message call site of ``folders``.
    static func allSites() throws -> [Site] {
        let root = Seed.repositoryRoot
        var sites: [Site] = []
        for folder in folders {
            let base = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let relative as String in files where relative.hasSuffix(".swift") {
                let text = try String(contentsOf: base.appendingPathComponent(relative), encoding: .utf8)
                sites += Self.sites(in: text, file: "\(folder)/\(relative)")
            }
        }
        return sites
    }

    /// The calls in `text` that write a message: `ReadProblem(`, `ReadError(`, `record(` (not `func record(`, not
    /// `X.record(in:`), `note(` with arguments; comments skipped.
    static func sites(in text: String, file: String) -> [Site] {
        let characters = Array(text)
        var result: [Site] = []
        var index = 0
        var line = 1
        let calls = ["ReadProblem(", "ReadError(", "record(", "note(", "LayoutNote("]
        while index < characters.count {
            let character = characters[index]
            if character == "\n" { line += 1; index += 1; continue }
            if character == "/", index + 1 < characters.count, characters[index + 1] == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if character == "\"" {
                let end = Self.stringEnd(characters, from: index)
                line += characters[index..<end].filter { $0 == "\n" }.count
                index = end
                continue
            }
            let previous: Character = index > 0 ? characters[index - 1] : " "
            if !(previous.isLetter || previous.isNumber || previous == "_"),
                let call = calls.first(where: { Self.matches($0, characters, at: index) })
            {
                let before = String(characters[max(0, index - 40)..<index])
                let qualified = previous == "."
                let declaration = before.hasSuffix("func ") || before.hasSuffix("init ")
                let open = index + call.count - 1
                let close = Self.closingParenthesis(characters, from: open)
                let arguments = String(characters[(open + 1)..<close])
                let isRecord = call == "record(" || call == "note("
                let counted =
                    !declaration && !arguments.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    && (!isRecord || (!qualified || before.hasSuffix("building.")) && file.hasPrefix("Sources/BudgetLensReader")) && !arguments.hasPrefix("_ ")
                if counted { result.append(Site(file: file, line: line, call: call, arguments: arguments)) }
                index += call.count
                continue
            }
            index += 1
        }
        return result
    }

    static func matches(_ word: String, _ characters: [Character], at index: Int) -> Bool {
        let word = Array(word)
        guard index + word.count <= characters.count else { return false }
        return Array(characters[index..<(index + word.count)]) == word
    }

    /// The index just past the string literal starting at `start` (a `"`), interpolations and their nested
    /// strings included; `"""` blocks too.
    static func stringEnd(_ characters: [Character], from start: Int) -> Int {
        let isBlock = matches("\"\"\"", characters, at: start)
        var index = start + (isBlock ? 3 : 1)
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                if index + 1 < characters.count, characters[index + 1] == "(" {
                    index = closingParenthesis(characters, from: index + 1) + 1
                } else {
                    index += 2
                }
                continue
            }
            if isBlock {
                if matches("\"\"\"", characters, at: index) { return index + 3 }
            } else if character == "\"" || character == "\n" {
                return index + 1
            }
            index += 1
        }
        return characters.count
    }

    /// The index of the `)` closing the `(` at `open`, strings skipped.
    static func closingParenthesis(_ characters: [Character], from open: Int) -> Int {
        var depth = 0
        var index = open
        while index < characters.count {
            switch characters[index] {
            case "\"":
                index = stringEnd(characters, from: index)
                continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return characters.count
    }

    /// The text of the top-level string literals in `characters`, joined: what the message says in words, without
    /// the code inside interpolations (`"\(x ? "合计" : "")"` contributes nothing).
    static func literalText(_ characters: [Character]) -> String {
        var text = ""
        var index = 0
        while index < characters.count {
            guard characters[index] == "\"" else {
                index += 1
                continue
            }
            let end = stringEnd(characters, from: index)
            var inner = index + 1
            while inner < end - 1 {
                if characters[inner] == "\\", inner + 1 < end, characters[inner + 1] == "(" {
                    inner = closingParenthesis(characters, from: inner + 1) + 1
                    continue
                }
                text.append(characters[inner])
                inner += 1
            }
            index = end
        }
        return text
    }

    /// Chinese first: a ` — ` with a Chinese detail before it (a Han character other than the field's terms that
    /// English details quote too — 公开, 栏次, 行次, 合计 — and quoted words) and English words after it.
    static func isChineseFirst(_ text: String) -> Bool {
        guard let separator = text.range(of: " — ") else { return false }
        var head = String(text[..<separator.lowerBound])
        for (open, close) in [("“", "”"), ("'", "'")] {
            while let start = head.range(of: open), let end = head.range(of: close, range: start.upperBound..<head.endIndex) {
                head.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        for term in ["公开", "栏次", "行次", "合计"] { head = head.replacingOccurrences(of: term, with: "") }
        let tail = text[separator.upperBound...]
        return head.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            && tail.unicodeScalars.contains { ("a"..."z").contains($0) }
    }

    static func forwardingKey(_ site: Site) -> String? {
        let name = (site.file as NSString).lastPathComponent
        let flat = site.arguments.trimmingCharacters(in: .whitespacesAndNewlines)
        return forwarding.keys.first { key in
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            return parts[0] == name && flat.contains(parts[1])
        }
    }
}

/// The messages changed to Chinese first, triggered by planted input and pinned whole.
@Suite("Chinese first: exact messages of planted reading problems")
struct ChineseFirstPlantedTests {
    /// 公开02 with a row too wide, a cell that is not a number, a row too narrow, an amount out of range, a code
    /// that is not one, and the table a second time.
    static let planted = """
        收入决算表
        金额单位：万元
        项目\t\t本年收入合计\t财政拨款收入
        科目编码\t科目名称\t\t
        栏次\t\t1\t2
        合计\t\t10.00\t10.00
        210\t卫生健康支出\t10.00\t10.00\t99.99
        21011\t行政事业单位医疗\t10.00\t1O.00
        2101101\t行政单位医疗\t10.00
        2101102\t事业单位医疗\t999999999999999.00\t0.00
        21X\t其他\t0.00\t0.00

        收入决算表
        金额单位：万元
        项目\t\t本年收入合计\t财政拨款收入
        科目编码\t科目名称\t\t
        栏次\t\t1\t2
        合计\t\t10.00\t10.00
        """

    static func problem(_ code: String) throws -> ReadProblem {
        let disclosure = DisclosureReader.read(text: planted, file: "planted.txt")
        return try #require(disclosure.problems.first { $0.code == code }, "no \(code) in \(disclosure.problems)")
    }

    @Test("cell.not-a-number, row.too-wide, row.too-narrow, cell.out-of-range: Chinese, then the English as before")
    func cellAndRowMessages() throws {
        let notANumber = try Self.problem("cell.not-a-number")
        #expect(notANumber.message == "栏次 2：“1O.00”不是金额（不是数字），该单元格没有值 — 栏次 2: '1O.00' is not an amount (not a number); the cell is left without a value")
        #expect(notANumber.chineseDetail == "栏次 2：“1O.00”不是金额（不是数字），该单元格没有值")
        #expect(notANumber.englishDetail == "栏次 2: '1O.00' is not an amount (not a number); the cell is left without a value")
        let wide = try Self.problem("row.too-wide")
        #expect(wide.message == "本行有 5 个单元格，而本表有 4 栏：本行金额未读取，以免放错栏次，涉及本行的勾稽关系不予核对 — the row has 5 cells where the table has 4; its amounts are not read, to avoid placing a number in the wrong column, and the identities that need them are not checked")
        let narrow = try Self.problem("row.too-narrow")
        #expect(narrow.message == "本行有 3 个单元格，而本表有 4 栏：缺少的单元格按空白读取 — the row has 3 cells where the table has 4; the missing cells read as blank")
        let range = try Self.problem("cell.out-of-range")
        #expect(range.message == "栏次 1：“999999999999999.00”超出可表示的金额范围（大于 100 万亿元 = 10^16 分，BudgetLens 可读取的最大金额），该单元格没有值 — 栏次 1: '999999999999999.00' is an amount out of range (above 100 万亿元 = 10^16 分, the largest amount BudgetLens reads); the cell is left without a value")
    }

    @Test("row.bad-code and table.duplicate: Chinese, then the English as before")
    func codeAndDuplicate() throws {
        let code = try Self.problem("row.bad-code")
        #expect(code.message == "“21X”不是 3、5 或 7 位的科目编码 — '21X' is not a classification code of 3, 5 or 7 digits")
        let seed = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
        let twice = DisclosureReader.read(text: seed + "\n" + seed, file: "twice.txt")
        let duplicate = try #require(twice.problems.first { $0.code == "table.duplicate" })
        #expect(duplicate.message == "公开01 又见于 710:1，只读取第一份（103:1），第二份未读取 — 公开01 appears a second time at 710:1; only the first (103:1) is read, the second is not (delete the copy, or check which one is right)")
        #expect(duplicate.englishDetail == "公开01 appears a second time at 710:1; only the first (103:1) is read, the second is not (delete the copy, or check which one is right)")
    }

    @Test("every problem of the planted text and a seed is Chinese first; the line in each language")
    func allPlantedChineseFirst() throws {
        var problems = DisclosureReader.read(text: Self.planted, file: "planted.txt").problems
        for seed in [Seed.weihai] { problems += try DisclosureReader.read(path: Seed.path(seed)).problems }
        #expect(problems.count >= 5)
        for problem in problems {
            #expect(problem.isChineseFirst, "\(problem)")
            #expect(problem.message == problem.chineseDetail + " — " + problem.englishDetail)
        }
        let wide = try Self.problem("row.too-wide")
        #expect(wide.description(in: .en) == "planted.txt:7:1: error: [公开02] the row has 5 cells where the table has 4; its amounts are not read, to avoid placing a number in the wrong column, and the identities that need them are not checked")
        #expect(wide.description(in: .zh) == "planted.txt:7:1: 错误: [公开02] 行的栏数过多：本行有 5 个单元格，而本表有 4 栏：本行金额未读取，以免放错栏次，涉及本行的勾稽关系不予核对")
        #expect(wide.description(in: .both) == wide.bilingualDescription)
    }
}
