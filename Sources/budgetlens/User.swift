import ArgumentParser
import BudgetLensServer
import BudgetLensStore
import Foundation

/// `budgetlens user`: accounts of `budgetlens serve` (docs/server.md).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "管理 serve 的用户。Manage the accounts of `budgetlens serve`.",
        subcommands: [UserAdd.self, UserBureau.self, UserList.self])
}

/// `budgetlens user add NAME --admin | --preparer UNIT | --reviewer BUREAU`.
struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "新建用户，或修改用户的角色和密码。Create a user, or change an existing user's role and password.",
        discussion: """
            The password is read from the terminal without echo, or from the first line of stdin when stdin is \
            not a terminal (there is no default password). It is stored as a bcrypt hash only. At least 8 \
            characters.

            Examples:
              budgetlens user add admin --admin --db lens.sqlite
              echo 'secret-pass' | budgetlens user add li --preparer 烟台市医疗保障局 --db lens.sqlite
              budgetlens user add wang --reviewer 市财政局 --db lens.sqlite
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The login name.")
    var name: String

    @Flag(help: "An administrator: sees and changes everything.")
    var admin = false

    @Option(help: "A preparer of this unit (单位 name as the documents print it).")
    var preparer: String?

    @Option(help: "A reviewer of this bureau (its units: `budgetlens user bureau`).")
    var reviewer: String?

    func validate() throws {
        let roles = (admin ? 1 : 0) + (preparer == nil ? 0 : 1) + (reviewer == nil ? 0 : 1)
        guard roles == 1 else { throw ValidationError("give exactly one of --admin, --preparer UNIT, --reviewer BUREAU") }
        guard !name.isEmpty, name.count <= 200, !name.contains(where: \.isWhitespace) else {
            throw ValidationError("the name must be 1…200 characters without spaces")
        }
    }

    func run() throws {
        let password = try PasswordInput.read(prompt: "Password for \(name) (密码): ")
        guard password.count >= 8 else { throw CommandFailure(message: "error: the password must have at least 8 characters (密码至少 8 个字符)") }
        let role: UserRole = admin ? .admin : preparer != nil ? .preparer : .reviewer
        let account = UserAccount(
            name: name, role: role, unit: preparer, bureau: reviewer, passwordHash: Credentials.hash(password: password))
        let storeOptions = store
        let existed = try awaitStore {
            let accounts = try await ServerStoreLocation.open(storeOptions.location)
            let existed = try await accounts.users().contains { $0.name == account.name }
            try await accounts.saveUser(account)
            return existed
        }
        // Changing an existing user's role and password is allowed (see --help); say which it was.
        let what = existed ? "已更新已有用户 updated the existing user" : "已创建 created"
        print("user \(account.name): \(role.rawValue)\(preparer.map { " of \($0)" } ?? "")\(reviewer.map { " of \($0)" } ?? "") — \(what)")
    }
}

/// `budgetlens user bureau BUREAU --unit UNIT…`.
struct UserBureau: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bureau",
        abstract: "指定财政局审核员审核的单位。Say which units a bureau's reviewers review.",
        discussion: """
            Example:
              budgetlens user bureau 市财政局 --unit 烟台市医疗保障局 --unit 烟台市审计局 --db lens.sqlite
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The bureau.")
    var bureau: String

    @Option(name: .customLong("unit"), help: "A unit the bureau reviews (repeat for more).")
    var units: [String] = []

    func validate() throws {
        guard !units.isEmpty else { throw ValidationError("give at least one --unit") }
    }

    func run() throws {
        let storeOptions = store
        let bureau = bureau
        let units = units
        let all = try awaitStore {
            let store = try await ServerStoreLocation.open(storeOptions.location)
            for unit in units { try await store.assign(unit: unit, toBureau: bureau) }
            return try await store.units(ofBureau: bureau)
        }
        print("\(bureau) reviews: \(all.joined(separator: ", "))")
    }
}

/// `budgetlens user list`.
struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出用户及其角色。List the users and their roles.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let storeOptions = store
        let users = try awaitStore { try await ServerStoreLocation.open(storeOptions.location).users() }
        for user in users {
            print([user.name, user.role.rawValue, user.unit ?? user.bureau ?? "-"].joined(separator: "\t"))
        }
    }
}

/// Reads a password: from the terminal without echo, or the first line of stdin when it is not a terminal.
enum PasswordInput {
    static func read(prompt: String) throws -> String {
        guard isatty(0) != 0 else {
            guard let line = readLine(strippingNewline: true) else {
                throw CommandFailure(message: "error: no password on stdin (标准输入中没有密码)")
            }
            return line
        }
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(0, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &silent)
        defer {
            tcsetattr(0, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure(message: "error: no password given (未输入密码)")
        }
        return line
    }
}
