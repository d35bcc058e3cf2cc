import BudgetLensCore
import Foundation

/// The rule packs that ship with BudgetLens, as rule files in the module's resources.
public enum BuiltInPacks {
    /// The final-accounts pack: every identity of 公开01–09 and between them (Packs/final-accounts/*.rules).
    ///
    /// - Throws: ``RuleFileError`` if a shipped rule file is broken or missing (a build defect).
    public static func finalAccounts() throws -> RulePack {
        try pack(named: "final-accounts")
    }

    /// The built-in pack in the resource folder `Packs/<name>`: its files in name order, merged.
    public static func pack(named name: String) throws -> RulePack {
        try pack(in: Bundle.module.url(forResource: "Packs", withExtension: nil), named: name, catalog: .structural)
    }

    /// The pack in `<packs>/<name>`: its `.rules` files in name order, merged, their checks from `catalog`.
    public static func pack(in packs: URL?, named name: String, catalog: CheckCatalog) throws -> RulePack {
        guard let folder = packs?.appendingPathComponent(name),
            let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else {
            throw RuleFileError(file: "Packs/\(name)", line: 0, column: 0, message: "the built-in rule pack is missing")
        }
        var merged: RulePack?
        for file in files.filter({ $0.hasSuffix(".rules") }).sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let pack = try RulePack(text: text, file: "Packs/\(name)/\(file)", catalog: catalog)
            if merged == nil {
                merged = pack
            } else {
                try merged?.merge(pack)
            }
        }
        guard let merged else {
            throw RuleFileError(file: "Packs/\(name)", line: 0, column: 0, message: "the built-in rule pack is empty")
        }
        return merged
    }
}
