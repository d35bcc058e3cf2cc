import PackagePlugin

/// Embeds a target's `.rules`, `.scheme`, `.yaml` (evaluation frameworks) and `.mustache`, `.css`, `.js` (the web
/// pages' templates and assets) files in its code, so the built binary
/// carries its rule packs, schemes and frameworks and can be copied anywhere (`cp .build/release/budgetlens /usr/local/bin/`).
///
/// Generates `EmbeddedFiles.swift`: `EmbeddedFiles.contents`, each file's text keyed by its path relative to the
/// target folder (`Packs/final-accounts/01.rules`). The files stay the source of truth; the build regenerates the
/// source whenever one changes.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let files = module.sourceFiles.map(\.url).filter { ["rules", "scheme", "yaml", "mustache", "css", "js"].contains($0.pathExtension) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) rule and scheme files in \(target.name)",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: [module.directoryURL.path(), output.path()] + files.map { $0.path() },
                inputFiles: files, outputFiles: [output])
        ]
    }
}
