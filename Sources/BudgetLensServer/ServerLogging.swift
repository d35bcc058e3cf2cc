import Logging

/// The server's logs: swift-log's stream handler on stderr (stdout carries only the `listening on` line), at a
/// chosen level. Each request's line carries the request id (`hb.request.id`), the user, method, path, status
/// and duration (``RequestMiddleware``).
public enum ServerLogging {
    /// Sends every logger to stderr at `level` (`trace`…`critical`; default `info`). Call once, before serving.
    public static func bootstrap(level: String) {
        let chosen = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = chosen
            return handler
        }
    }

    /// The level names accepted.
    public static let levels = Logger.Level.allCases.map(\.rawValue)
}
