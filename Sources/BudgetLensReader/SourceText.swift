import BudgetLensCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lines of a text document with their 1-based numbers and the pages that page footers
/// (`第4页，共102页`) make known.
struct SourceText {
    /// The file name used in source locations.
    let file: String
    /// The lines, without line terminators.
    let lines: [Substring]
    /// The page of each line, where the footers determine it.
    private(set) var pages: [Int?]
    /// For text rebuilt from page positions (a PDF, `pdftotext -layout` text): where each line was read.
    let provenance: LayoutProvenance?

    /// The whole text, contiguous UTF-8.
    private let text: String
    /// The byte offset where each line starts.
    private let lineStarts: [Int]
    /// Per line: bit 0 holds a tab (a table row), bit 1 is blank.
    private let flags: [UInt8]
    private static let gridFlag: UInt8 = 1
    private static let blankFlag: UInt8 = 2

    init(file: String, text: String, provenance: LayoutProvenance? = nil) {
        self.file = file
        self.provenance = provenance
        var text = text
        text.makeContiguousUTF8()
        var ranges: [(start: Int, end: Int)] = []
        var flags: [UInt8] = []
        // Line feeds and tabs are ASCII, so every split point is a valid String index; memchr does the scanning.
        text.utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var start = 0
            while start < count {
                let next: Int =
                    memchr(base + start, 0x0A, count - start).map {
                        base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                    }
                    ?? count
                var end = next
                if end > start, base[end - 1] == 0x0D { end -= 1 }
                var lineFlags: UInt8 = 0
                if end > start, memchr(base + start, 0x09, end - start) != nil { lineFlags |= SourceText.gridFlag }
                if SourceText.isBlank(base, from: start, to: end) { lineFlags |= SourceText.blankFlag }
                ranges.append((start, end))
                flags.append(lineFlags)
                start = next + 1
            }
        }
        self.text = text
        lineStarts = ranges.map(\.start)
        let utf8 = text.utf8
        lines = ranges.map { range in
            text[utf8.index(utf8.startIndex, offsetBy: range.start)..<utf8.index(utf8.startIndex, offsetBy: range.end)]
        }
        self.flags = flags
        pages = []
        pages = pageNumbers()
    }

    /// True when the bytes hold only spaces, tabs, ideographic spaces (U+3000), no-break spaces and byte-order marks.
    private static func isBlank(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            switch base[index] {
            case 0x20, 0x09, 0x0B, 0x0C, 0x0D:
                index += 1
            case 0xE3 where index + 2 < end && base[index + 1] == 0x80 && base[index + 2] == 0x80:
                index += 3
            case 0xEF where index + 2 < end && base[index + 1] == 0xBB && base[index + 2] == 0xBF:
                index += 3  // U+FEFF: a byte-order mark left inside the text (files joined, each with its BOM)
            case 0xC2 where index + 1 < end && base[index + 1] == 0xA0:
                index += 2
            default:
                return false
            }
        }
        return true
    }

    /// The indices of the lines of at most `maximumLength` bytes that contain `needle`, ascending: one byte
    /// search over the whole text.
    func lines(containing needle: String, maximumLength: Int = .max) -> [Int] {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return [] }
        // Anchor the scan on the pattern's third byte: in Chinese text a continuation byte is far rarer than the
        // few lead bytes (E4–E9) that start most characters.
        let anchorIndex = min(2, pattern.count - 1)
        let anchor = Int32(pattern[anchorIndex])
        let found: [Int]? = text.utf8.withContiguousStorageIfAvailable { buffer -> [Int] in
            guard let base = buffer.baseAddress, buffer.count >= pattern.count else { return [] }
            var result: [Int] = []
            var line = 0
            var offset = anchorIndex
            let lastAnchor = buffer.count - pattern.count + anchorIndex
            while offset <= lastAnchor {
                guard let pointer = memchr(base + offset, anchor, lastAnchor - offset + 1) else { break }
                let anchorPosition: Int = base.distance(to: pointer.assumingMemoryBound(to: UInt8.self))
                let hit: Int = anchorPosition - anchorIndex
                if !SourceText.matches(base, at: hit, pattern) {
                    offset = anchorPosition + 1
                    continue
                }
                while line + 1 < lineStarts.count, lineStarts[line + 1] <= hit { line += 1 }
                if lines[line].utf8.count <= maximumLength { result.append(line) }
                guard line + 1 < lineStarts.count else { break }
                offset = lineStarts[line + 1] + anchorIndex
            }
            return result
        }
        return found ?? []
    }

    private static func matches(_ base: UnsafePointer<UInt8>, at position: Int, _ pattern: [UInt8]) -> Bool {
        for (offset, byte) in pattern.enumerated() where base[position + offset] != byte { return false }
        return true
    }

    var count: Int { lines.count }

    /// The location of the line at `index` (0-based), column `column` (1-based).
    func location(_ index: Int, column: Int = 1) -> SourceLocation {
        if let provenance { return provenance.location(index, column: column) }
        return SourceLocation(file: file, line: index + 1, column: column, page: pages[index])
    }

    /// The location of the field at `position` of a grid line.
    func location(_ line: GridLine, position: Int) -> SourceLocation {
        location(line.index, column: line.column(position))
    }

    /// True when the line holds nothing but whitespace.
    func isBlank(_ index: Int) -> Bool { flags[index] & SourceText.blankFlag != 0 }

    /// True when the line is a table row: it holds a tab.
    func isGridLine(_ index: Int) -> Bool { flags[index] & SourceText.gridFlag != 0 }

    /// The whitespace-normalised text of the line.
    func label(_ index: Int) -> String { TextNormalization.label(lines[index]) }

    /// Assigns pages from page footers `第N页，共M页`: the lines between the footers of pages N-1 and N are on
    /// page N. Lines before the first footer are known only when it is page 1's; lines after the last
    /// footer are not known.
    private func pageNumbers() -> [Int?] {
        var pages = [Int?](repeating: nil, count: lines.count)
        var footers: [(line: Int, page: Int)] = []
        for index in lines(containing: "页，共", maximumLength: 4096) {
            if let page = SourceText.footerPage(in: lines[index]) { footers.append((index, page)) }
        }
        var previous: (line: Int, page: Int)?
        for footer in footers {
            let start: Int?
            if let previous {
                start = previous.page + 1 == footer.page ? previous.line + 1 : nil
            } else {
                start = footer.page == 1 ? 0 : nil
            }
            if let start {
                for index in start...footer.line { pages[index] = footer.page }
            } else {
                pages[footer.line] = footer.page
            }
            previous = footer
        }
        return pages
    }

    /// The page number of a footer `第N页，共M页` in the line, if any.
    static func footerPage(in line: Substring) -> Int? {
        guard let marker = line.byteRange(of: "页，共") else { return nil }
        let before = line[..<marker.lowerBound]
        guard let di = before.lastIndex(of: "第") else { return nil }
        let digits = before[before.index(after: di)...].filter { !$0.isWhitespace }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}

/// A table row of the text: the line's tab-separated fields.
struct GridLine {
    /// The 0-based line index.
    let index: Int
    /// The fields, untrimmed.
    let fields: [Substring]
    /// The comparison key of each field (see ``TextNormalization/key(_:)``), computed once.
    let keys: [String]
    /// The 1-based column (in Unicode scalars) where each field starts, counted once per line: a line of many
    /// thousand fields costs linear time, not a scan from the line's start per field.
    let columns: [Int]

    init(index: Int, line: Substring) {
        self.index = index
        var fields: [Substring] = []
        let utf8 = line.utf8
        var start = utf8.startIndex
        var position = start
        while position < utf8.endIndex {
            if utf8[position] == 0x09 {
                fields.append(line[start..<position])
                start = utf8.index(after: position)
            }
            position = utf8.index(after: position)
        }
        fields.append(line[start..<utf8.endIndex])
        self.fields = fields
        self.keys = fields.map { TextNormalization.key($0) }
        var columns: [Int] = []
        columns.reserveCapacity(fields.count)
        var column = 1
        for field in fields {
            columns.append(column)
            column += field.unicodeScalars.count + 1  // the field and its tab
        }
        self.columns = columns
    }

    /// The line without the fields at `positions` (blank on every line of a table: an empty column of the sheet it
    /// was exported from), each other field keeping its column.
    init(_ line: GridLine, dropping positions: Set<Int>) {
        index = line.index
        let kept = line.fields.indices.filter { !positions.contains($0) }
        fields = kept.map { line.fields[$0] }
        keys = kept.map { line.keys[$0] }
        columns = kept.map { line.columns[$0] }
    }

    /// The 1-based column of the field at `position` (past the end: the column after the line).
    func column(_ position: Int) -> Int {
        if position < columns.count { return columns[position] }
        guard let last = columns.last else { return 1 }
        return last + (fields.last?.unicodeScalars.count ?? 0)
    }

    /// The number of fields.
    var width: Int { fields.count }

    /// The field at `position`, or an empty substring past the end.
    func field(_ position: Int) -> Substring {
        position < fields.count ? fields[position] : Substring()
    }

    /// The whitespace-normalised text of the field at `position`.
    func label(_ position: Int) -> String { TextNormalization.label(field(position)) }

    /// The comparison key of the field at `position`.
    func key(_ position: Int) -> String { position < keys.count ? keys[position] : "" }

    /// True when every field is blank.
    var isBlank: Bool { keys.allSatisfy(\.isEmpty) }

    /// True when the field at `position` is blank.
    func isBlank(_ position: Int) -> Bool { key(position).isEmpty }
}

extension Array where Element == GridLine {
    /// The lines without the fields that are blank on every line: an empty first column of the sheet the table was
    /// exported from, or the empty column between every two that merged cells leave (`a | | b | | c`), so that
    /// codes, names and amounts stand in the fields the builders read them from. Trailing fields are left to
    /// ``commonWidth``.
    var droppingBlankFields: [GridLine] {
        let rows = filter { !$0.isBlank }
        guard let widest = rows.map(\.width).max(), widest > 1 else { return self }
        let last = rows.compactMap { line in (0..<line.width).last { !line.isBlank($0) } }.max() ?? 0
        let blank = (0..<last).filter { position in rows.allSatisfy { $0.isBlank(position) } }
        guard !blank.isEmpty else { return self }
        let dropped = Set(blank)
        return map { GridLine($0, dropping: dropped) }
    }

    /// The width most rows have: a stray row with an extra or a missing cell does not change it.
    var commonWidth: Int {
        var counts: [Int: Int] = [:]
        // The fields up to the last one any line fills: trailing fields blank on every line are no columns (a sheet
        // exported from Excel pads each row with tabs up to the sheet's width).
        var used = 0
        for line in self where !line.isBlank {
            counts[line.width, default: 0] += 1
            if let last = (0..<line.width).last(where: { !line.isBlank($0) }), last + 1 > used { used = last + 1 }
        }
        let common = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
        return Swift.min(common, used)
    }
}
