// swift-tools-version: 6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Bulletin",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // libcmark, the CommonMark reference implementation, from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Bulletin's own Mustache engine: templates compiled once into a render plan, rendered
        // as bytes. No dependencies, not even Foundation.
        .target(
            name: "BulletinTemplates",
            swiftSettings: strictSettings
        ),
        // renameat2 for swapping the output folder in atomically (Glibc's module hides it).
        .systemLibrary(name: "CLinuxSupport"),
        // The phases, each a module that imports only those below it (docs/architecture.md):
        // core <- content, markdown <- resolve <- render; output beside them; build on top.
        .target(
            name: "BulletinCore",
            dependencies: ["CLinuxSupport"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulletinContent",
            dependencies: ["BulletinCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulletinMarkdown",
            dependencies: ["BulletinCore", "CCmark"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulletinResolve",
            dependencies: ["BulletinCore", "BulletinContent", "BulletinMarkdown"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulletinRender",
            dependencies: [
                "BulletinCore", "BulletinContent", "BulletinMarkdown", "BulletinResolve", "BulletinTemplates",
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulletinOutput",
            dependencies: ["BulletinCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulletinBuild",
            dependencies: [
                "BulletinCore", "BulletinContent", "BulletinMarkdown", "BulletinResolve", "BulletinRender",
                "BulletinOutput",
            ],
            swiftSettings: strictSettings
        ),
        // `bulletin serve`: HTTP with Hummingbird 2, file watching, live reload.
        .target(
            name: "BulletinServer",
            dependencies: [
                "BulletinCore", "BulletinContent", "BulletinOutput", "BulletinBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinCore", "BulletinContent", "BulletinOutput", "BulletinBuild", "BulletinServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings,
            // gperftools' tcmalloc in place of glibc's malloc: a build makes and frees millions
            // of small values on every core, and glibc's arenas spent a tenth of the
            // 10,000-article build's cycles in malloc, free and the kernel calls that grow and
            // shrink their heaps (docs/performance.md). Debian: libgoogle-perftools-dev.
            linkerSettings: [.linkedLibrary("tcmalloc_minimal", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "BulletinTests",
            dependencies: [
                "BulletinCore", "BulletinContent", "BulletinMarkdown", "BulletinResolve", "BulletinRender",
                "BulletinOutput", "BulletinBuild", "BulletinServer", "bulletin", "CLinuxSupport",
                // The preview's HTTP responder, tested in process (`Application.test(.router)`).
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BulletinTemplatesTests",
            dependencies: ["BulletinTemplates"],
            swiftSettings: strictSettings
        ),
    ]
)
