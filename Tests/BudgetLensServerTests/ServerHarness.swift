import BudgetLensStore
import BudgetLensStorePostgres
import BudgetLensTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A temporary folder, removed by `cleanUp()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// The engines the server tests run on: SQLite always; PostgreSQL when `BUDGETLENS_TEST_POSTGRES` names a
/// server (as the store tests: set by `.ci/run`; set but unreachable, the tests fail).
enum ServerEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["BUDGETLENS_TEST_POSTGRES"] ?? ""
        return value.isEmpty ? nil : value
    }

    static let available: [ServerEngine] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    /// A fresh store's `--db` value: a SQLite file in `folder` or a new PostgreSQL database.
    func freshStore(in folder: TemporaryFolder) async throws -> String {
        switch self {
        case .sqlite:
            return folder.path("lens.sqlite")
        case .postgres:
            guard let url = Self.postgresURL, var components = URLComponents(string: url) else {
                throw StoreError.cannotOpen("BUDGETLENS_TEST_POSTGRES", "not set or not a URL")
            }
            let name = "budgetlens_server_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await PostgresStore.administer(url: url, sql: "CREATE DATABASE \(name)")
            components.path = "/\(name)"
            return components.string ?? url
        }
    }

    /// Drops a PostgreSQL database made by ``freshStore(in:)`` (nothing for SQLite: the folder goes).
    static func drop(_ spec: String) async {
        guard let url = postgresURL, let name = URLComponents(string: spec)?.path.dropFirst(),
            name.hasPrefix("budgetlens_server_")
        else { return }
        try? await PostgresStore.administer(url: url, sql: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

/// True when the Python tools of the API tests (openapi-spec-validator, schemathesis) must be there:
/// `BUDGETLENS_TEST_TOOLS=1`, exported by `.ci/run`. Otherwise a test that needs a missing tool is skipped.
enum ToolPolicy {
    static var required: Bool { ProcessInfo.processInfo.environment["BUDGETLENS_TEST_TOOLS"] == "1" }
}

/// `budgetlens serve` run as a child process on a free loopback port, the most real setup.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let database: String
    private let errorLog: URL

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var pid: Int32 { process.processIdentifier }

    /// Starts the server on `database` with `arguments` added, and waits until it listens.
    init(database: String, folder: TemporaryFolder, arguments: [String] = []) throws {
        self.database = database
        errorLog = folder.url.appendingPathComponent("serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process.executableURL = BudgetLensBinary.url
        process.arguments = ["serve", "--db", database, "--port", "0"] + arguments
        process.currentDirectoryURL = Seed.repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorLog)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read stdout until the "listening on http://127.0.0.1:PORT" line (at most 120 s: a cold debug build).
        var buffer = Data()
        let deadline = Date().addingTimeInterval(120)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            let text = String(decoding: buffer, as: UTF8.self)
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                found = Int(digits)
            }
        }
        guard let found else {
            process.terminate()
            let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw HarnessError("the server did not start: \(String(decoding: buffer, as: UTF8.self)) \(log)")
        }
        port = found
    }

    /// The server's log so far (stderr).
    var log: String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }

    /// Sends `signal` and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Waits until the server has a child process (poppler reading an uploaded PDF), polling
    /// `/proc/PID/task/*/children` every millisecond on a thread of its own — not on Swift's cooperative pool, which
    /// other tests running in parallel may keep busy with blocking waits long enough to miss the child; false when
    /// `seconds` pass first or the server ends.
    func waitForChildProcess(within seconds: Double) async -> Bool {
        let pid = self.pid
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(seconds)
                while Date() < deadline, kill(pid, 0) == 0 {
                    if Self.hasChild(pid) {
                        continuation.resume(returning: true)
                        return
                    }
                    usleep(1000)
                }
                continuation.resume(returning: false)
            }
        }
    }

    /// Whether any thread of process `pid` has a child process.
    static func hasChild(_ pid: Int32) -> Bool {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.contains { task in
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            return !children.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    /// The peak resident memory of the process (VmHWM), in bytes.
    var peakRSS: Int? { Self.status(pid: pid, field: "VmHWM:") }
    /// The resident memory now (VmRSS), in bytes.
    var rss: Int? { Self.status(pid: pid, field: "VmRSS:") }

    static func status(pid: Int32, field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field) })
        else { return nil }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
        return kilobytes.map { $0 * 1024 }
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// An HTTP answer.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    /// The body as a JSON object.
    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    /// `error.code` of an error body.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// A small HTTP client on URLSession: no cookie storage (the tests set cookies themselves), no redirects.
struct Client: Sendable {
    let base: URL
    var token: String?

    func request(
        _ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 300
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        let session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw HarnessError("not an HTTP response") }
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return HTTPAnswer(status: http.statusCode, headers: fields, body: data)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        try await request("GET", path, headers: headers)
    }

    func postJSON(_ path: String, _ object: [String: Any], headers: [String: String] = [:]) async throws -> HTTPAnswer {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return try await request("POST", path, body: try JSONSerialization.data(withJSONObject: object), headers: headers)
    }

    /// Uploads a file as a raw body named by `X-File-Name`.
    func upload(_ path: String, name: String? = nil, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var headers = headers
        headers["X-File-Name"] = (name ?? URL(fileURLWithPath: path).lastPathComponent)
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "upload"
        headers["Content-Type"] = "application/octet-stream"
        return try await request("POST", "/api/documents", body: data, headers: headers)
    }

    /// Logs in; returns a client carrying the bearer token, and the login answer.
    func logIn(_ user: String, _ password: String) async throws -> (Client, HTTPAnswer) {
        let answer = try await postJSON("/api/login", ["username": user, "password": password])
        var client = self
        client.token = answer.json["token"] as? String
        return (client, answer)
    }
}

/// Keeps redirects as answers (the form login answers 303).
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// Test accounts, created with the real `budgetlens user add` (password on stdin).
enum Accounts {
    static let password = "correct horse battery"

    static func add(_ name: String, role: [String], database: String) throws {
        let result = try BudgetLensBinary.run(
            ["user", "add", name, "--db", database] + role, stdin: Data((password + "\n").utf8))
        guard result.status == 0 else { throw HarnessError("user add \(name): \(result.stderr)") }
    }
}
