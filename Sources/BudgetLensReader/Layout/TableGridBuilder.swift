import BudgetLensCore

/// One page's part of a table: the fragments between the title (or the top of a continuation page) and the
/// table's end.
struct TableSegment {
    var page: Int
    var em: Double
    var fragments: [Fragment]
}

/// Something the reconstruction could not decide for certain, reported as a low-confidence read problem.
struct LayoutNote {
    var code: String
    var message: String
    var table: TableID?
    /// Where: the fragment concerned.
    var page: Int
    var origin: WordOrigin
    /// An info unless said otherwise.
    var severity: Severity = .info
}

/// Rebuilds a table's grid from positioned fragments: columns from the body cells and the header, rows from
/// the codes (or the labels, or the amounts), wrapped labels joined, cells placed by position and, where the
/// position leaves a choice, by the table's own identities. The result is tab-separated rows in the form the
/// text reader reads, each field remembering its origin.
struct TableGridBuilder {
    let table: TableID
    let source: LayoutSource

    private(set) var notes: [LayoutNote] = []

    init(table: TableID, source: LayoutSource) {
        self.table = table
        self.source = source
    }

    /// The rebuilt rows, header rows first on each page.
    mutating func build(_ segments: [TableSegment]) -> [SynthesizedLine] {
        // The code columns are where the header prints `类`, one per block (the header is on the first page only).
        // (Each segment's fragments tested where they are, not copied into one array first.)
        var codeColumns: [Double] = []
        for segment in segments {
            for fragment in segment.fragments where TableGridBuilder.isClassHeading(fragment) {
                codeColumns.append(fragment.x0)
            }
        }
        var split = segments.map { segment in
            splitHeader(
                TableSegment(
                    page: segment.page, em: segment.em,
                    fragments: realignShiftedLines(splitGluedCodes(segment), codeColumns: codeColumns.sorted())))
        }
        if source == .layoutText { alignContinuationPages(&split) }
        let em = segments.map(\.em).max() ?? 10
        let finder = BandFinder(source: source, em: em)
        let bodies = split.map { part in
            part.body.map { item in
                var fragment = item.fragment
                fragment.isTotal = part.totals.contains(item.id)
                return fragment
            }
        }
        // Layout text: each page places its characters anew, so a header repeated on a continuation page stands at
        // other columns than the first page's; the first page's header alone makes the columns.
        let headers = source == .layoutText && !(split.first?.header.isEmpty ?? true) ? Array(split.prefix(1)) : split
        let bands = finder.bands(
            body: bodies.joined().filter { !$0.isTotal && (source == .pdf || $0.kind != .amount) },
            header: headers.flatMap { $0.header.map(\.fragment) }, totals: bodies.joined().filter(\.isTotal))
        var lines: [SynthesizedLine] = []
        let identity = RowIdentity(bands: bands)  // the same bands on every page
        for (index, (part, body)) in zip(split, bodies).enumerated() {
            // (A header repeated on a continuation page of layout text would fall in the first page's columns
            // askew, and be read as a row: it is not written.)
            if index == 0 || headers.count == split.count {
                lines += headerLines(
                    part.header.map(\.fragment), bands: bands, finder: finder, page: part.page, em: part.em)
            }
            var rows = RowAssembler(
                table: table, source: source, bands: bands, finder: finder, em: part.em, page: part.page,
                identity: identity)
            lines += rows.lines(body: body)
            notes += rows.notes
        }
        return lines
    }

    /// Whether a fragment is the header's `类` (its key is `类`). Only a text fragment can be (an amount or digits
    /// keys to itself), and only one that holds 类 (U+7C7B) or U+FAAE, the one scalar canonically equal to it
    /// (Python's `unicodedata`): the key is scalar by scalar, so other fragments are not keyed.
    static func isClassHeading(_ fragment: Fragment) -> Bool {
        fragment.kind == .text && (fragment.text.containsText("类") || fragment.text.containsText("\u{FAAE}"))
            && TextNormalization.layoutKey(fragment.text) == "类"
    }

    /// Layout text: pdftotext places each page's characters anew, so a table continued on the next page stands at
    /// other columns there. Where the continuation page repeats the header, its header words are matched to the
    /// first page's (the same word, the same occurrence left to right) and every fragment of the page is moved by
    /// linear interpolation between the matched words' centres (beyond the outermost, by their shift). Pages
    /// without a repeated header, or with fewer than two matched words, stay as they are.
    private func alignContinuationPages(_ split: inout [SplitSegment]) {
        guard let first = split.first, !first.header.isEmpty else { return }
        func occurrences(_ header: [Numbered]) -> [String: [Double]] {
            var result: [String: [Double]] = [:]
            for item in header.sorted(by: { $0.fragment.x0 < $1.fragment.x0 }) {
                result[TextNormalization.layoutKey(item.fragment.text), default: []].append(item.fragment.center)
            }
            return result
        }
        let reference = occurrences(first.header)
        for index in split.indices.dropFirst() where !split[index].header.isEmpty {
            var anchors: [(from: Double, to: Double)] = []
            for (word, centres) in occurrences(split[index].header) {
                guard let targets = reference[word], targets.count == centres.count else { continue }
                anchors += zip(centres, targets).map { ($0, $1) }
            }
            anchors.sort { $0.from < $1.from }
            // Keep the anchors that keep their order on the first page (a word matched out of order is dropped).
            var kept: [(from: Double, to: Double)] = []
            for anchor in anchors where kept.last.map({ anchor.from > $0.from && anchor.to > $0.to }) ?? true {
                kept.append(anchor)
            }
            guard kept.count >= 2 else { continue }
            func map(_ x: Double) -> Double {
                guard let upper = kept.firstIndex(where: { $0.from >= x }) else { return x + (kept.last!.to - kept.last!.from) }
                if upper == 0 { return x + (kept[0].to - kept[0].from) }
                let a = kept[upper - 1]
                let b = kept[upper]
                return a.to + (x - a.from) * (b.to - a.to) / (b.from - a.from)
            }
            func moved(_ item: Numbered) -> Numbered {
                var fragment = item.fragment
                let centre = map(fragment.center)
                let shift = centre - fragment.center
                fragment.x0 += shift
                fragment.x1 += shift
                return Numbered(id: item.id, fragment: fragment)
            }
            split[index].header = split[index].header.map(moved)
            split[index].body = split[index].body.map(moved)
        }
    }

    // MARK: Header and body

    private struct Numbered {
        let id: Int
        let fragment: Fragment
    }

    private struct SplitSegment {
        var page: Int
        var em: Double
        var header: [Numbered]
        var body: [Numbered]
        /// Ids of the body fragments that are row totals (`合计`, `总计`, `本年收入合计`).
        var totals: Set<Int>
    }

    /// Splits a segment at the first body row: the first code, or for 公开01/04 the first standard row label,
    /// or for the code tables a leading `合计`; failing these the first amount. Amounts are always body.
    private func splitHeader(_ segment: TableSegment) -> SplitSegment {
        let fragments = segment.fragments.enumerated().map { Numbered(id: $0.offset, fragment: $0.element) }
        // Each text fragment's key, computed once (by fragment id); empty for amounts and digits.
        let keys = segment.fragments.map { $0.kind == .text ? TextNormalization.layoutKey($0.text) : "" }
        let tolerance = 0.35 * segment.em
        // The baseline of the first body row found so far (only the first matters: a line below it cannot move it).
        var firstStart = Double.infinity
        var totals: Set<Int> = []
        let left = segment.fragments.map { $0.x0 }.min() ?? 0
        let right = segment.fragments.map { $0.x1 }.max() ?? 0
        // The baselines of the `项目` heads (公开01/04), found once: a standard label on one of their lines is a head.
        let itemHeadBaselines = segment.fragments.indices.filter { keys[$0] == "项目" }.map {
            segment.fragments[$0].baseline
        }
        for item in fragments {
            let fragment = item.fragment
            if fragment.kind == .digits, [3, 5, 7].contains(fragment.text.count) {
                firstStart = min(firstStart, fragment.baseline)
            }
            guard fragment.kind == .text else { continue }
            let key = keys[item.id]
            let isTotal = HeaderWords.isTotal(key)
            if isTotal { totals.insert(item.id) }
            guard fragment.baseline < firstStart else { continue }
            switch table {
            case .incomeExpenditureSummary, .appropriationSummary:
                // A standard label on the line that prints `项目` is a column head (上海 04's `一般公共预算财政拨款`
                // when its column is wide enough not to wrap it), not a row.
                if !itemHeadBaselines.contains(where: { abs($0 - fragment.baseline) <= tolerance }),
                    isStandardLabel(fragment.text)
                {
                    firstStart = fragment.baseline
                }
            case .income, .expenditure, .generalBudgetExpenditure, .governmentFund, .stateCapital:
                // `合计` on the left (a total row), not a column header such as `合计 | 基本支出`.
                if key == "合计" || key == "总计", fragment.center - left < 0.45 * (right - left),
                    !segment.fragments.contains(where: {
                        $0.kind == .amount && abs($0.baseline - fragment.baseline) <= tolerance && $0.x1 <= fragment.x0
                    }),
                    // `合计   基本支出 项目支出`: column headings beside it make it one of them.
                    !segment.fragments.indices.contains(where: {
                        let other = segment.fragments[$0]
                        return other.kind == .text && abs(other.baseline - fragment.baseline) <= tolerance
                            && other.x0 > fragment.x1 && HeaderWords.columnNames.contains(keys[$0])
                    })
                {
                    firstStart = fragment.baseline
                }
            default:
                break
            }
        }
        var bodyStart = firstStart
        if bodyStart == .infinity {
            bodyStart = segment.fragments.filter { $0.kind == .amount }.map(\.baseline).min() ?? .infinity
        }
        var header: [Numbered] = []
        var body: [Numbered] = []
        for item in fragments {
            if item.fragment.baseline < bodyStart - tolerance, item.fragment.kind != .amount {
                header.append(item)
            } else {
                body.append(item)
            }
        }
        let bodyText = body.map { $0.fragment }.filter { $0.kind == .text }
        header.removeAll { item in
            // The first line of a label wrapped above its row's code is body: just above, in the label column.
            let fragment = item.fragment
            guard fragment.kind == .text, fragment.baseline >= bodyStart - 1.5 * segment.em,
                !HeaderWords.standalone.contains(keys[item.id]),
                bodyText.contains(where: { $0.overlap(fragment.x0, fragment.x1) > 0.5 * fragment.width })
            else { return false }
            body.append(item)
            return true
        }
        body.removeAll { item in
            // Column words printed on the first body line (`类 | 款 | 项 | 合计 | …`) are header.
            // The line first: it rules out most fragments before their keys are compared.
            let key = keys[item.id]
            guard item.fragment.kind == .text, abs(item.fragment.baseline - bodyStart) <= tolerance, key != "合计",
                key != "总计", HeaderWords.standalone.contains(key)
            else { return false }
            header.append(item)
            return true
        }
        // A total word in the header (`本年收入合计` as a column name) is a header word, not a row total.
        // Ids are the fragments' offsets in the segment: a flag per id, not a set of them.
        var inBody = [Bool](repeating: false, count: segment.fragments.count)
        for item in body { inBody[item.id] = true }
        totals = totals.filter { inBody[$0] }
        return SplitSegment(page: segment.page, em: segment.em, header: header, body: body, totals: totals)
    }

    private func isStandardLabel(_ text: String) -> Bool {
        StandardRows.isStandardRow(text, in: table)
            || TextNormalization.leadingOrdinal(text).map { $0.style == .chinese } == true
    }

    /// Splits `310资本性支出` (a code printed against its label) into the code and the label.
    /// Layout text of a side-by-side table (公开06): where the left block has no more rows, pdftotext moves the
    /// right block's lines left (`310 19 其他交通工具购置` under the left block's amounts). A line that starts with a
    /// 类 code standing in no code column of the page (columns: where the header prints `类`) is moved right to the
    /// next such column; so is the right block's `公用经费合计` with what follows it on its line.
    private func realignShiftedLines(_ fragments: [Fragment], codeColumns columns: [Double]) -> [Fragment] {
        guard source == .layoutText, table == .generalBudgetBasicExpenditure else { return fragments }
        let lines = Dictionary(grouping: fragments.indices) { fragments[$0].baseline }
        var firstCodes: [Double: Int] = [:]  // baseline → index of the line's first fragment when it is a 类 code
        for (baseline, indices) in lines {
            guard let first = indices.min(by: { fragments[$0].x0 < fragments[$1].x0 }),
                fragments[first].kind == .digits, fragments[first].text.count == 3
            else { continue }
            firstCodes[baseline] = first
        }
        guard columns.count >= 2 else { return fragments }
        var result = fragments
        // `人员经费合计 2,152.26 公用经费合计 184.65` squeezed left: the right block's total and what follows it.
        for (_, indices) in lines {
            guard
                let total = indices.first(where: { TextNormalization.layoutKey(fragments[$0].text) == "公用经费合计" }),
                let target = columns.last, fragments[total].x0 < target - 1
            else { continue }
            let shift = target - fragments[total].x0
            for index in indices where fragments[index].x0 >= fragments[total].x0 {
                result[index].x0 += shift
                result[index].x1 += shift
            }
        }
        for (baseline, first) in firstCodes {
            let x0 = fragments[first].x0
            guard !columns.contains(where: { abs($0 - x0) <= 1 }), let target = columns.first(where: { $0 > x0 })
            else { continue }
            for index in lines[baseline] ?? [] {
                result[index].x0 += target - x0
                result[index].x1 += target - x0
            }
        }
        return result
    }

    private func splitGluedCodes(_ segment: TableSegment) -> [Fragment] {
        var result: [Fragment] = []
        result.reserveCapacity(segment.fragments.count)
        for fragment in segment.fragments {
            // A code is glued only to a text that starts with an ASCII digit byte (else its first `Character` is no
            // ASCII digit and no code leads it): most fragments are ruled out without walking `Character`s.
            guard fragment.kind == .text, fragment.text.utf8.first.map({ (0x30...0x39).contains($0) }) == true else {
                result.append(fragment)
                continue
            }
            let digits = fragment.text.prefix { $0.isASCII && $0.isNumber }
            guard fragment.kind == .text, [3, 5, 7].contains(digits.count),
                let next = fragment.text.dropFirst(digits.count).unicodeScalars.first, TextNormalization.isWide(next)
            else {
                result.append(fragment)
                continue
            }
            let rest = String(fragment.text.dropFirst(digits.count))
            let restUnits = rest.unicodeScalars.reduce(0.0) { $0 + (TextNormalization.isWide($1) ? 2 : 1) }
            let units = Double(digits.count) + restUnits
            let split =
                source == .layoutText
                ? fragment.x0 + Double(digits.count)
                : fragment.x0 + fragment.width * Double(digits.count) / max(1, units)
            let origin: (WordOrigin, WordOrigin)
            switch fragment.origin {
            case .text(let line, let column):
                origin = (fragment.origin, .text(line: line, column: column + digits.count))
            case .box(let region):
                origin = (
                    .box(PageRegion(x0: region.x0, y0: region.y0, x1: split, y1: region.y1)),
                    .box(PageRegion(x0: split, y0: region.y0, x1: region.x1, y1: region.y1))
                )
            }
            result.append(
                Fragment(
                    text: String(digits), x0: fragment.x0, x1: split, baseline: fragment.baseline,
                    page: fragment.page, origin: origin.0))
            result.append(
                Fragment(
                    text: rest, x0: split + (source == .layoutText ? 0 : 0.1), x1: fragment.x1,
                    baseline: fragment.baseline, page: fragment.page, origin: origin.1))
        }
        return result
    }

    // MARK: Header rows

    /// The header rows, with wrapped header cells (`本年收入合` / `计`) joined into their first line.
    private func headerLines(
        _ fragments: [Fragment], bands: [Band], finder: BandFinder, page: Int, em: Double
    ) -> [SynthesizedLine] {
        guard !fragments.isEmpty else { return [] }
        var cells = fragments.sorted { $0.baseline < $1.baseline }.map { fragment in
            (fragment: fragment, band: finder.bestBand(for: fragment, in: bands) ?? 0)
        }
        // Join a cell's wrapped lines: same column, one line apart, centred alike or one inside the other. Whether
        // a cell is a standalone word is worked out once per cell (again for a joined one), not at every test.
        func isStandalone(_ fragment: Fragment) -> Bool {
            HeaderWords.standalone.contains(TextNormalization.layoutKey(fragment.text))
        }
        var standalone = cells.map { isStandalone($0.fragment) }
        var index = 0
        while index < cells.count {
            let upper = cells[index]
            if let next = cells.indices[(index + 1)...].first(where: { cells[$0].band == upper.band }),
                !standalone[index], !standalone[next],
                TableGridBuilder.stacked(upper.fragment, under: cells[next].fragment, em: em),
                cells[next].fragment.baseline - upper.fragment.baseline <= 1.8 * em
            {
                var joined = upper.fragment
                joined.text += cells[next].fragment.text
                joined.x0 = min(joined.x0, cells[next].fragment.x0)
                joined.x1 = max(joined.x1, cells[next].fragment.x1)
                joined.origin = joined.origin.union(cells[next].fragment.origin)
                cells[index].fragment = joined
                standalone[index] = isStandalone(joined)
                cells.remove(at: next)
                standalone.remove(at: next)
                continue  // the joined cell may wrap once more
            }
            index += 1
        }
        // Rows by baseline.
        var rows: [[(fragment: Fragment, band: Int)]] = []
        var rowStart = -Double.infinity
        for cell in cells.sorted(by: { $0.fragment.baseline < $1.fragment.baseline }) {
            if rows.isEmpty || cell.fragment.baseline - rowStart > 0.35 * em {
                rows.append([cell])
                rowStart = cell.fragment.baseline
            } else {
                rows[rows.count - 1].append(cell)
            }
        }
        return rows.map { row in
            let fields: [(text: String, origin: WordOrigin?)] = bands.indices.map { band in
                let here = row.filter { $0.band == band }.sorted { $0.fragment.x0 < $1.fragment.x0 }
                return (here.map(\.fragment.text).joined(), here.first?.fragment.origin)
            }
            return SynthesizedLine.gridRow(fields, page: page)
        }
    }
}

extension TableGridBuilder {
    /// Whether two header lines look like one wrapped cell: centred alike, or one's extent inside the other's.
    static func stacked(_ upper: Fragment, under lower: Fragment, em: Double) -> Bool {
        if abs(upper.center - lower.center) <= 0.6 * em { return true }
        let slack = 0.5 * em
        return (lower.x0 >= upper.x0 - slack && lower.x1 <= upper.x1 + slack)
            || (upper.x0 >= lower.x0 - slack && upper.x1 <= lower.x1 + slack)
    }
}

/// Header words that are whole cells by themselves, never the first or second line of a wrapped one.
enum HeaderWords {
    static let standalone: Set<String> = [
        "项目", "收入", "支出", "合计", "小计", "行次", "栏次", "类", "款", "项", "金额", "决算数", "预算数", "科目名称", "科目编码",
    ]
    /// Whether a key names a row total: `合计`, `总计`, or a short `…合计` (`本年收入合计`, `人员经费合计`).
    static func isTotal(_ key: String) -> Bool {
        // Each case ends in the `Character` 计, which only the scalar U+8BA1 is (no other scalar is canonically
        // equal to it: Python's `unicodedata`): a key whose bytes do not end in it is none, found without comparing
        // `Character`s.
        guard key.hasByteSuffix("计") else { return false }
        return key == "合计" || key == "总计" || (key.hasSuffix("合计") && key.count <= 8)
    }

    /// Headings of an amount column: never attached to a code column beside them.
    static let amountNames: Set<String> = ["决算数", "预算数", "本年决算数"]

    /// Headings over a group of columns, never a column of their own.
    static let groups: Set<String> = ["项目", "收入", "支出"]

    /// Column headings that layout text may print one space apart (`基本支出 项目支出`): two of them side by
    /// side are two columns, never one phrase.
    static let columnNames: Set<String> = [
        "基本支出", "项目支出", "人员经费", "公用经费", "小计",
        // 公开04's 支出 columns by fund (Shandong, Hubei: `合计  一般公共预算财政拨款 政府性基金预算财政拨款 …`).
        "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款",
        // 公开01/04's `项目  行次 金额` and `行次 合计`; 公开06's blocks crowded on a continuation page (`金额 科目编码`).
        "行次", "金额", "合计", "科目编码", "科目名称", "决算数",
    ]

    /// Whether two words one space apart are two cells: the headings of two columns, two amounts with
    /// decimals (`2.85 0.39`, as layout text prints crowded columns), an amount and the next block's row label
    /// of 公开01/04 (`939.04 一、一般公共服务支出`, `939.31 本年支出合计`: a Chinese ordinal or a standard row), or a
    /// 行次 or code and an amount (`64 8,431.28`: digits never run into an amount with decimals), or a code and its
    /// label (`30311 代缴社会保险费`, a continuation page's crowded 公开06), or an amount and the next block's code
    /// (`0.00 30239`).
    static func areSeparateColumns(_ left: String, _ right: String) -> Bool {
        // The byte tests first; the set lookups and the row keys (which hash and normalise) last.
        if isDecimalAmount(left) {
            if isDecimalAmount(right) || isCode(right) || startsRow(right) { return true }
        } else if isDigits(left) {
            if isDecimalAmount(right) { return true }
            if isCode(left), right.unicodeScalars.first.map(TextNormalization.isIdeograph) == true { return true }
        }
        return columnNames.contains(left) && columnNames.contains(right)
    }

    /// `决算数 预算数` or `预算数 决算数`: the headings of two of 公开09's columns side by side.
    static func areBudgetPair(_ left: String, _ right: String) -> Bool {
        amountNames.contains(left) && amountNames.contains(right)
    }

    /// `301`, `30311`, `2010601`: a classification code (3, 5 or 7 digits).
    private static func isCode(_ word: String) -> Bool {
        [3, 5, 7].contains(word.utf8.count) && isDigits(word)
    }

    /// A word of ASCII digits alone (`64`, `30311`). On the bytes: a `Character` that is an ASCII digit is one
    /// byte `0`–`9`, and a word of such bytes alone is such `Character`s alone (a combining mark after a digit
    /// is a byte of its own ≥ 0x80).
    private static func isDigits(_ word: String) -> Bool {
        word.withUTF8Bytes { bytes in !bytes.isEmpty && bytes.allSatisfy(isDigit) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// `一、一般公共服务支出`, `本年支出合计`, `年末结转和结余`: a label that starts a row of 公开01/04; a total
    /// (`公用经费合计`, 公开06).
    private static func startsRow(_ word: String) -> Bool {
        TextNormalization.leadingOrdinal(word).map { $0.style == .chinese } == true
            || isTotal(TextNormalization.layoutKey(word))
            || StandardRows.isStandardRowOfEitherSummary(word)
    }

    /// `2.85`, `1,503.52`, `-0.94`: an optional `-`, an ASCII digit, digits and commas, a point and one or two
    /// digits. On the bytes, as ``isDigits(_:)``: every byte of such a word is ASCII, and a byte ≥ 0x80 (a
    /// combining mark, another digit script) makes it none, as it makes a `Character` no ASCII digit.
    private static func isDecimalAmount(_ word: String) -> Bool {
        word.withUTF8Bytes { bytes in
            var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
            guard index < bytes.count, isDigit(bytes[index]) else { return false }
            while index < bytes.count, bytes[index] != UInt8(ascii: ".") {
                guard isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ",") else { return false }
                index += 1
            }
            let decimals = bytes.count - index - 1  // after the first point; -1 when there is none
            guard (1...2).contains(decimals) else { return false }
            return bytes[(index + 1)...].allSatisfy(isDigit)
        }
    }
}
