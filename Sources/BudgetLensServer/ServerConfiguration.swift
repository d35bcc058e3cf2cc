/// How `budgetlens serve` runs (docs/server.md). Every limit has a default; none is unbounded.
public struct ServerConfiguration: Sendable {
    /// The store: a SQLite file or `postgres://…` (as `--db`).
    public var store: String
    /// The address to listen on; default loopback only.
    public var host: String = "127.0.0.1"
    /// The port; 0 picks a free one (the log line `listening on host:port` names it).
    public var port: Int = 8080
    /// Largest upload body, in bytes (default 64 MiB); a larger body is refused with 413 while it streams.
    public var maximumUploadBytes: Int = 64 << 20
    /// Largest JSON request body, in bytes (login, explanation).
    public var maximumJSONBytes: Int = 64 << 10
    /// How long a session lasts, in minutes (default 8 hours).
    public var sessionMinutes: Int = 480
    /// Uploads per user per minute (token bucket refill) and the bucket's size (burst).
    public var uploadsPerMinute: Int = 60
    /// The burst of the upload bucket.
    public var uploadBurst: Int = 20
    /// bcrypt cost for new passwords.
    public var bcryptCost: UInt8 = 11
    /// Whether the session cookie carries `Secure` (set behind HTTPS).
    public var secureCookies = false

    /// A configuration with the defaults.
    public init(store: String) {
        self.store = store
    }
}
