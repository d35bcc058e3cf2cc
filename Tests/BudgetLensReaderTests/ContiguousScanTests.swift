import Foundation
import Testing

@testable import BudgetLensReader

/// The whole-text scans of the ninth speed round (docs/benchmarks.md, issue 9) — over contiguous UTF-8 bytes,
/// segment by segment, `ColumnMeasure.of` on bytes, `isHeaderLike` by bytes — give what the loops they replace
/// gave: the old loops are kept here as references and run on the real corpus texts, on variants of them made to
/// take every branch (tabs made spaces, lines padded as pdfplumber pads them, pages of a fixed height, blank pages)
/// and on planted edges.
@Suite("Contiguous byte scans: the same answers as the loops over the UTF-8 view")
struct ContiguousScanTests {
    // MARK: The loops as they were (d66e2dd)

    private func paddedLinesReference(_ text: String) -> Bool {
        var lines = 0
        var nonEmpty = 0
        var padded = 0
        var spacesOnly = 0
        var length = 0
        var onlySpaces = true
        var last: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                lines += 1
                if length > 0 {
                    nonEmpty += 1
                    if last == 0x20 { padded += 1 }
                    if onlySpaces { spacesOnly += 1 }
                }
                length = 0
                onlySpaces = true
                continue
            }
            length += 1
            last = byte
            if byte != 0x20 && byte != 0x0C { onlySpaces = false }
        }
        if length > 0 {
            lines += 1
            nonEmpty += 1
            if last == 0x20 { padded += 1 }
            if onlySpaces { spacesOnly += 1 }
        }
        return lines >= PlumberLayoutText.minimumLines && padded * 10 >= nonEmpty * 9 && spacesOnly * 10 >= lines
    }

    private func gridPagesReference(_ text: String) -> Bool {
        var counts: [Int] = []
        var lines = 1
        var pageEmpty = true
        for byte in text.utf8 {
            switch byte {
            case 0x0C:
                counts.append(lines)
                lines = 1
                pageEmpty = true
            case 0x0A: lines += 1
            case 0x20: break
            default: pageEmpty = false
            }
        }
        if !pageEmpty { counts.append(lines) }
        guard counts.count >= PlumberLayoutText.minimumPages else { return false }
        var frequency: [Int: Int] = [:]
        for count in counts { frequency[count, default: 0] += 1 }
        let top = frequency.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(2)
        guard top.allSatisfy({ $0.key >= PlumberLayoutText.minimumGridLines }) else { return false }
        return top.reduce(0) { $0 + $1.value } * 5 >= counts.count * 4
    }

    private func emptyPagesReference(_ text: String) -> [Int: Int?] {
        var pages: [Int: Int?] = [:]
        var page = 1
        var empty = true
        for byte in text.utf8 {
            switch byte {
            case 0x0C:
                if empty { pages[page] = .some(nil) }
                page += 1
                empty = true
            case 0x20, 0x09, 0x0A, 0x0D: break
            default: empty = false
            }
        }
        return pages
    }

    private func layoutTextReference(_ text: String) -> Bool {
        var lines = 0
        var aligned = 0
        var inLine = false
        var spaces = 0
        var lineAligned = false
        for byte in text.utf8 {
            switch byte {
            case 0x09:
                return false
            case 0x0A:
                if inLine {
                    lines += 1
                    if lineAligned { aligned += 1 }
                }
                inLine = false
                spaces = 0
                lineAligned = false
            case 0x20:
                spaces += 1
            case 0x0C, 0x0D:
                continue
            default:
                if inLine, spaces >= 3 { lineAligned = true }
                inLine = true
                spaces = 0
            }
        }
        if inLine {
            lines += 1
            if lineAligned { aligned += 1 }
        }
        return lines >= 20 && aligned * 5 >= lines
    }

    private func measureReference(_ text: String, linesPerPage: Int? = nil) -> ColumnMeasure {
        var byCharacters: [Int: Int] = [:]
        var byWidth: [Int: Int] = [:]
        var page = 0
        var lines = 0
        var column = 0
        var width = 0
        var wideBefore = false
        var inWord = false
        var numeric = true
        var digit = false
        var counted = false
        func endWord() {
            if inWord, numeric, digit, counted {
                byCharacters[page << 32 | column, default: 0] += 1
                byWidth[page << 32 | width, default: 0] += 1
            }
            inWord = false
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x0A, 0x0D:
                endWord()
                if value == 0x0A, let linesPerPage {
                    lines += 1
                    if lines % linesPerPage == 0 { page += 1 }
                }
                column = 0
                width = 0
                wideBefore = false
                continue
            case 0x0C:
                endWord()
                page += 1
                continue
            case 0x20, 0x3000:
                endWord()
            default:
                if !inWord {
                    inWord = true
                    numeric = true
                    digit = false
                    counted = wideBefore
                }
                if (0x30...0x39).contains(value) {
                    digit = true
                } else if !(value == 0x2C || value == 0x2E || value == 0x2D || value == 0x28 || value == 0x29
                    || value == 0x25)
                {
                    numeric = false
                }
            }
            column += 1
            width += value >= 0x80 ? 2 : 1
            if value >= 0x80 { wideBefore = true }
        }
        endWord()
        func aligned(_ ends: [Int: Int]) -> Int { ends.values.reduce(0) { $0 + ($1 > 1 ? $1 : 0) } }
        return aligned(byWidth) > aligned(byCharacters) ? .displayWidth : .characters
    }

    private func headerLikeReference(_ line: String) -> Bool {
        // The standard library's search by `Character` (as the reader's file, which does not import Foundation, calls it).
        if ["注", "无数据", "没有", "无此"].contains(where: { line.firstRange(of: $0) != nil }) { return false }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
        return !words.contains { word in
            word.contains(".") && word.contains(where: { $0.isASCII && $0.isNumber })
                && word.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || $0 == "-" }
        }
    }

    // MARK: Texts

    /// The corpus and field texts, each as given and in variants that take the scans' other branches.
    private func texts() throws -> [(name: String, text: String)] {
        var texts: [(String, String)] = []
        for folder in ["../shared/corpus", "../shared/corpus/field", "../shared/seeds"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".txt") {
                texts.append(("\(folder)/\(name)", try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)))
            }
        }
        var variants: [(String, String)] = []
        for (name, text) in texts {
            let spaced = text.replacingOccurrences(of: "\t", with: "   ")
            let lines = spaced.split(separator: "\n", omittingEmptySubsequences: false)
            // pdfplumber's layout text: every line padded to one width, a blank padded line after each, pages of 40.
            var padded: [String] = []
            for (index, line) in lines.enumerated() {
                if index > 0, index % 20 == 0 { padded[padded.count - 1] += "\u{0C}" }
                padded.append(line + String(repeating: " ", count: max(1, 120 - line.count)))
                padded.append(String(repeating: " ", count: 120))
            }
            variants.append(("\(name) spaced", spaced))
            variants.append(("\(name) padded", padded.joined(separator: "\n")))
            variants.append(("\(name) padded, trimmed", padded.map { String($0.drop { $0 == " " }) }.joined(separator: "\n")))
            // Blank pages (spaces, tabs, CR) between pages of text, and a text ending in a form feed.
            variants.append(("\(name) blank pages", lines.prefix(30).joined(separator: "\n") + "\u{0C} \t\r\n\u{0C}\u{0C}"
                + lines.dropFirst(30).joined(separator: "\n") + "\u{0C}"))
        }
        return texts + variants
    }

    @Test("pdfplumber layout tests, blank pages, layout text and column measure: as the old loops on every text")
    func wholeTextScans() throws {
        let texts = try texts()
        #expect(texts.count == 15 * 5)  // 5 corpus, 5 field and 5 seed texts, each given and in four variants
        var padded = 0
        var grid = 0
        var layout = 0
        for (name, text) in texts {
            #expect(PlumberLayoutText.hasPaddedLines(text) == paddedLinesReference(text), "\(name)")
            #expect(PlumberLayoutText.hasGridPages(text) == gridPagesReference(text), "\(name)")
            #expect(UnreadableTables.emptyPages(of: text) == emptyPagesReference(text), "\(name)")
            #expect(LayoutTextPages.isLayoutText(text) == layoutTextReference(text), "\(name)")
            #expect(ColumnMeasure.of(text) == measureReference(text), "\(name)")
            #expect(ColumnMeasure.of(text, linesPerPage: 50) == measureReference(text, linesPerPage: 50), "\(name)")
            padded += paddedLinesReference(text) ? 1 : 0
            grid += gridPagesReference(text) ? 1 : 0
            layout += layoutTextReference(text) ? 1 : 0
        }
        // Each branch is taken by some text (else the comparison above proves little).
        #expect(padded > 0 && padded < texts.count)
        #expect(grid > 0 && grid < texts.count)
        #expect(layout > 0 && layout < texts.count)
        // The layout text of the corpus (003) is aligned by characters, as `pdftotext -layout` writes UTF-8.
        let corpusLayout = try String(
            contentsOfFile: "../shared/corpus/003-shanghai-putuo-shehuigongzuobu-2024-final-layout.txt", encoding: .utf8)
        #expect(LayoutTextPages.isLayoutText(corpusLayout))
        #expect(ColumnMeasure.of(corpusLayout) == .characters)
    }

    @Test("planted edges: empty text, no final line feed, form feeds at the ends, U+3000, wide digits, CR")
    func plantedEdges() {
        let edges = [
            "", "\n", "\u{0C}", "\u{0C}\u{0C}\n", "a", "a \n", " \u{0C} \n", "   \n   \n",
            String(repeating: "x  \n  \n", count: 30), String(repeating: "\u{0C}\n", count: 40),
            String(repeating: "合计   1,234.56   2.00\n", count: 25) + "\u{0C}",
            String(repeating: "项目\u{3000}\u{3000}12.00 3\r\n", count: 25),
            String(repeating: "支出合计  12.00\n收入 1.00 33\n", count: 20),
            String(repeating: "𠀀 1.00  2.00\n", count: 22), "é 1.00\u{0C}e\u{301} 2.00",
        ]
        for text in edges {
            let shown = "\(text.unicodeScalars.prefix(40).map(\.value))"
            #expect(PlumberLayoutText.hasPaddedLines(text) == paddedLinesReference(text), "\(shown)")
            #expect(PlumberLayoutText.hasGridPages(text) == gridPagesReference(text), "\(shown)")
            #expect(UnreadableTables.emptyPages(of: text) == emptyPagesReference(text), "\(shown)")
            #expect(LayoutTextPages.isLayoutText(text) == layoutTextReference(text), "\(shown)")
            #expect(ColumnMeasure.of(text) == measureReference(text), "\(shown)")
            #expect(text.containsByte(0x0C) == text.utf8.contains(0x0C))
            #expect(text.countOfByte(0x0A) == text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        }
        #expect(UnreadableTables.emptyPages(of: "a\u{0C} \t\r\n\u{0C}b\u{0C}\u{0C}") == [2: Int?.none, 4: Int?.none] as [Int: Int?])
        #expect(!PlumberLayoutText.hasPaddedLines(String(repeating: "x  \n  \n", count: 9)))  // 18 lines: too few
        #expect(PlumberLayoutText.hasPaddedLines(String(repeating: "x  \n  \n", count: 10)))
    }

    @Test("header-like lines by bytes: as by Character on every corpus line and on combining marks")
    func headerLike() throws {
        var lines = 0
        var refused = 0
        for (name, text) in try texts().prefix(15) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                let expected = headerLikeReference(line)
                #expect(TextEndsAfterTitle.isHeaderLike(line) == expected, "\(name): \(line)")
                lines += 1
                refused += expected ? 0 : 1
            }
        }
        #expect(lines > 2820 && refused > 0)
        // 注 with a combining mark is another Character: not refused by it (the line takes the Character search).
        let planted: [(String, Bool)] = [
            ("注：本表无数据", false), ("注\u{301} 项目", true), ("没有", false), ("没\u{301}有", true), ("无此项", false),
            ("项目 合计", true), ("项目 1,234.56", false), ("", true), ("\u{F9D1}", true),
        ]
        for (line, expected) in planted {
            #expect(TextEndsAfterTitle.isHeaderLike(line) == expected, "\(line.unicodeScalars.map(\.value))")
            #expect(headerLikeReference(line) == expected)
        }
    }
}
