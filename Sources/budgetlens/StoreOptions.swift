import ArgumentParser
import BudgetLensStore
import BudgetLensStorePostgres
import Dispatch
import Foundation

/// The `--db` option of the store commands: a SQLite file (default `$BUDGETLENS_DB`, else `budgetlens.sqlite`).
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The store: a SQLite file (created if missing) or postgres://user[:password]@host[:port]/database. "
                + "Default: $BUDGETLENS_DB, else budgetlens.sqlite.",
            valueName: "file|url"))
    var database: String?

    /// The store named, or the default.
    var location: String {
        if let database { return database }
        if let variable = ProcessInfo.processInfo.environment["BUDGETLENS_DB"], !variable.isEmpty { return variable }
        return "budgetlens.sqlite"
    }

    /// The location to print: a PostgreSQL URL without its password.
    var displayLocation: String {
        guard StoreLocation.isPostgres(location), var components = URLComponents(string: location),
            components.password != nil
        else { return location }
        components.password = nil
        return components.string ?? location
    }

    /// Opens a store that must already exist (commands that only read or re-check it): a SQLite file that is
    /// not there is exit code 2, never a new empty store that reports nothing.
    func openExisting() async throws -> any DisclosureStore {
        if !StoreLocation.isPostgres(location), !FileManager.default.fileExists(atPath: location) {
            throw CommandFailure(
                place: "", chinese: "数据库不存在：\(location)（先用 budgetlens import 建立）",
                english: "no store at \(location) (create it with budgetlens import)")
        }
        return try await open()
    }

    /// Opens and migrates the store; a failure is exit code 2 with the database named.
    func open() async throws -> any DisclosureStore {
        do {
            return try await StoreLocation.open(location)
        } catch let error as StoreError {
            throw CommandFailure(error)
        }
    }
}

/// Runs async store work from a synchronous command: the commands are `ParsableCommand`s run by the root's
/// synchronous `main`, the store interface is async (one interface for every engine).
func awaitStore<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else {
        throw CommandFailure(place: "", chinese: "数据库任务未完成", english: "the store task did not finish")
    }
    return try result.get()
}

/// The result of an async task handed to the waiting thread (written once before the semaphore is signalled).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
