// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "BudgetLens",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "budgetlens", targets: ["budgetlens"]),
        .library(name: "BudgetLensCore", targets: ["BudgetLensCore"]),
        .library(name: "BudgetLensReader", targets: ["BudgetLensReader"]),
        .library(name: "BudgetLensRules", targets: ["BudgetLensRules"]),
        .library(name: "BudgetLensScoring", targets: ["BudgetLensScoring"]),
        .library(name: "BudgetLensEvaluation", targets: ["BudgetLensEvaluation"]),
        .library(name: "BudgetLensRender", targets: ["BudgetLensRender"]),
        .library(name: "BudgetLensStore", targets: ["BudgetLensStore"]),
        .library(name: "BudgetLensWeb", targets: ["BudgetLensWeb"]),
        .library(name: "BudgetLensServer", targets: ["BudgetLensServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .target(name: "BudgetLensCore", swiftSettings: swiftSettings),
        .target(
            name: "BudgetLensReader",
            dependencies: [
                "BudgetLensCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Rule packs and schemes are embedded in the code (Plugins/EmbedResources), so the binary is relocatable.
        .executableTarget(name: "ResourceEmbedder", swiftSettings: swiftSettings),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["ResourceEmbedder"]),
        .target(
            name: "BudgetLensRules",
            dependencies: ["BudgetLensCore"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "BudgetLensScoring",
            dependencies: ["BudgetLensCore", "BudgetLensRules"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "BudgetLensEvaluation",
            dependencies: ["BudgetLensCore", "BudgetLensRules", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings,
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "BudgetLensRender",
            dependencies: ["BudgetLensCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BudgetLensStore",
            dependencies: [
                "BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensScoring", "BudgetLensEvaluation",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BudgetLensStorePostgres",
            dependencies: [
                "BudgetLensCore", "BudgetLensStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The web pages (docs/web.md): pure renderers, templates and assets embedded (Plugins/EmbedResources).
        .target(
            name: "BudgetLensWeb",
            dependencies: [
                "BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensRender", "BudgetLensStore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["EmbedResources"]
        ),
        // HTTP API, accounts and `serve` (docs/server.md); the web pages of BudgetLensWeb mounted (WebRoutes).
        .target(
            name: "BudgetLensServer",
            dependencies: [
                "BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensStore", "BudgetLensStorePostgres",
                "BudgetLensWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["EmbedResources"]
        ),
        .executableTarget(
            name: "budgetlens",
            dependencies: [
                "BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensScoring", "BudgetLensRender",
                "BudgetLensEvaluation", "BudgetLensStore", "BudgetLensStorePostgres", "BudgetLensServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "BudgetLensBenchmarks",
            dependencies: [
                "BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensScoring", "BudgetLensEvaluation",
                "BudgetLensRender",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "BudgetLensStoreBenchmark",
            dependencies: ["BudgetLensRules", "BudgetLensStore", "BudgetLensStorePostgres", "BudgetLensTestSupport"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BudgetLensTestSupport",
            dependencies: ["BudgetLensCore", "BudgetLensReader"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BudgetLensCoreTests",
            dependencies: ["BudgetLensCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BudgetLensReaderTests",
            dependencies: ["BudgetLensCore", "BudgetLensReader", "BudgetLensTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BudgetLensRulesTests",
            dependencies: ["BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensTestSupport"],
            exclude: ["Expected"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BudgetLensScoringTests",
            dependencies: ["BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensScoring", "BudgetLensTestSupport"],
            exclude: ["Expected"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BudgetLensEvaluationTests",
            dependencies: ["BudgetLensCore", "BudgetLensEvaluation", "BudgetLensReader", "BudgetLensTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BudgetLensRenderTests",
            dependencies: [
                "BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensRender", "BudgetLensTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BudgetLensStoreTests",
            dependencies: [
                "BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensStore", "BudgetLensStorePostgres",
                "BudgetLensTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BudgetLensWebTests",
            dependencies: [
                "BudgetLensCore", "BudgetLensReader", "BudgetLensRules", "BudgetLensRender", "BudgetLensStore",
                "BudgetLensWeb", "BudgetLensTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BudgetLensServerTests",
            dependencies: [
                "BudgetLensCore", "BudgetLensRules", "BudgetLensServer", "BudgetLensStore", "BudgetLensStorePostgres",
                "BudgetLensTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "budgetlensTests",
            dependencies: ["BudgetLensCore", "BudgetLensTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
