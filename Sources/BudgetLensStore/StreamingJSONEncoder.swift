import BudgetLensCore
import Foundation

/// A compact JSON encoder for the stored export (``DocumentRecord/json``) that writes bytes as it goes, instead of
/// Foundation's `JSONEncoder`, which builds a tree of boxed values, hashes every key into a dictionary and then
/// serialises it: profiling the import (docs/benchmarks.md, store section, third round) found that encoding at
/// ≈ 5 ms of the ≈ 14 ms of CPU per document, more than reading or checking.
///
/// The JSON is what `JSONEncoder` with `.withoutEscapingSlashes` writes, except that keys are in the order the
/// values encode them (not sorted): the same values for `JSONDecoder` (``DisclosureJSON/decode(_:file:)``), which
/// the tests check document by document. Optional members left out by `encodeIfPresent` are left out; a `Double`
/// is written as Swift prints it (`12.5`, `12` for `12.0`); a non-finite `Double` is refused, as `JSONEncoder`
/// refuses it. Only the plain Codable shapes are handled: no `Date`, `Data`, `URL` or `Decimal` strategies (the
/// disclosure model has none of them; they would encode as their own `encode(to:)` says).
enum StreamingJSONEncoder {
    /// `value` as compact JSON.
    ///
    /// - Throws: `EncodingError.invalidValue` for a non-finite `Double`, or what the value's `encode(to:)` throws.
    static func encode(_ value: some Encodable) throws -> Data {
        try encode(value, writingCellsDirectly: true)
    }

    /// `value` as compact JSON; `writingCellsDirectly` false encodes every value through its `encode(to:)`, for
    /// the test that the direct writing of ``Sink/cell(_:)`` and ``Sink/location(_:)`` gives the same bytes.
    static func encode(_ value: some Encodable, writingCellsDirectly: Bool) throws -> Data {
        let sink = Sink()
        sink.writesCellsDirectly = writingCellsDirectly
        sink.bytes.reserveCapacity(256 << 10)
        let encoder = Node(sink: sink, parent: nil, key: nil)
        try value.encode(to: encoder)
        encoder.finish()
        return Data(sink.bytes)
    }

    /// The bytes written so far.
    final class Sink {
        var bytes: [UInt8] = []
        /// Whether table rows, cells and source locations are written by ``row(_:)``, ``cell(_:)`` and
        /// ``location(_:)``.
        var writesCellsDirectly = true

        /// A table cell (≈ 490 per document, most of the export) as its synthesized `encode(to:)` writes it —
        /// `{"column":2,"value":"670.00","text":"670.00","source":{…}}`, `value` left out when `nil` — without a
        /// node, a container box and a coding key per member (docs/store4.md). `false` (nothing written) for a
        /// cell whose location has a page region, which goes the general way.
        func cell(_ cell: TableCell) -> Bool {
            guard cell.source.region == nil else { return false }
            ascii("{\"column\":")
            ascii(String(cell.column))
            if let value = cell.value {
                ascii(",\"value\":")
                string(value.decimalString(in: .yuan))
            }
            ascii(",\"text\":")
            string(cell.text)
            ascii(",\"source\":")
            _ = location(cell.source)
            byte(UInt8(ascii: "}"))
            return true
        }

        /// A table row as its synthesized `encode(to:)` writes it — `kind`, then `line`, `standardLine`, `code`
        /// when present, `item`, `group` when present, `cells` (each by ``cell(_:)``), `source` — or `false`
        /// (nothing written) when the row or one of its cells has a page region.
        func row(_ row: TableRow) -> Bool {
            guard row.source.region == nil, row.cells.allSatisfy({ $0.source.region == nil }) else { return false }
            ascii("{\"kind\":")
            string(row.kind.rawValue)
            if let line = row.line {
                ascii(",\"line\":")
                ascii(String(line))
            }
            if let standardLine = row.standardLine {
                ascii(",\"standardLine\":")
                ascii(String(standardLine))
            }
            if let code = row.code {
                ascii(",\"code\":")
                string(code)
            }
            ascii(",\"item\":")
            string(row.item)
            if let group = row.group {
                ascii(",\"group\":")
                string(group)
            }
            ascii(",\"cells\":[")
            for (index, cell) in row.cells.enumerated() {
                if index > 0 { byte(UInt8(ascii: ",")) }
                _ = self.cell(cell)
            }
            ascii("],\"source\":")
            _ = location(row.source)
            byte(UInt8(ascii: "}"))
            return true
        }

        /// A source location as its synthesized `encode(to:)` writes it — `{"file":…,"line":…,"column":…}` then
        /// `page` and `cell` when present — or `false` (nothing written) when it has a page region.
        func location(_ location: SourceLocation) -> Bool {
            guard location.region == nil else { return false }
            ascii("{\"file\":")
            string(location.file)
            ascii(",\"line\":")
            ascii(String(location.line))
            ascii(",\"column\":")
            ascii(String(location.column))
            if let page = location.page {
                ascii(",\"page\":")
                ascii(String(page))
            }
            if let cell = location.cell {
                ascii(",\"cell\":")
                string(cell)
            }
            byte(UInt8(ascii: "}"))
            return true
        }

        @inline(__always) func byte(_ byte: UInt8) { bytes.append(byte) }

        func string(_ string: String) {
            bytes.append(UInt8(ascii: "\""))
            var string = string
            string.withUTF8 { buffer in
                var start = 0
                for index in 0..<buffer.count {
                    let byte = buffer[index]
                    guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
                    start = index + 1
                    switch byte {
                    case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                    case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                    case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                    case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                    case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                    case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                    case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                    default:
                        let hex = Array("0123456789abcdef".utf8)
                        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count]))
            }
            bytes.append(UInt8(ascii: "\""))
        }

        func ascii(_ text: String) { bytes.append(contentsOf: text.utf8) }

        func double(_ value: Double, codingPath: @autoclosure () -> [any CodingKey]) throws {
            guard value.isFinite else {
                throw EncodingError.invalidValue(
                    value, .init(codingPath: codingPath(), debugDescription: "\(value) is not valid in JSON"))
            }
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            ascii(text)
        }
    }

    /// One value being encoded: nothing yet, an object, an array or a single value. A container a value asks
    /// for is opened at once and closed when the value is done (``finish()``), or — for a nested container —
    /// when its parent writes its next member.
    final class Node: Encoder {
        enum State { case empty, object, array, single }

        let sink: Sink
        /// The parent node and the key of this value in it: the coding path is made only when asked for (an
        /// error), not copied for every value.
        let parent: Node?
        let key: (any CodingKey)?
        var codingPath: [any CodingKey] {
            var path: [any CodingKey] = []
            var node: Node? = self
            while let current = node, let key = current.key {
                path.append(key)
                node = current.parent
            }
            return path.reversed()
        }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        var state = State.empty
        var isFirst = true
        /// A nested container still open, closed before this node writes again.
        var openChild: Node?

        init(sink: Sink, parent: Node?, key: (any CodingKey)?) {
            self.sink = sink
            self.parent = parent
            self.key = key
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if state == .empty {
                sink.byte(UInt8(ascii: "{"))
                state = .object
            }
            return KeyedEncodingContainer(Keyed<Key>(node: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if state == .empty {
                sink.byte(UInt8(ascii: "["))
                state = .array
            }
            return Unkeyed(node: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(node: self)
        }

        /// Closes this value: `}` or `]`, `{}` when nothing was encoded (as `JSONEncoder` does).
        func finish() {
            closeChild()
            switch state {
            case .empty: sink.ascii("{}")
            case .object: sink.byte(UInt8(ascii: "}"))
            case .array: sink.byte(UInt8(ascii: "]"))
            case .single: break
            }
        }

        func closeChild() {
            if let child = openChild {
                openChild = nil
                child.finish()
            }
        }

        /// Before a member: closes an open nested container, writes the comma.
        func separate() {
            closeChild()
            if isFirst { isFirst = false } else { sink.byte(UInt8(ascii: ",")) }
        }

        func key(_ key: some CodingKey) {
            separate()
            sink.string(key.stringValue)
            sink.byte(UInt8(ascii: ":"))
        }

        /// A value encoded by its own `encode(to:)` into a child node.
        func value(_ value: some Encodable, key: any CodingKey) throws {
            if sink.writesCellsDirectly {
                if let row = value as? TableRow, sink.row(row) { return }
                if let cell = value as? TableCell, sink.cell(cell) { return }
                if let location = value as? SourceLocation, sink.location(location) { return }
            }
            let child = Node(sink: sink, parent: self, key: key)
            try value.encode(to: child)
            child.finish()
        }

        /// A child node left open for a nested container.
        func nested(key: any CodingKey, state: State) -> Node {
            let child = Node(sink: sink, parent: self, key: key)
            child.state = state
            sink.byte(state == .object ? UInt8(ascii: "{") : UInt8(ascii: "["))
            openChild = child
            return child
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] { node.codingPath }

        mutating func encodeNil(forKey key: Key) throws { node.key(key); node.sink.ascii("null") }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.key(key); node.sink.ascii(value ? "true" : "false") }
        mutating func encode(_ value: String, forKey key: Key) throws { node.key(key); node.sink.string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            node.key(key)
            try node.sink.double(value, codingPath: codingPath + [key])
        }
        mutating func encode(_ value: Float, forKey key: Key) throws {
            node.key(key)
            try node.sink.double(Double(value), codingPath: codingPath + [key])
        }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { node.key(key); node.sink.ascii(String(value)) }
        mutating func encode(_ value: some Encodable, forKey key: Key) throws {
            node.key(key)
            try node.value(value, key: key)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            node.key(key)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: node.nested(key: key, state: .object)))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            node.key(key)
            return Unkeyed(node: node.nested(key: key, state: .array))
        }
        mutating func superEncoder() -> any Encoder {
            node.key(SuperKey())
            let child = Node(sink: node.sink, parent: node, key: SuperKey())
            node.openChild = child
            return child
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            node.key(key)
            let child = Node(sink: node.sink, parent: node, key: key)
            node.openChild = child
            return child
        }
    }

    /// The key of `superEncoder()`, as `JSONEncoder` names it.
    struct SuperKey: CodingKey {
        var stringValue: String { "super" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var count = 0
        var codingPath: [any CodingKey] { node.codingPath }

        private struct Index: CodingKey {
            var stringValue: String { "Index \(intValue ?? 0)" }
            var intValue: Int?
            init(_ index: Int) { intValue = index }
            init?(stringValue: String) { nil }
            init?(intValue: Int) { self.intValue = intValue }
        }

        private mutating func next() {
            node.separate()
            count += 1
        }

        mutating func encodeNil() throws { next(); node.sink.ascii("null") }
        mutating func encode(_ value: Bool) throws { next(); node.sink.ascii(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { next(); node.sink.string(value) }
        mutating func encode(_ value: Double) throws {
            next()
            try node.sink.double(value, codingPath: codingPath + [Index(count - 1)])
        }
        mutating func encode(_ value: Float) throws {
            next()
            try node.sink.double(Double(value), codingPath: codingPath + [Index(count - 1)])
        }
        mutating func encode(_ value: Int) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int8) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int16) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int32) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int64) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt8) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt16) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt32) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt64) throws { next(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: some Encodable) throws {
            next()
            try node.value(value, key: Index(count - 1))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            next()
            return KeyedEncodingContainer(Keyed<NestedKey>(node: node.nested(key: Index(count - 1), state: .object)))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            next()
            return Unkeyed(node: node.nested(key: Index(count - 1), state: .array))
        }
        mutating func superEncoder() -> any Encoder {
            next()
            let child = Node(sink: node.sink, parent: node, key: Index(count - 1))
            node.openChild = child
            return child
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { node.codingPath }

        private func begin() { node.state = .single }

        mutating func encodeNil() throws { begin(); node.sink.ascii("null") }
        mutating func encode(_ value: Bool) throws { begin(); node.sink.ascii(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { begin(); node.sink.string(value) }
        mutating func encode(_ value: Double) throws { begin(); try node.sink.double(value, codingPath: codingPath) }
        mutating func encode(_ value: Float) throws { begin(); try node.sink.double(Double(value), codingPath: codingPath) }
        mutating func encode(_ value: Int) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int8) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int16) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int32) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: Int64) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt8) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt16) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt32) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: UInt64) throws { begin(); node.sink.ascii(String(value)) }
        mutating func encode(_ value: some Encodable) throws {
            // The value's own encoding, in place of this one (as `JSONEncoder` does for a wrapped value).
            try value.encode(to: node)
        }
    }
}
