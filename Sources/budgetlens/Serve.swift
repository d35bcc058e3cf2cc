import ArgumentParser
import BudgetLensServer
import Foundation

/// `budgetlens serve`: the HTTP API on the store (docs/server.md).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "提供 HTTP API。Serve the HTTP API (and the web pages) on the store.",
        discussion: """
            Listens on --host:--port (default 127.0.0.1:8080; --port 0 picks a free port) and prints \
            "listening on http://HOST:PORT" on stdout once it accepts connections. Logs one line per request \
            (request id, user, status, duration) on stderr. SIGTERM or SIGINT stops it gracefully: requests in \
            flight finish. Create the first administrator with `budgetlens user add NAME --admin`.

            Examples:
              budgetlens serve --db lens.sqlite
              budgetlens serve --db postgres://lens@127.0.0.1/lens --host 0.0.0.0 --port 8080
            """)

    @OptionGroup var store: StoreOptions

    @OptionGroup var rules: RuleOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port = 8080

    @Option(name: .customLong("max-upload-mb"), help: "Largest upload, in MiB (refused with 413 while it streams).")
    var maximumUploadMB = 64

    @Option(name: .customLong("session-minutes"), help: "How long a login session lasts, in minutes.")
    var sessionMinutes = 480

    @Option(name: .customLong("uploads-per-minute"), help: "Uploads per user per minute (burst: --upload-burst).")
    var uploadsPerMinute = 60

    @Option(name: .customLong("upload-burst"), help: "Uploads a user may make at once before the rate applies.")
    var uploadBurst = 20

    @Flag(name: .customLong("secure-cookies"), help: "Mark the session cookie Secure (behind HTTPS).")
    var secureCookies = false

    @Option(name: .customLong("log-level"), help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard (1...4096).contains(maximumUploadMB) else { throw ValidationError("--max-upload-mb must be 1…4096") }
        guard (1...525_600).contains(sessionMinutes) else { throw ValidationError("--session-minutes must be 1…525600") }
        guard ServerLogging.levels.contains(logLevel) else {
            throw ValidationError("--log-level must be one of \(ServerLogging.levels.joined(separator: ", "))")
        }
        guard uploadsPerMinute >= 1, uploadBurst >= 1 else {
            throw ValidationError("--uploads-per-minute and --upload-burst must be at least 1")
        }
    }

    func run() throws {
        let pack = try rules.pack()
        var configuration = ServerConfiguration(store: store.location)
        configuration.host = host
        configuration.port = port
        configuration.maximumUploadBytes = maximumUploadMB << 20
        configuration.sessionMinutes = sessionMinutes
        configuration.uploadsPerMinute = uploadsPerMinute
        configuration.uploadBurst = uploadBurst
        configuration.secureCookies = secureCookies
        ServerLogging.bootstrap(level: logLevel)
        let settings = configuration
        let storeOptions = store
        try awaitStore {
            let store = try await ServerStoreLocation.open(storeOptions.location)
            let application = ServerApplication(configuration: settings, store: store, pack: pack)
            try await application.run { host, port in
                FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
            }
        }
    }
}
