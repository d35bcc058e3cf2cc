#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes: in place when the string stores them contiguously (a native
    /// `String` or `Substring`, i.e. every text the reader decodes), else a copy. The whole-text scans that decide a
    /// text's form loop over these bytes: a `for byte in text.utf8` loop pays the view's index checks per byte.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension StringProtocol {
    /// Whether the text's UTF-8 holds `byte` (an ASCII control such as a tab or form feed), scanned over
    /// contiguous bytes (``withUTF8Bytes(_:)``).
    func containsByte(_ byte: UInt8) -> Bool {
        withUTF8Bytes { $0.contains(byte) }
    }

    /// How many times `byte` occurs in the text's UTF-8, over contiguous bytes.
    func countOfByte(_ byte: UInt8) -> Int {
        withUTF8Bytes { bytes in
            var count = 0
            for each in bytes where each == byte { count += 1 }
            return count
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The segments between the occurrences of `separator` (by `memchr`), in order: `body` gets each segment's start
    /// and end offsets and whether a separator ends it (false for the last segment only, which may be empty).
    func forEachSegment(separatedBy separator: UInt8, _ body: (_ start: Int, _ end: Int, _ separated: Bool) -> Void) {
        guard let base = baseAddress else {
            body(0, 0, false)
            return
        }
        var start = 0
        while true {
            if start < count, let found = memchr(base + start, Int32(separator), count - start) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                body(start, end, true)
                start = end + 1
            } else {
                body(start, count, false)
                return
            }
        }
    }

    /// Whether every byte in `start..<end` is one of `allowed` (a test that stops at the first other byte).
    func allBytes(_ start: Int, _ end: Int, in allowed: (UInt8) -> Bool) -> Bool {
        var index = start
        while index < end {
            if !allowed(self[index]) { return false }
            index += 1
        }
        return true
    }
}
