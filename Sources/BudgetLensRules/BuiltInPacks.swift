import BudgetLensCore

/// The rule packs that ship with BudgetLens: rule files embedded in the code at build time (the EmbedResources
/// plugin), so the binary needs no resource folder beside it.
public enum BuiltInPacks {
    /// The final-accounts pack: every identity of 公开01–09 and between them (Packs/final-accounts/*.rules).
    ///
    /// - Throws: ``RuleFileError`` if a shipped rule file is broken or missing (a build defect).
    public static func finalAccounts() throws -> RulePack {
        try pack(named: "final-accounts")
    }

    /// The built-in pack in the folder `Packs/<name>` of this module: its files in name order, merged.
    public static func pack(named name: String) throws -> RulePack {
        try pack(from: EmbeddedFiles.contents, named: name, catalog: .structural)
    }

    /// The pack `Packs/<name>` among `files` (text by path relative to the module folder, as the EmbedResources
    /// plugin embeds them): its `.rules` files in name order, merged, their checks from `catalog`.
    ///
    /// - Throws: ``RuleFileError`` naming the file, line and column of a broken rule, or the pack if it is missing.
    public static func pack(from files: [String: String], named name: String, catalog: CheckCatalog) throws -> RulePack {
        let folder = "Packs/\(name)/"
        let paths = files.keys.filter { $0.hasPrefix(folder) && $0.hasSuffix(".rules") }.sorted()
        var merged: RulePack?
        for path in paths {
            let pack = try RulePack(text: files[path] ?? "", file: path, catalog: catalog)
            if merged == nil {
                merged = pack
            } else {
                try merged?.merge(pack)
            }
        }
        guard let merged else {
            throw RuleFileError(file: "Packs/\(name)", line: 0, column: 0, chinese: "内置规则包缺失", english: "the built-in rule pack is missing")
        }
        return merged
    }
}
