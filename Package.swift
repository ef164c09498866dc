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
        .library(name: "BulletinKit", targets: ["BulletinKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
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
        .target(
            name: "BulletinKit",
            dependencies: [
                "CCmark",
                "CLinuxSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
        // `bulletin serve`: HTTP with Hummingbird 2, file watching, live reload.
        .target(
            name: "BulletinServer",
            dependencies: [
                "BulletinKit",
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
                "BulletinKit",
                "BulletinServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BulletinKitTests",
            dependencies: ["BulletinKit", "BulletinServer", "bulletin"],
            swiftSettings: strictSettings
        ),
        // swift-mustache only to compare a page's output with what it renders.
        .testTarget(
            name: "BulletinTemplatesTests",
            dependencies: [
                "BulletinTemplates",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
