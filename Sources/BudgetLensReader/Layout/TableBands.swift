import BudgetLensCore

/// A column of a rebuilt table: its horizontal extent, what its body cells hold and its header words.
struct Band {
    enum Kind {
        /// Classification codes (`201`, `2010601`, or one of split `类 | 款 | 项`).
        case code
        /// Row labels (科目名称, 项目).
        case label
        /// Amounts, or a column blank in every row (known from its header only).
        case amount
        /// 行次: row numbers, never money.
        case lineNumber
    }

    var x0: Double
    var x1: Double
    var kind: Kind = .amount
    /// Header words attached to the column, with their baselines.
    var header: [(baseline: Double, text: String)] = []

    var center: Double { (x0 + x1) / 2 }

    /// The header words top to bottom, joined.
    var headerText: String { header.sorted { $0.baseline < $1.baseline }.map(\.text).joined() }

    func overlap(with fragment: Fragment) -> Double { fragment.overlap(x0, x1) }

    /// The horizontal distance from the fragment to the column: 0 when they overlap.
    func distance(to fragment: Fragment) -> Double {
        max(0, max(x0 - fragment.x1, fragment.x0 - x1))
    }
}

/// Finds a table's columns from its fragments.
///
/// Body cells define the columns (their extents, merged where they overlap); header words then attach to the
/// column they overlap most, bottom row first, and a header word over no column starts one of its own (a
/// column blank in every row). Total labels (`合计`), centred across merged cells, attach last. For
/// `pdftotext -layout` text, whose columns drift along a line, amounts do not define columns: the header does.
struct BandFinder {
    let source: LayoutSource
    let em: Double

    func bands(body: [Fragment], header: [Fragment], totals: [Fragment]) -> [Band] {
        // A left-aligned header (an HTML table printed by a browser): each column runs from its heading to the next
        // heading, and a heading never joins a column it only touches (LeftAlignedHeader).
        let leftAligned = source == .pdf && LeftAlignedHeader.holds(header, em: em)
        let header =
            leftAligned
            ? LeftAlignedHeader.widened(header, right: (body + header).map(\.x1).max() ?? 0, em: em) : header
        var bands: [Band] = []
        switch source {
        case .pdf:
            bands = union(body)
        case .layoutText:
            bands =
                codeBands(body).map { kinded($0, .code) }
                // A template's `…` rows stand in the code and label columns; they make no column of their own.
                + union(body.filter { $0.kind == .text && !RowAssembler.isEllipsis($0.text) }).map { kinded($0, .label) }
            bands.sort { $0.x0 < $1.x0 }
        }
        // Layout text: the 栏次 numbers (`栏次 1 2 3 …`) are right-aligned over the amounts while the headings are
        // centred and, a Chinese character being one column wide, narrower than printed, so a number may stand
        // just beside its heading: it names that column and makes none of its own (it is attached last).
        let numbers = source == .layoutText ? Self.columnNumbers(in: header) : []
        for index in header.indices.sorted(by: { header[$0].baseline > header[$1].baseline }) where !numbers.contains(index) {
            attach(header[index], to: &bands, touching: !leftAligned)
        }
        for fragment in totals { attach(fragment, to: &bands, touching: !leftAligned) }
        for index in numbers.sorted() { attachNumber(header[index], to: &bands) }
        classify(&bands, body: body)
        return bands
    }

    private func kinded(_ band: Band, _ kind: Band.Kind) -> Band {
        var band = band
        band.kind = kind
        return band
    }

    /// Layout text: the code columns. The extents of the code fragments merged where they overlap; but when
    /// that makes more columns than a row prints codes (`201 06 01` placed at other columns on a continuation
    /// page, as pdftotext's `-enc GBK` grid differs from page to page), the extents of the rows' first, second,
    /// … codes, provided those columns do not overlap.
    private func codeBands(_ body: [Fragment]) -> [Band] {
        let digits = body.filter { $0.kind == .digits }
        let merged = union(digits)
        // The most codes on one printed line, counted before the lines' fragments are gathered (most tables stop here).
        var perLine: [PrintedLine: Int] = [:]
        for fragment in digits { perLine[PrintedLine(page: fragment.page, baseline: fragment.baseline), default: 0] += 1 }
        let widest = perLine.values.max() ?? 0
        guard merged.count > widest, widest > 0 else { return merged }
        let rows = Dictionary(grouping: digits, by: { PrintedLine(page: $0.page, baseline: $0.baseline) }).values
        var ordinal: [Band] = []
        for row in rows {
            for (index, fragment) in row.sorted(by: { $0.x0 < $1.x0 }).enumerated() {
                if index < ordinal.count {
                    ordinal[index].x0 = min(ordinal[index].x0, fragment.x0)
                    ordinal[index].x1 = max(ordinal[index].x1, fragment.x1)
                } else {
                    ordinal.append(Band(x0: fragment.x0, x1: fragment.x1))
                }
            }
        }
        guard zip(ordinal, ordinal.dropFirst()).allSatisfy({ $0.x1 <= $1.x0 }) else { return merged }
        return ordinal
    }

    /// Extents of the fragments, merged where they overlap.
    private func union(_ fragments: [Fragment]) -> [Band] {
        var bands: [Band] = []
        for fragment in fragments.sorted(by: { $0.x0 < $1.x0 }) {
            if let last = bands.last, fragment.x0 < last.x1 {
                bands[bands.count - 1].x1 = max(last.x1, fragment.x1)
            } else {
                bands.append(Band(x0: fragment.x0, x1: fragment.x1))
            }
        }
        return bands
    }

    /// Attaches a header word to the column it overlaps most, or (`touching`) one it is just beside, or starts a
    /// column.
    private func attach(_ fragment: Fragment, to bands: inout [Band], touching: Bool = true) {
        let best = bands.indices.max { bands[$0].overlap(with: fragment) < bands[$1].overlap(with: fragment) }
        if let best, bands[best].overlap(with: fragment) > 0 {
            bands[best].header.append((fragment.baseline, fragment.text))
            return
        }
        // A header word just beside a column (centred over left-aligned codes) is that column's; so is a
        // group heading (`收入`, `支出`, `项目`), which names columns rather than being one.
        // An amount heading (`决算数`) is never a code column's: in layout text a block's amount column blank in
        // every row (公开06 of a blank template) ends where the next block's codes begin.
        let key = TextNormalization.layoutKey(fragment.text)
        let nearest = bands.indices.min { bands[$0].distance(to: fragment) < bands[$1].distance(to: fragment) }
        if let nearest,
            (touching && bands[nearest].distance(to: fragment) <= 0.5 * em
                && !(bands[nearest].kind == .code && source == .layoutText && (HeaderWords.amountNames.contains(key) || key == "金额")))
                || HeaderWords.groups.contains(key)
        {
            bands[nearest].header.append((fragment.baseline, fragment.text))
            return
        }
        var band = Band(x0: fragment.x0, x1: fragment.x1)
        band.header.append((fragment.baseline, fragment.text))
        let index = bands.firstIndex { $0.x0 > fragment.x0 } ?? bands.count
        bands.insert(band, at: index)
    }

    /// The indices (in `header`) of the numbers of a header's 栏次 lines: a line (on each page) that starts with
    /// `栏次` and then prints the digits 1, 2, …, n (n ≥ 2) left to right, and nothing else but `栏次` again (公开01/04's
    /// 支出 block). Empty when there is no such line.
    static func columnNumbers(in header: [Fragment]) -> Set<Int> {
        // Keyed by page and baseline: a table continued on the next page repeats its header.
        let lines = Dictionary(grouping: header.indices, by: { PrintedLine(page: header[$0].page, baseline: header[$0].baseline) })
        var result: Set<Int> = []
        for (_, line) in lines {
            let sorted = line.sorted { header[$0].x0 < header[$1].x0 }
            guard let first = sorted.first, TextNormalization.layoutKey(header[first].text) == "栏次" else {
                continue
            }
            // `栏次 1 栏次 2 3 4 5`: 公开01/04 print the mark again over the 支出 block.
            let numbers = sorted.filter { TextNormalization.layoutKey(header[$0].text) != "栏次" }
            guard numbers.count >= 2,
                numbers.enumerated().allSatisfy({ header[$0.element].kind == .digits && header[$0.element].text == String($0.offset + 1) })
            else { continue }
            result.formUnion(numbers)
        }
        return result
    }

    /// A 栏次 number goes to the amount column it overlaps, or else the nearest one; it starts a column only when
    /// there is none.
    private func attachNumber(_ fragment: Fragment, to bands: inout [Band]) {
        let candidates = bands.indices.filter { bands[$0].kind != .code && bands[$0].kind != .label }
        let best = candidates.min { bands[$0].distance(to: fragment) < bands[$1].distance(to: fragment) }
        guard let best else { return attach(fragment, to: &bands) }
        bands[best].header.append((fragment.baseline, fragment.text))
    }

    /// Decides each column's kind from its body cells: codes, labels, amounts or 行次.
    private func classify(_ bands: inout [Band], body: [Fragment]) {
        for index in bands.indices {
            // In drifting text the body made the code and label columns and the header the amount columns.
            if source == .layoutText { break }
            var counts: [Fragment.Kind: Int] = [:]
            for fragment in body where bestBand(for: fragment, in: bands) == index {
                counts[fragment.kind, default: 0] += 1
            }
            let digits = counts[.digits] ?? 0
            let amounts = counts[.amount] ?? 0
            let texts = counts[.text] ?? 0
            if digits > amounts, digits >= texts {
                let key = TextNormalization.layoutKey(bands[index].headerText)
                bands[index].kind = key.contains("行次") ? .lineNumber : .code
            } else if texts > amounts, texts > digits {
                bands[index].kind = .label
            } else {
                bands[index].kind = .amount
            }
        }
        // Codes sit left of a label column; a digits column elsewhere (right of every label) numbers rows.
        if let firstLabel = bands.firstIndex(where: { $0.kind == .label }) {
            for index in bands.indices where bands[index].kind == .code && index > firstLabel {
                let hasLabelAfter = bands[(index + 1)...].contains { $0.kind == .label }
                if !hasLabelAfter { bands[index].kind = .lineNumber }
            }
        }
    }

    /// The column holding the fragment: the one it overlaps most, else the nearest.
    func bestBand(for fragment: Fragment, in bands: [Band]) -> Int? {
        guard !bands.isEmpty else { return nil }
        var best = 0
        var bestOverlap = -1.0
        var bestDistance = Double.infinity
        for (index, band) in bands.enumerated() {
            let overlap = band.overlap(with: fragment)
            let distance = abs(band.center - fragment.center)
            if overlap > bestOverlap || (overlap == bestOverlap && distance < bestDistance) {
                best = index
                bestOverlap = overlap
                bestDistance = distance
            }
        }
        return best
    }

    /// The column of a fragment among those of the given kinds: the one it overlaps most, else the nearest
    /// by centre. (`kinds` is an array: one or two kinds, tested without hashing.)
    func bestBand(for fragment: Fragment, in bands: [Band], kinds: [Band.Kind]) -> Int? {
        var best: Int?
        var bestScore = -Double.infinity
        for (index, band) in bands.enumerated() where kinds.contains(band.kind) {
            let overlap = band.overlap(with: fragment)
            let score = overlap > 0 ? overlap : -abs(band.center - fragment.center)
            if score > bestScore {
                best = index
                bestScore = score
            }
        }
        return best
    }
}

/// A printed line of a table, to group fragments by: the page and the exact baseline (its bits, so that ±0 are two
/// lines, as their texts `0.0` and `-0.0` were when the key was `"page baseline"`; hashing two numbers is what
/// formatting a `Double` into a `String` per fragment cost).
struct PrintedLine: Hashable {
    let page: Int
    let baseline: UInt64

    init(page: Int, baseline: Double) {
        self.page = page
        self.baseline = baseline.bitPattern
    }
}
