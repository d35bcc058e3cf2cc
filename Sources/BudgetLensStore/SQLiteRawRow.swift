import GRDB
import GRDBSQLite

/// One row's values bound to a prepared SQLite statement through the C API (the cells' bulk insert,
/// ``SQLiteStore``), then stepped; an error of SQLite is thrown as GRDB's `DatabaseError` with the statement.
struct RawRow {
    let handle: OpaquePointer
    /// SQLite's `SQLITE_TRANSIENT`: the text is copied at once.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    private var code: Int32 = SQLITE_OK

    init(handle: OpaquePointer) { self.handle = handle }

    mutating func bind(_ index: Int32, _ value: Int64?) {
        let result = value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index)
        if code == SQLITE_OK { code = result }
    }

    mutating func bind(_ index: Int32, _ value: String?) {
        let result: Int32
        if let value, value.isEmpty {
            // An empty text, not NULL (a null pointer would bind NULL).
            result = sqlite3_bind_text(handle, index, "", 0, Self.transient)
        } else if let value {
            var text = value
            result = text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    sqlite3_bind_text(handle, index, chars.baseAddress, Int32(bytes.count), Self.transient)
                }
            }
        } else {
            result = sqlite3_bind_null(handle, index)
        }
        if code == SQLITE_OK { code = result }
    }

    /// Steps the statement once (an INSERT: no row is returned). `sql` is made only for an error (GRDB's
    /// `Statement.sql` trims the text each time it is read).
    ///
    /// - Throws: `DatabaseError` when a value could not be bound or the insert failed (a constraint, I/O).
    mutating func step(db: Database, sql: @autoclosure () -> String) throws {
        if code == SQLITE_OK { code = sqlite3_step(handle) }
        defer { code = SQLITE_OK }
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql())
        }
    }
}
