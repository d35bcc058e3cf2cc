import BudgetLensCore

/// A word on a page: its text, its box and the line its glyphs stand on.
///
/// Coordinates grow rightwards and downwards. For a PDF they are points; for `pdftotext -layout` text, x is
/// the character column and y the line number scaled to the same proportions (see ``LayoutTextPages``).
struct PageWord {
    var text: String
    var x0: Double
    var x1: Double
    /// The estimated baseline: words of one printed line share it even when their fonts' boxes differ.
    var baseline: Double
    /// Where the word is in the input: a PDF box, or a line and column of a text file.
    var origin: WordOrigin

    var width: Double { x1 - x0 }
    var center: Double { (x0 + x1) / 2 }
}

/// Where a word was read.
enum WordOrigin {
    /// A box on a PDF page.
    case box(PageRegion)
    /// A 1-based line and character column of a text file.
    case text(line: Int, column: Int)

    /// The smallest origin covering both: the union of boxes, or the first text position.
    func union(_ other: WordOrigin) -> WordOrigin {
        switch (self, other) {
        case (.box(let a), .box(let b)): return .box(a.union(b))
        default: return self
        }
    }
}

/// One page of words, in reading order of the input.
struct LayoutPage {
    /// The 1-based page number.
    var number: Int
    var width: Double
    var height: Double
    var words: [PageWord]
    /// Layout text aligned by display width (``ColumnMeasure/displayWidth``): the em is one column, as in a text
    /// aligned by characters, so that every distance the reader measures in ems stays a number of spaces.
    /// `nil`: the em is measured from the words (``VisualRowBuilder/em(of:)``).
    var fixedEm: Double? = nil
}

/// What kind of input the pages came from, which decides how columns are matched.
enum LayoutSource {
    /// Word boxes from a PDF: positions are exact.
    case pdf
    /// `pdftotext -layout` text: positions are character columns that drift along a line.
    case layoutText
}
