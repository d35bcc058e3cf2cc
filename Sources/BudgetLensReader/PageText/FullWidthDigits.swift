/// Full-width digits in page text (`１０.００`, `2,940．05`, typed in a full-width input mode and kept by the PDF):
/// folded to ASCII before the tables are rewritten, with a full-width point `．` between digits, so that an amount reads as
/// one (the tab-separated reader's amounts already take them: ``Money``); otherwise the digits join the label
/// before them and the row reads blank. One scalar for one, so every column stays where it was. The full-width
/// comma `，` is left: in prose it separates numbers, it is never a thousands separator.
enum FullWidthDigits {
    /// `lines` with full-width digits (U+FF10…FF19) and a `．` between digits (full-width or ASCII) folded to ASCII.
    static func folded(_ lines: [Substring]) -> [Substring] {
        lines.map { line in
            guard holdsFullWidthDigit(line) else { return line }
            let scalars = Array(line.unicodeScalars)
            var folded = String.UnicodeScalarView()
            for (index, scalar) in scalars.enumerated() {
                if isFullWidthDigit(scalar) {
                    folded.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
                } else if scalar == "\u{FF0E}", index > 0, index + 1 < scalars.count,
                    isDigit(scalars[index - 1]), isDigit(scalars[index + 1])
                {
                    folded.append(".")
                } else {
                    folded.append(scalar)
                }
            }
            return Substring(String(folded))
        }
    }

    /// Whether the line holds a full-width digit or point: the bytes EF BC 90…99 or EF BC 8E in UTF-8 (one pass
    /// over the bytes).
    private static func holdsFullWidthDigit(_ line: Substring) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in line.utf8 {
            if previous == (0xEF, 0xBC), (0x90...0x99).contains(byte) || byte == 0x8E { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    private static func isFullWidthDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0xFF10...0xFF19).contains(scalar.value)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        isFullWidthDigit(scalar) || ("0"..."9").contains(scalar)
    }
}
