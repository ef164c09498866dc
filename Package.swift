// swift-tools-version: 6.0
import PackageDescription

// Every module of Bulletin (not its dependencies) is built with these.
let moduleSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // A release build holds the Swift runtime and Foundation (as Hugo's binary holds Go's): no
    // dynamic loader relocating a dozen libraries at each start, and direct calls, not calls
    // through the PLT, for the millions of retains and releases of a build (docs/performance.md).
    // Every module is compiled so, for each to name the static libraries it needs, and the
    // `bulletin` executable is linked so (its linkerSettings). Foundation's networking is
    // not linked in: `bulletin check --external` loads libcurl when it runs (CLinuxSupport),
    // so that no other command loads it and the thirty libraries it needs at its start.
    // Debug builds, which the tests use, stay dynamic and quick to link.
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
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
        // as bytes. No dependencies, not even Foundation: only the byte scans' C header.
        .target(
            name: "BulletinTemplates",
            dependencies: ["CByteScan"],
            swiftSettings: moduleSettings
        ),
        // renameat2 for swapping the output folder in atomically (Glibc's module hides it).
        .systemLibrary(name: "CLinuxSupport"),
        // Byte scans sixteen bytes at a time (SSE2 intrinsics), header only.
        .systemLibrary(name: "CByteScan"),
        // The phases, each a module that imports only those below it (docs/architecture.md):
        // core <- content, markdown <- resolve <- render; output beside them; build on top.
        .target(
            name: "BulletinCore",
            dependencies: ["CLinuxSupport", "CByteScan"],
            swiftSettings: moduleSettings
        ),
        .target(
            name: "BulletinContent",
            dependencies: ["BulletinCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: moduleSettings
        ),
        .target(
            name: "BulletinMarkdown",
            dependencies: ["BulletinCore", "CCmark"],
            swiftSettings: moduleSettings
        ),
        .target(
            name: "BulletinResolve",
            dependencies: ["BulletinCore", "BulletinContent", "BulletinMarkdown", "CByteScan"],
            swiftSettings: moduleSettings
        ),
        .target(
            name: "BulletinRender",
            dependencies: [
                "BulletinCore", "BulletinContent", "BulletinMarkdown", "BulletinResolve", "BulletinTemplates",
            ],
            swiftSettings: moduleSettings
        ),
        .target(
            name: "BulletinOutput",
            dependencies: ["BulletinCore"],
            swiftSettings: moduleSettings
        ),
        .target(
            name: "BulletinBuild",
            dependencies: [
                "BulletinCore", "BulletinContent", "BulletinMarkdown", "BulletinResolve", "BulletinRender",
                "BulletinOutput", "CLinuxSupport",
            ],
            swiftSettings: moduleSettings
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
            swiftSettings: moduleSettings
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinCore", "BulletinContent", "BulletinOutput", "BulletinBuild", "BulletinServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: moduleSettings,
            // gperftools' tcmalloc in place of glibc's malloc: a build makes and frees millions
            // of small values on every core, and glibc's arenas spent a tenth of the
            // 10,000-article build's cycles in malloc, free and the kernel calls that grow and
            // shrink their heaps (docs/performance.md). Debian: libgoogle-perftools-dev. In a
            // release build, the Swift runtime and Foundation linked in (`moduleSettings`).
            linkerSettings: [
                .linkedLibrary("tcmalloc_minimal", .when(platforms: [.linux])),
                .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
            ]
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
            swiftSettings: moduleSettings
        ),
        .testTarget(
            name: "BulletinTemplatesTests",
            dependencies: ["BulletinTemplates"],
            swiftSettings: moduleSettings
        ),
    ]
)
