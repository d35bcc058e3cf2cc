#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension StringProtocol {
    /// The range of the first occurrence of `needle`, found by a byte search (`memmem`) instead of the
    /// standard library's grapheme-aware one: a match of valid UTF-8 in valid UTF-8 starts and ends on scalar
    /// boundaries, so the range is valid. Comparison is by bytes: no Unicode normalisation.
    public func byteRange(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        let offset: Int? = utf8.withContiguousStorageIfAvailable { haystack -> Int? in
            var needle = needle
            return needle.withUTF8 { pattern -> Int? in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress,
                    haystack.count >= pattern.count
                else { return nil }
                return findBytes(base, haystack.count, patternBase, pattern.count)
            }
        } ?? String(self).byteOffset(of: needle)
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(start, offsetBy: needle.utf8.count)
        return start..<end
    }

    /// True when the text contains `needle`, by bytes.
    public func containsText(_ needle: String) -> Bool { byteRange(of: needle) != nil }
}

/// The offset of the first occurrence of the pattern in the haystack: `memchr` for the first byte, then `memcmp`.
private func findBytes(
    _ haystack: UnsafePointer<UInt8>, _ haystackCount: Int, _ pattern: UnsafePointer<UInt8>, _ patternCount: Int
) -> Int? {
    let last = haystackCount - patternCount
    var offset = 0
    let first = Int32(pattern[0])
    while offset <= last {
        guard let found = memchr(haystack + offset, first, last - offset + 1) else { return nil }
        let position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - haystack
        if memcmp(haystack + position, pattern, patternCount) == 0 { return position }
        offset = position + 1
    }
    return nil
}

extension String {
    fileprivate func byteOffset(of needle: String) -> Int? {
        var copy = self
        copy.makeContiguousUTF8()
        guard let range = copy.byteRange(of: needle) else { return nil }
        return copy.utf8.distance(from: copy.startIndex, to: range.lowerBound)
    }
}

extension StringProtocol {
    /// `hasPrefix` by UTF-8 bytes: no grapheme breaking, no Unicode normalisation (fast for Chinese keys).
    @inline(__always)
    public func hasBytePrefix(_ prefix: String) -> Bool {
        if let result = utf8.withContiguousStorageIfAvailable({ bytes in bytesEqual(bytes, at: 0, prefix) }) {
            return result
        }
        return utf8.starts(with: prefix.utf8)
    }

    /// `hasSuffix` by UTF-8 bytes (`memcmp` on contiguous storage).
    @inline(__always)
    public func hasByteSuffix(_ suffix: String) -> Bool {
        let count = suffix.utf8.count
        if let result = utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.count >= count && bytesEqual(bytes, at: bytes.count - count, suffix)
        }) {
            return result
        }
        let bytes = utf8
        guard bytes.count >= count else { return false }
        return bytes.suffix(count).elementsEqual(suffix.utf8)
    }

    /// Equality by UTF-8 bytes.
    @inline(__always)
    public func isBytes(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}

/// Whether `bytes` holds `needle`'s UTF-8 at `offset`.
@inline(__always)
private func bytesEqual(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ needle: String) -> Bool {
    var needle = needle
    return needle.withUTF8 { pattern in
        guard offset >= 0, bytes.count - offset >= pattern.count else { return false }
        guard pattern.count > 0 else { return true }
        guard let base = bytes.baseAddress, let patternBase = pattern.baseAddress else { return false }
        return memcmp(base + offset, patternBase, pattern.count) == 0
    }
}
