import BudgetLensCore
import Foundation

/// Reads the numeric statements of the 情况说明 (DOMAIN §2): amounts with their subject, shares, year-on-year
/// changes, budget completions and counts. What cannot be read is kept as ``UnreadFigure`` — never guessed.
public enum StatementReader {
    /// The statements of `sections` (a disclosure's narrative), with per-section coverage.
    public static func read(_ sections: [NarrativeSection]) -> NarrativeReading {
        var reading = NarrativeReading()
        for section in sections {
            var reader = SectionStatementReader(section: section)
            reader.read()
            reading.statements += reader.statements
            // Sections 一…十二 are restatements of the tables; 十三 (绩效) is checked against the annex.
            if reader.topic != .performance {
                reading.unread += reader.unread
                reading.coverage.append(
                    SectionCoverage(
                        section: section.number, topic: reader.topic, figures: reader.figureCount,
                        read: reader.readCount))
            }
        }
        return reading
    }
}

/// The reading of one section, paragraph by paragraph, keeping what a sentence refers back to: the last
/// amount (a change's current value), the paragraph's item (`1、…（项）。年初预算为…`), the subsection's
/// first amount (the whole of `占…%` without a named base).
struct SectionStatementReader {
    let section: NarrativeSection
    private(set) var topic: NarrativeTopic
    private(set) var statements: [NarrativeStatement] = []
    private(set) var unread: [UnreadFigure] = []
    private(set) var figureCount = 0
    private(set) var readCount = 0

    private var paragraphTopic: NarrativeTopic
    private var subsectionWhole: Money?
    /// The subsection's first amount was printed coarser than the tables (`0.29亿元`): no share is computed
    /// against a 本段合计 in it (a later amount is no whole).
    private var subsectionWholeCoarse = false
    private var lastAmount: (subject: String, value: Money)?

    init(section: NarrativeSection) {
        self.section = section
        topic = NarrativeTopic.of(heading: section.heading)
        paragraphTopic = topic
    }

    mutating func read() {
        let text = NarrativeText(lines: section.body.lines)
        for paragraph in text.paragraphs {
            read(paragraph)
        }
    }

    private mutating func read(_ paragraph: NarrativeText.Paragraph) {
        let text = paragraph.scalars
        if Self.startsSubsection(text) {
            subsectionWhole = nil
            subsectionWholeCoarse = false
            if topic == .other {
                let headingEnd = text.firstIndex(of: "。") ?? min(text.count, 40)
                let sub = NarrativeTopic.of(heading: NarrativeText.string((text[..<headingEnd])))
                paragraphTopic = sub
            }
        }
        var figures = NarrativeFigure.scan(text)
        if paragraphTopic == .basicExpenditure { Self.completeListAmounts(&figures, in: text) }
        let item = Self.itemSubject(text, figures: figures)
        var pendingChange: Int?  // index into statements
        var pendingCompletion: Int?
        var completionsHere: [(index: Int, start: Int, end: Int)] = []
        var amountsHere: [(index: Int, end: Int)] = []
        var budgetReference: Money?
        var previousEnd = 0
        for figure in figures {
            defer { previousEnd = figure.end }
            guard figure.measure != .other else { continue }
            let leadStart = Self.boundary(in: text, from: previousEnd, to: figure.start)
            let lead = Self.clean(NarrativeText.string((text[leadStart..<figure.start])))
            if figure.isMoneyOrPercent { figureCount += 1 }
            lazy var location = location(paragraph, at: figure.start)
            lazy var span = Self.sentence(in: text, around: figure.start)
            lazy var printed = NarrativeText.string((text[figure.start..<figure.end]))
            func add(_ subject: String, _ claim: NarrativeClaim, printedStep: Money? = nil) -> Int {
                statements.append(
                    NarrativeStatement(
                        topic: paragraphTopic, section: section.number, subject: subject, claim: claim,
                        source: location, span: span, printedStep: printedStep))
                return statements.count - 1
            }
            switch figure.measure {
            case .money:
                guard let amount = figure.money else {
                    unread.append(UnreadFigure(section: section.number, figure: printed, context: span, source: location))
                    continue
                }
                readCount += 1
                // An amount printed coarser than the tables (`0.29亿元`) is checked only where it restates a cell, at
                // its printed precision: no change, budget or share is computed from it.
                let isCoarse = figure.printedStep != nil
                if Self.hasUnresolvedAlternative(lead) || (isCoarse && !Self.isPlainAmount(lead)) {
                    readCount -= 1
                    unread.append(UnreadFigure(section: section.number, figure: printed, context: span, source: location))
                } else if lead.hasByteSuffix("比年初预算数") || lead.hasByteSuffix("比年初预算") {
                    budgetReference = amount
                } else if let (direction, rest) = Self.changeWord(at: lead) {
                    let againstBudget = rest.containsText("年初预算") || rest.containsText("预算数")
                    let subject = Self.subject(rest, fallback: lastAmount?.subject ?? "")
                    // The current value is the last one stated of the same subject (`比…增加` continues it).
                    let current = subject == lastAmount?.subject ? lastAmount?.value : currentValue(of: subject)
                    pendingChange = add(
                        subject,
                        .change(
                            current: current, direction: direction, delta: amount, percent: nil,
                            percentDirection: nil, againstBudget: againstBudget))
                } else if let rest = Self.suffix(of: lead, among: Self.budgetWords), let index = pendingCompletion,
                    case .completion(_, nil, nil, let wording) = statements[index].claim
                {
                    // `年初预算为0万元，全年预算为321.02万元，…`: the adjusted budget the rate is computed from.
                    _ = rest
                    statements[index].claim = .completion(budget: amount, actual: nil, rate: nil, wording: wording)
                } else if let rest = Self.suffix(of: lead, among: Self.budgetWords) {
                    let named = Self.itemName(in: text, before: figure.start, after: completionsHere.last?.end ?? 0)
                    let subject = Self.subject(rest, fallback: named ?? item ?? lastAmount?.subject ?? "")
                    pendingCompletion = add(subject, .completion(budget: amount, actual: nil, rate: nil, wording: []))
                    completionsHere.append((pendingCompletion!, figure.start, figure.end))
                } else if let rest = Self.suffix(of: lead, among: Self.actualWords) {
                    if let index = pendingCompletion, case .completion(let budget, nil, let rate, let wording) = statements[index].claim {
                        statements[index].claim = .completion(budget: budget, actual: amount, rate: rate, wording: wording)
                        completionsHere[completionsHere.count - 1].end = figure.end
                    } else {
                        let named = Self.itemName(in: text, before: figure.start, after: completionsHere.last?.end ?? 0)
                        let subject = Self.subject(rest, fallback: named ?? item ?? lastAmount?.subject ?? "")
                        pendingCompletion = add(subject, .completion(budget: nil, actual: amount, rate: nil, wording: []))
                        completionsHere.append((pendingCompletion!, figure.start, figure.end))
                    }
                    lastAmount = (statements[pendingCompletion!].subject, amount)
                } else {
                    let subject = Self.subject(lead, fallback: "")
                    if subject.isEmpty {
                        readCount -= 1
                        unread.append(UnreadFigure(section: section.number, figure: printed, context: span, source: location))
                        continue
                    }
                    let step = figure.printedStep.map { Money(fen: $0) }
                    amountsHere.append((add(subject, .amount(amount), printedStep: step), figure.end))
                    guard !isCoarse else {
                        // Nor the part of a share that follows (`…0.21亿元，占71.65%`): none is computed from it.
                        lastAmount = nil
                        if subsectionWhole == nil { subsectionWholeCoarse = true }
                        continue
                    }
                    lastAmount = (subject, amount)
                    if subsectionWhole == nil && !subsectionWholeCoarse { subsectionWhole = amount }
                }
            case .percent where figure.isTooLong:
                unread.append(UnreadFigure(section: section.number, figure: printed, context: span, source: location))
            case .percent:
                let percent = figure.percentage
                if let share = Self.lastRange(of: "占", in: lead) {
                    var base = String(lead[share.upperBound...])
                    if base.hasByteSuffix("的") { base.removeLast() }
                    let before = Self.subject(String(lead[..<share.lowerBound]), fallback: "")
                    let part: Money? = before.isEmpty ? lastAmount?.value : nil
                    let subject = before.isEmpty ? (lastAmount?.subject ?? "") : before
                    let stated = base.isEmpty ? subsectionWhole : nil
                    _ = add(subject, .share(part: part, percent: percent, base: base.isEmpty ? nil : base, baseAmount: stated))
                    readCount += 1
                } else if lead.containsText("完成") {
                    if let index = pendingCompletion, case .completion(let budget, let actual, nil, let wording) = statements[index].claim {
                        statements[index].claim = .completion(budget: budget, actual: actual, rate: percent, wording: wording)
                        completionsHere[completionsHere.count - 1].end = figure.end
                    } else {
                        pendingCompletion = add(
                            Self.subject(lead, fallback: item ?? lastAmount?.subject ?? ""),
                            .completion(budget: nil, actual: nil, rate: percent, wording: []))
                        completionsHere.append((pendingCompletion!, figure.start, figure.end))
                    }
                    readCount += 1
                } else if Self.hasUnresolvedAlternative(lead) {
                    unread.append(UnreadFigure(section: section.number, figure: printed, context: span, source: location))
                } else if let (direction, _) = Self.changeWord(at: lead) ?? (lead.isEmpty ? pendingDirection(pendingChange) : nil) {
                    if let index = pendingChange,
                        case .change(let current, let stated, let delta, nil, _, let againstBudget) = statements[index].claim
                    {
                        statements[index].claim = .change(
                            current: current, direction: stated, delta: delta, percent: percent,
                            percentDirection: direction, againstBudget: againstBudget)
                        pendingChange = nil
                        readCount += 1
                    } else if let budget = budgetReference, let current = lastAmount?.value {
                        _ = add(
                            lastAmount?.subject ?? "",
                            .growthOverBudget(current: current, budget: budget, direction: direction, percent: percent))
                        budgetReference = nil
                        readCount += 1
                    } else {
                        unread.append(UnreadFigure(section: section.number, figure: printed, context: span, source: location))
                    }
                } else {
                    unread.append(UnreadFigure(section: section.number, figure: printed, context: span, source: location))
                }
            case .count where figure.isTooLong:
                continue
            case .count(let word):
                let subject = Self.subject(lead, fallback: "")
                _ = add(subject, .count(figure.scaled, measure: word))
            case .other:
                break
            }
        }
        attachWording(text, completionsHere)
        attachUnchanged(text, amountsHere)
        if budgetReference != nil { readCount -= 1 }  // `比年初预算数X万元` with no percentage after it
    }

    /// `…0万元。与上年决算数一致。`, `…总计持平`: the amount before the words is unchanged from last year — a claim
    /// only last year's document can check (`check --previous`).
    private mutating func attachUnchanged(_ text: [Unicode.Scalar], _ amounts: [(index: Int, end: Int)]) {
        guard !amounts.isEmpty else { return }
        let string = NarrativeText.string((text))
        guard string.containsText("持平") || string.containsText("一致") else { return }
        let scalars = Array(string.unicodeScalars)
        var claimed: Set<Int> = []
        for word in ["持平", "一致"] {
            var rest = string[...]
            while let range = rest.byteRange(of: word) {
                rest = string[range.upperBound...]
                let offset = string.unicodeScalars.distance(from: string.unicodeScalars.startIndex, to: range.lowerBound)
                let sentenceStart = Self.sentenceStart(in: scalars, before: offset)
                let clause = NarrativeText.string((scalars[sentenceStart..<offset]))
                // Against last year (上年, 上一年度, 20XX年(度)相比), not against the budget.
                guard clause.containsText("上年") || clause.containsText("上一年") || clause.containsText("相比")
                    || (clause.containsText("与20") && !clause.containsText("预算")),
                    !clause.containsText("预算"), !clause.containsText("基本")
                else { continue }
                guard let amount = amounts.last(where: { $0.end <= offset }), claimed.insert(amount.index).inserted,
                    case .amount(let value) = statements[amount.index].claim
                else { continue }
                let base = statements[amount.index]
                statements.append(
                    NarrativeStatement(
                        topic: base.topic, section: base.section, subject: base.subject,
                        claim: .change(
                            current: value, direction: .unchanged, delta: .zero, percent: nil, percentDirection: nil,
                            againstBudget: false),
                        source: base.source, span: Self.sentence(in: scalars, around: offset)))
            }
        }
    }

    /// Whether the words before an amount make it a plain restated amount: no change (`比上年增加`), no 年初预算 or
    /// 决算 of a completion, no alternative left open.
    static func isPlainAmount(_ lead: String) -> Bool {
        !hasUnresolvedAlternative(lead) && !lead.hasByteSuffix("比年初预算数") && !lead.hasByteSuffix("比年初预算")
            && changeWord(at: lead) == nil && suffix(of: lead, among: budgetWords) == nil
            && suffix(of: lead, among: actualWords) == nil
    }

    /// 六's `主要包括：基本工资 422.62 万元、…、代缴社会保险费 0.08。`: an item of an amount list printed without
    /// its unit, between list marks, takes the unit of the list (万元) when every other amount of it is in 万元.
    static func completeListAmounts(_ figures: inout [NarrativeFigure], in text: [Unicode.Scalar]) {
        let money = figures.filter { if case .money = $0.measure { return true } else { return false } }
        guard money.count >= 2, money.allSatisfy({ $0.measure == .money(.wanYuan) }) else { return }
        for index in figures.indices where figures[index].measure == .other && figures[index].decimals > 0 {
            let end = figures[index].end
            let next: Unicode.Scalar? = end < text.count ? text[end] : nil
            let before: Unicode.Scalar? = figures[index].start > 0 ? text[figures[index].start - 1] : nil
            guard next == nil || next == "、" || next == "。" || next == ";",
                let before, !("0"..."9").contains(before), before != "、", before != "第"
            else { continue }
            // The previous list item must be an amount in 万元.
            guard index > 0, figures[index - 1].measure == .money(.wanYuan) else { continue }
            figures[index].measure = .money(.wanYuan)
        }
    }

    /// The last value stated of `subject` in this section (an amount, or a completion's 决算).
    private func currentValue(of subject: String) -> Money? {
        for statement in statements.reversed() where statement.subject == subject {
            switch statement.claim {
            case .amount(let value): return value
            case .completion(_, let actual?, _, _): return actual
            default: continue
            }
        }
        return nil
    }

    /// The `…（项）` name written last before `offset` (after `start`): the item a `年初预算为…` sentence is about,
    /// `1、卫生健康支出(类)…(项)。` or `“一般公共服务(类)…(项)”20.04万元，…`.
    static func itemName(in text: [Unicode.Scalar], before offset: Int, after start: Int) -> String? {
        var end = offset - 3
        while end >= start {
            if text[end] == "(", text[end + 1] == "项", text[end + 2] == ")" { break }
            end -= 1
        }
        guard end >= start else { return nil }
        var begin = end
        while begin > start, !["。", "“", "”", ":", ";", "，"].contains(text[begin - 1]) { begin -= 1 }
        let name = NarrativeText.string((text[begin..<(end + 3)]))
        return TextNormalization.leadingOrdinal(name).map { String($0.rest) } ?? name
    }

    /// The range of the last occurrence of `needle` in `text`, by bytes.
    static func lastRange(of needle: String, in text: String) -> Range<String.Index>? {
        var found: Range<String.Index>?
        var rest = text[...]
        while let range = rest.byteRange(of: needle) {
            found = range
            rest = rest[range.upperBound...]
        }
        return found
    }

    /// The direction of the change still waiting for its percentage (`各减少8.51万元，3.8%`).
    private func pendingDirection(_ index: Int?) -> (ChangeDirection, String)? {
        guard let index, case .change(_, let direction, _, nil, _, _) = statements[index].claim else { return nil }
        return (direction, "")
    }

    /// `增加(减少)`, `增长（下降）`, `小于(大于)`: a template alternative left unresolved — not a statement.
    static func hasUnresolvedAlternative(_ lead: String) -> Bool {
        ["增加(减少)", "减少(增加)", "增长(下降)", "下降(增长)", "大于(小于)", "小于(大于)"].contains { lead.containsText($0) }
    }

    /// The words after each completion, up to the next one: 大于/小于/持平/一致/年初无预算.
    private mutating func attachWording(_ text: [Unicode.Scalar], _ completions: [(index: Int, start: Int, end: Int)]) {
        for (position, completion) in completions.enumerated() {
            let stop: Int
            if position + 1 < completions.count {
                stop = Self.sentenceStart(in: text, before: completions[position + 1].start)
            } else {
                stop = text.count
            }
            guard completion.end < stop else { continue }
            let after = NarrativeText.string((text[completion.end..<stop]))
            var wording: [BudgetWording] = []
            if after.containsText("无预算") { wording.append(.noBudget) }
            let greater = after.containsText("大于"), less = after.containsText("小于")
            if greater && !less { wording.append(.greater) }
            if less && !greater { wording.append(.less) }
            if after.containsText("基本持平") || after.containsText("基本一致") {
                wording.append(.roughlyEqual)
            } else if after.containsText("持平") || after.containsText("一致") || after.containsText("等于") {
                wording.append(.equal)
            }
            if case .completion(let budget, let actual, let rate, _) = statements[completion.index].claim {
                statements[completion.index].claim = .completion(budget: budget, actual: actual, rate: rate, wording: wording)
            }
        }
    }

    private func location(_ paragraph: NarrativeText.Paragraph, at offset: Int) -> SourceLocation {
        let lines = section.body.lines
        let index = paragraph.lines[min(offset, paragraph.lines.count - 1)]
        return lines[index].source
    }

    // MARK: - Words

    static let budgetWords = [
        "年初预算数为", "年初预算为", "全年预算数为", "全年预算为", "预算数为", "预算为", "年初预算数", "年初预算",
    ]
    static let actualWords = ["支出决算数为", "支出决算为", "决算数为", "决算为", "执行数为"]

    /// `…各增加`, `比上年减少`, `增长`, `下降`, `增加了`: the direction and the words before it.
    static func changeWord(at lead: String) -> (ChangeDirection, String)? {
        let words: [(String, ChangeDirection)] = [
            ("增加了", .increase), ("减少了", .decrease), ("增加", .increase), ("减少", .decrease),
            ("增长", .increase), ("下降", .decrease), ("上升", .increase),
        ]
        for (word, direction) in words where lead.hasByteSuffix(word) {
            var rest = String(lead.dropLast(word.count))
            if rest.hasByteSuffix("各") { rest.removeLast() }
            return (direction, rest)
        }
        return nil
    }

    static func suffix(of lead: String, among words: [String]) -> String? {
        for word in words where lead.hasByteSuffix(word) { return String(lead.dropLast(word.count)) }
        return nil
    }

    /// The subject named by `lead`: without a year prefix, a `其中：`, list punctuation and a trailing `为`.
    static func subject(_ lead: String, fallback: String) -> String {
        var text = Substring(lead)
        if let compared = text.byteRange(of: "相比") { text = text[compared.upperBound...] }
        if text.hasBytePrefix("比") || text.hasBytePrefix("较") { return fallback }  // 比上年, 较上年, 比2021年度决算数
        if text.hasBytePrefix("年度") {
            text = text.dropFirst(2)
        } else if text.hasBytePrefix("年"), !text.hasBytePrefix("年初"), !text.hasBytePrefix("年末") {
            text = text.dropFirst()
        }
        for prefix in ["本部门", "本单位", "我单位", "我局"] where text.hasBytePrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        for suffix in ["均为", "为", "是", "共计", "决算"] where text.hasByteSuffix(suffix) { text = text.dropLast(suffix.count) }
        let result = String(text)
        return result.isEmpty ? fallback : result
    }

    /// The lead with list punctuation and a `其中：` before it removed.
    static func clean(_ lead: String) -> String {
        var text = Substring(lead)
        if let colon = text.lastIndex(where: { $0 == ":" }) { text = text[text.index(after: colon)...] }
        while let first = text.first, "、，,.);；:".contains(first) { text = text.dropFirst() }
        if text.hasBytePrefix("其中") { text = text.dropFirst(2) }
        return String(text)
    }

    /// Where a figure's lead starts: after the previous figure or the last clause mark before the figure.
    static func boundary(in text: [Unicode.Scalar], from previous: Int, to start: Int) -> Int {
        var index = start
        while index > previous {
            let scalar = text[index - 1]
            if scalar == "，" || scalar == "," || scalar == ";" || scalar == "。" { return index }
            index -= 1
        }
        return previous
    }

    /// The sentence around `offset`, at most 100 characters, for quoting.
    static func sentence(in text: [Unicode.Scalar], around offset: Int) -> String {
        var start = offset
        while start > 0, text[start - 1] != "。", text[start - 1] != ";", offset - start < 60 { start -= 1 }
        var end = offset
        while end < text.count, text[end] != "。", text[end] != ";", end - offset < 40 { end += 1 }
        return NarrativeText.string((text[start..<end]))
    }

    static func sentenceStart(in text: [Unicode.Scalar], before offset: Int) -> Int {
        var start = min(offset, text.count)
        while start > 0, text[start - 1] != "。" { start -= 1 }
        return start
    }

    /// `(一)…` opens a subsection.
    static func startsSubsection(_ text: [Unicode.Scalar]) -> Bool {
        text.count > 2 && text[0] == "(" && "一二三四五六七八九十".unicodeScalars.contains(text[1])
    }

    /// The 类/款/项 name an item paragraph opens with, `1、卫生健康支出(类)…(项)。`, when no figure precedes it.
    static func itemSubject(_ text: [Unicode.Scalar], figures: [NarrativeFigure]) -> String? {
        guard text.indices.dropLast(2).contains(where: { text[$0] == "(" && text[$0 + 1] == "项" && text[$0 + 2] == ")" })
        else { return nil }
        let string = NarrativeText.string((text))
        guard let item = string.byteRange(of: "(项)") else { return nil }
        let end = string.unicodeScalars.distance(from: string.unicodeScalars.startIndex, to: item.upperBound)
        if let first = figures.first(where: { $0.measure != .other }), first.start < end { return nil }
        let name = String(string[..<item.upperBound])
        return TextNormalization.leadingOrdinal(name).map { String($0.rest) } ?? name
    }
}
