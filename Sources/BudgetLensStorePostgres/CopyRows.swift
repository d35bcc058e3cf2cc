import Logging
import NIOCore
import PostgresNIO

/// Rows sent with `COPY table (columns) FROM STDIN` (postgres-nio's `copyFrom`, text format): the bulk path for a
/// document's cells, statements and findings, one COPY per table inside the document's transaction.
///
/// Values are written in COPY's text format: columns separated by a tab, rows by a newline, `\N` for NULL, and
/// backslash, tab, newline and carriage return escaped (`\\`, `\t`, `\n`, `\r`).
struct CopyRows {
    let table: String
    let columns: [String]
    private var buffer = ByteBufferAllocator().buffer(capacity: 1 << 16)
    private var field = 0
    private(set) var rows = 0

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    /// Appends one value of the current row; the row ends after `columns.count` values.
    mutating func append(_ value: String?) {
        if field > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
        if let value {
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        } else {
            buffer.writeStaticString("\\N")
        }
        field += 1
        if field == columns.count {
            buffer.writeInteger(UInt8(ascii: "\n"))
            field = 0
            rows += 1
        }
    }

    mutating func append(_ value: Int64?) { append(value.map { String($0) }) }
    mutating func append(_ value: Int?) { append(value.map { String($0) }) }
    mutating func append(_ value: Bool?) { append(value.map { $0 ? "t" : "f" }) }

    /// Sends the rows (nothing when there are none).
    func send(_ connection: PostgresConnection, logger: Logger) async throws {
        precondition(field == 0, "a row of \(table) was left unfinished")
        guard rows > 0 else { return }
        let buffer = buffer
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            try await writer.write(buffer)
        }
    }
}
