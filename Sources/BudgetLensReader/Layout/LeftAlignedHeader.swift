import BudgetLensCore

/// A PDF table whose header cells are printed left-aligned, as a browser prints an HTML `<table>` whose cells
/// have no alignment of their own (Chromium's print of a text turned into a table): each heading starts at its
/// cell's left edge while the amounts under it end at the cell's right edge. An amount in a narrow column then
/// overlaps no heading and stands just before the *next* column's heading — `0.95` of 公开09's 合计 预算数 ends
/// 2.25 points left of `决算数` and 25 points right of `预算数` — so attaching a heading to the column it merely
/// touches (right for headings centred over left-aligned codes) read 公开09's two 0.95 one 栏次 to the right.
///
/// The sign is in the header itself: a heading over several columns (`合计`, `因公出国（境）费`, `公务接待费`) starts
/// exactly where the heading of its first column starts (`预算数`), which a centred header does only by chance.
/// In such a header a column runs from its heading's left edge to the next heading's: each lowest heading (one
/// with no other heading under it) is widened to there, and a heading attaches only to a column it overlaps.
enum LeftAlignedHeader {
    /// How close two left edges must be to be the same (points): the printer places both at the cell's padding.
    static let edgeTolerance = 0.5

    /// Whether the header is printed left-aligned: at least two headings start (within ``edgeTolerance``) where a
    /// heading of a lower line of the same page starts, the two of different widths (a heading over its first
    /// column, not one word repeated). `header`: the table's header fragments, any pages; `em`: the table's em.
    static func holds(_ header: [Fragment], em: Double, required: Int = 2) -> Bool {
        starts(header, em: em) >= required
    }

    /// The number of headings that start where a heading of a lower line starts (see ``holds(_:em:required:)``).
    static func starts(_ header: [Fragment], em: Double) -> Int {
        let texts = header.filter { $0.kind == .text }
        var starts = 0
        for upper in texts {
            let under = texts.contains { lower in
                lower.page == upper.page && lower.baseline > upper.baseline + 0.35 * em
                    && abs(lower.x0 - upper.x0) <= edgeTolerance && abs(lower.width - upper.width) > 0.5 * em
            }
            if under { starts += 1 }
        }
        return starts
    }

    /// The header with each lowest heading widened to the left edge of the next heading right of it (any line of
    /// its page; the table's right edge `right` after the last), so that it overlaps the amounts of its cell.
    /// A heading with others under it (a group heading) that starts where one of them starts runs to the end of
    /// that one, its first column; other group headings keep their extent.
    static func widened(_ header: [Fragment], right: Double, em: Double) -> [Fragment] {
        func isLowest(_ index: Int) -> Bool {
            let fragment = header[index]
            return !header.contains { other in
                other.page == fragment.page && other.baseline > fragment.baseline + 0.35 * em
                    && other.overlap(fragment.x0, fragment.x1) > 0
            }
        }
        let lowest = header.indices.filter(isLowest)
        var result = header
        for index in lowest {
            let fragment = header[index]
            let next =
                lowest.lazy.map { header[$0] }.filter { $0.page == fragment.page && $0.x0 > fragment.x0 + edgeTolerance }
                .map(\.x0).min() ?? right
            result[index].x1 = max(fragment.x1, next - 0.01)
        }
        // A heading over several columns starts its first column: it runs to that column's end.
        let lowestSet = Set(lowest)
        for index in header.indices where !lowestSet.contains(index) {
            let fragment = header[index]
            guard
                let first = lowest.first(where: {
                    header[$0].page == fragment.page && header[$0].baseline > fragment.baseline
                        && abs(header[$0].x0 - fragment.x0) <= edgeTolerance
                })
            else { continue }
            result[index].x1 = max(fragment.x1, result[first].x1)
        }
        return result
    }
}
