// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "littlestack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "littlestack", targets: ["LittleStackCLI"]),
        .library(name: "TemplateEngine", targets: ["TemplateEngine"]),
        .library(name: "YAMLBridge", targets: ["YAMLBridge"]),
        .library(name: "LittleStack", targets: ["LittleStack"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Pure Swift nunjucks engine: no dependencies by design.
        .target(name: "TemplateEngine"),
        // The system libyaml, found with pkg-config.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAMLBridge", dependencies: ["CLibYAML"]),
        .target(
            name: "LittleStack",
            dependencies: [
                "TemplateEngine",
                "YAMLBridge",
                .product(name: "Crypto", package: "swift-crypto"),
                // HTTP without libcurl: URLSession would load libcurl and ~35 shared libraries into every process,
                // offline commands included (about 8 ms of start-up per run).
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "LittleStackCLI",
            dependencies: [
                "LittleStack",
                "YAMLBridge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A position-dependent release binary: a PIE one spends about 1.4 ms of every run's start-up applying
            // ~120,000 relocations to Swift's metadata (a fifth of `render-template`'s whole time on small inputs).
            // Go-built CLIs (rain, terraform) ship the same way; the cost is no address randomisation of the image.
            // `--no-export-dynamic` undoes the `-export-dynamic` of Swift's static-stdlib link arguments, which put
            // all 32,000 of our symbols in the dynamic table: the runtime's start-up `dladdr` of its own path
            // scanned them one by one, 0.7 ms of every run. Nothing looks our symbols up with `dlsym`.
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"], .when(configuration: .release))]
        ),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine"], resources: [.copy("Fixtures")]),
        .testTarget(name: "YAMLBridgeTests", dependencies: ["YAMLBridge"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LittleStackTests", dependencies: ["LittleStack"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LittleStackCLITests", dependencies: ["LittleStackCLI"]),
    ]
)
