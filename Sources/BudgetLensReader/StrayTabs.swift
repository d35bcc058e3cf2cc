import BudgetLensCore

/// Which form a text's table lines have is decided by the majority of its table-like lines, not by the presence of
/// one character: a `pdftotext -layout` text or a pdfplumber page text into which an editor slipped one tab (a
/// prose line typed over, a copy from another window) is still layout text or page text. Tabs are *stray* when the
/// lines holding one are fewer than a quarter of the lines that look like space-separated table rows — columns
/// aligned by runs of three or more spaces (layout text), or two or more amounts as words separated by single spaces
/// (page text). Stray tabs are read as spaces (one character for one, so columns and byte offsets are unchanged)
/// and a `text.stray-tabs` note names the lines. A tab-separated text (the seeds: hundreds of tab rows, a few dozen
/// prose lines with figures) keeps its tabs.
enum StrayTabs {
    /// Line counts of a text (non-blank lines only).
    struct Census: Equatable {
        /// Lines holding a tab.
        var tabbed = 0
        /// Lines without a tab whose words are separated, somewhere after the indentation, by 3+ spaces.
        var aligned = 0
        /// Lines without a tab holding at least two space-separated words that are amounts (`1,234.56`, `-3`, `0.00`).
        var spacedAmounts = 0
        /// The 1-based numbers of the lines holding a tab (the first 20).
        var tabLines: [Int] = []
    }

    /// Counts the lines of `text` (line endings `\n`). One pass over the bytes.
    static func census(_ text: String) -> Census {
        var census = Census()
        var line = 1
        var hasTab = false
        var hasContent = false
        var spaces = 0
        var aligned = false
        var amounts = 0
        var word: WordShape = .none
        func endWord() {
            if word == .amount { amounts += 1 }
            word = .none
        }
        func endLine() {
            endWord()
            if hasTab {
                census.tabbed += 1
                if census.tabLines.count < 20 { census.tabLines.append(line) }
            } else if hasContent {
                if aligned { census.aligned += 1 }
                if amounts >= 2 { census.spacedAmounts += 1 }
            }
            hasTab = false
            hasContent = false
            spaces = 0
            aligned = false
            amounts = 0
        }
        text.withUTF8Bytes { bytes in
            for byte in bytes {
                switch byte {
                case 0x0A:
                    endLine()
                    line += 1
                case 0x09:
                    hasTab = true
                    endWord()
                case 0x20, 0x0C, 0x0D:
                    spaces += byte == 0x20 ? 1 : 0
                    endWord()
                default:
                    if hasContent, spaces >= 3 { aligned = true }
                    hasContent = true
                    spaces = 0
                    word = word.next(byte)
                }
            }
        }
        endLine()
        return census
    }

    /// Whether the text's tabs are stray: some line holds one, and those lines are fewer than a quarter of the
    /// space-separated table-like lines.
    static func areStray(_ census: Census) -> Bool {
        census.tabbed > 0 && census.tabbed * 4 < max(census.aligned, census.spacedAmounts)
    }

    /// The text with stray tabs made spaces and the note saying so, or `nil` when the text's tabs (if any) are its
    /// table form.
    static func spaced(_ text: String, file: String) -> (text: String, note: ReadProblem)? {
        let census = census(text)
        guard areStray(census) else { return nil }
        let lines = census.tabLines.map(String.init).joined(separator: "、")
        let more = census.tabbed > census.tabLines.count ? " …" : ""
        let note = ReadProblem(
            code: "text.stray-tabs", severity: .info,
            message: "\(census.tabbed) 行含制表符（第\(lines)行\(more)），而表格行以空格分隔：制表符按空格读取，全文按"
                + (census.aligned >= census.spacedAmounts ? "pdftotext -layout 版面文本" : "页面文本") + "读取 — "
                + "\(census.tabbed) line(s) hold a tab (line \(lines)\(more)) among \(max(census.aligned, census.spacedAmounts)) "
                + "space-separated table lines: the tabs are stray and read as spaces, the text as "
                + (census.aligned >= census.spacedAmounts ? "`pdftotext -layout` text" : "page text"),
            source: SourceLocation(file: file, line: census.tabLines.first ?? 0, column: 0))
        return (String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" ? " " : $0 })), note)
    }

    /// The shape of the word read so far: an amount is digits with at most one `.`, commas and a leading `-`.
    private enum WordShape {
        case none, amount, other

        func next(_ byte: UInt8) -> WordShape {
            let isDigit = byte >= 0x30 && byte <= 0x39
            switch self {
            case .none: return isDigit || byte == UInt8(ascii: "-") ? .amount : .other
            case .amount: return isDigit || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") ? .amount : .other
            case .other: return .other
            }
        }
    }
}
