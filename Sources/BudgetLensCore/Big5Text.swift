import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Big5 text (traditional characters, what Taiwan and Hong Kong Windows tools save as "ANSI" Chinese). Nearly every
/// Big5 byte pair is also a valid GB18030 one, so such a file decodes as GB18030 without error — into nonsense. It is
/// told by its words: the Big5 reading holds the characters that fill every disclosure (决算, 部门, 合计, 支出, 收入,
/// 单位, 项目, 财政, 年度, in either script) and the commonest characters of Chinese, the GB18030 reading hardly any.
///
/// It is read through the C library's iconv (no code table of our own): glibc's direct BIG5 → GB2312 converter maps
/// traditional characters to simplified ones (決算 → 决算), so the tables' titles and labels read as in the
/// simplified original; a character that converter cannot map is kept in its traditional form (BIG5 → GB18030
/// through Unicode). Without a usable iconv the file is refused, naming Big5.
enum Big5Text {
    /// The characters counted, simplified and traditional: the disclosure's words (决算 部门 合计 支出 收入 单位 项目
    /// 财政 年度) and the commonest characters of any Chinese text, so that a GB18030 text about something else
    /// still counts far more in its right reading than in its Big5 misreading (about 1 in 80 characters there).
    private static let markers: Set<Character> = [
        "决", "決", "算", "部", "门", "門", "合", "计", "計", "支", "出", "收", "入", "单", "單", "位", "项", "項", "目", "财", "財",
        "政", "年", "度", "的", "一", "是", "不", "了", "在", "人", "有", "我", "他", "这", "這", "个", "個", "们", "們", "中", "来",
        "來", "上", "大", "为", "為", "和", "国", "國", "地", "到", "以", "说", "說", "时", "時", "要", "就", "会", "會", "可", "也",
        "对", "對", "生", "能", "而", "子", "得", "于", "於", "着", "著", "下", "自", "之", "过", "過", "发", "發", "后", "後", "作",
        "里", "裡", "用", "道", "行", "所", "然", "家", "种", "種", "事", "成", "方", "多", "经", "經", "去", "法", "学", "學", "如",
        "都", "同", "现", "現", "当", "當", "动", "動", "面", "起", "看", "定", "天", "分", "还", "還", "进", "進", "好", "小", "其",
        "些", "主", "理", "心", "本", "前", "开", "開", "但", "因", "只", "从", "從", "想", "实", "實", "日", "与", "與", "等", "按",
    ]

    /// How many bytes are looked at to tell Big5 from GB18030.
    private static let sampleBytes = 65_536

    /// Whether `bytes`, which decoded as GB18030 to `gb18030Text`, are rather Big5: at least 10 of the counted
    /// characters in the Big5 reading of the first 64 KiB, and at least four times as many as in the GB18030 one.
    /// `nil` for bytes that are not whole GB18030 (a damaged byte): their GB18030 reading is then iconv's, skipping
    /// what it cannot convert.
    static func isLikely(_ bytes: [UInt8], gb18030Text: String?) -> Bool {
        let sample = Array(bytes.prefix(sampleBytes))
        guard sample.contains(where: { $0 >= 0x80 }), let big5 = convert(sample, from: "BIG5", to: "UTF-8", lenient: true)
        else { return false }
        let big5Count = count(String(decoding: big5, as: UTF8.self))
        let gbText =
            gb18030Text.map { String($0.prefix(sampleBytes / 2)) }
            ?? convert(sample, from: "GB18030", to: "UTF-8", lenient: true).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let gbCount = count(gbText)
        return big5Count >= 10 && big5Count >= 4 * max(gbCount, 1)
    }

    /// The text of Big5 `bytes` in simplified characters where glibc's converter has them (see the type's note).
    ///
    /// - Throws: ``TextDecodingError`` naming Big5 when iconv cannot convert Big5 here, or at the first byte pair
    ///   that is not Big5 (line, column, byte offset).
    static func decode(_ bytes: [UInt8]) throws -> String {
        guard let simplified = try simplifiedGB18030(bytes) else {
            throw TextDecodingError(
                line: 0, column: 0,
                message: "文本似为 Big5 编码（繁体中文），但本机的 iconv 不能转换 Big5：请另存为 UTF-8 — the text looks like Big5 "
                    + "(traditional Chinese), but this system's iconv cannot convert Big5: save it as UTF-8")
        }
        guard let text = String(data: Data(simplified), encoding: TextDecoding.gb18030) else {
            throw TextDecodingError(
                line: 0, column: 0,
                message: "Big5 文本转换后不是有效的文本 — the Big5 text did not convert to valid text")
        }
        return text
    }

    /// `bytes` converted BIG5 → GB2312 (simplified), each character the converter cannot map converted BIG5 →
    /// GB18030 instead: GB18030 bytes; `nil` when iconv has no Big5 converter.
    private static func simplifiedGB18030(_ bytes: [UInt8]) throws -> [UInt8]? {
        guard let toGB18030 = Converter(from: "BIG5", to: "GB18030"), let toSimplified = Converter(from: "BIG5", to: "GB2312")
        else { return nil }
        var failure: Int?
        let output = toSimplified.convert(bytes) { offset in
            // A character without a simplified form: its own form, or the place of an invalid pair.
            let length = bytes[offset] >= 0x81 ? min(2, bytes.count - offset) : 1
            if let own = toGB18030.convert(Array(bytes[offset..<(offset + length)]), onFailure: { _ in nil }) {
                return (length, own)
            }
            failure = offset
            return nil
        }
        if let offset = failure {
            let length = bytes[offset] >= 0x81 ? min(2, bytes.count - offset) : 1
            throw invalidBig5(bytes, at: offset, length: length)
        }
        return output
    }

    /// Converts the whole of `bytes` from Big5 to UTF-8, skipping each byte that cannot be converted (to tell
    /// Big5 from GB18030), or `nil` when iconv lacks Big5.
    private static func convert(_ bytes: [UInt8], from source: String, to target: String, lenient: Bool) -> [UInt8]? {
        guard let converter = Converter(from: source, to: target) else { return nil }
        return converter.convert(bytes) { _ in lenient ? (1, []) : nil }
    }

    /// An iconv conversion descriptor, closed when released.
    private final class Converter {
        let descriptor: iconv_t

        init?(from source: String, to target: String) {
            guard let descriptor = iconv_open(target, source), descriptor != iconv_t(bitPattern: -1) else { return nil }
            self.descriptor = descriptor
        }

        deinit { iconv_close(descriptor) }

        /// The conversion of `bytes`; where iconv stops (a sequence it cannot convert, or an incomplete one at the
        /// end), `onFailure` gets its byte offset and gives how many bytes to skip and what to write instead, or
        /// `nil` to give up (then `nil`). Linear in the input: the input is never copied, the output grows by
        /// 64 KiB blocks.
        func convert(_ bytes: [UInt8], onFailure: (Int) -> (skip: Int, replacement: [UInt8])?) -> [UInt8]? {
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count * 2)
            var block = [CChar](repeating: 0, count: 65_536)
            _ = iconv(descriptor, nil, nil, nil, nil)  // initial state
            return bytes.withUnsafeBufferPointer { input -> [UInt8]? in
                guard let base = input.baseAddress else { return output }
                var offset = 0
                while offset < input.count {
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + offset)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = input.count - offset
                    let (result, code, produced) = block.withUnsafeMutableBufferPointer { buffer in
                        var outPointer = buffer.baseAddress
                        var outLeft = buffer.count
                        let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                        return (result, errno, buffer.count - outLeft)
                    }
                    output += block[0..<produced].map { UInt8(bitPattern: $0) }
                    offset = input.count - inLeft
                    guard result == -1, code != E2BIG, offset < input.count else { continue }
                    guard let (skip, replacement) = onFailure(offset) else { return nil }
                    output += replacement
                    offset += max(1, skip)
                    _ = iconv(descriptor, nil, nil, nil, nil)
                }
                return output
            }
        }
    }

    /// The error for a byte pair that is not Big5.
    private static func invalidBig5(_ bytes: [UInt8], at offset: Int, length: Int) -> TextDecodingError {
        let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let shown = bytes[offset..<(offset + length)].map { String(format: "0x%02X", $0) }.joined(separator: " ")
        return TextDecodingError(
            line: line, column: offset - lineStart + 1,
            message: "Big5 文本在字节偏移 \(offset)（第 \(line) 行第 \(offset - lineStart + 1) 列）处有无效字节 \(shown)："
                + "文件损坏或混用了编码？ — invalid Big5 byte(s) \(shown) at byte offset \(offset) (line \(line), column "
                + "\(offset - lineStart + 1)): a damaged file, or one that mixes encodings?")
    }

    private static func count(_ text: String) -> Int { text.reduce(0) { markers.contains($1) ? $0 + 1 : $0 } }
}
