// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "spbe-assess",
    products: [
        .library(name: "SPBEAssess", targets: ["SPBEAssess"]),
        .executable(name: "assess", targets: ["assess"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // SHA-256 for evidence files: BoringSSL-backed on Linux, several times the speed of Swift code.
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // Word files are ZIP packages; ZIPFoundation writes them (no hand-made ZIP).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "SPBEAssess",
            dependencies: ["CLibXML", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Reports for people: HTML with SVG charts, Markdown, CSV. Presentation only.
        .target(
            name: "SPBEReport",
            dependencies: ["SPBEAssess", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Excel workbooks in and out: safe reading of .xlsx (ZIP limits, parts through the
        // libxml2 layer), the OPD template, import to evidence, the results workbook.
        .target(
            name: "SPBEWorkbook",
            dependencies: ["SPBEAssess", "SPBEReport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "assess",
            dependencies: [
                "SPBEAssess",
                "SPBEReport",
                "SPBEWorkbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target (scripts/fuzz builds it with -sanitize=fuzzer); built normally it
        // replays saved inputs.
        .executableTarget(
            name: "fuzz-loaders",
            dependencies: ["SPBEAssess", "SPBEWorkbook"]
        ),
        .testTarget(
            name: "SPBEAssessTests",
            // The CLI is a dependency so that its binary is built for the command-line tests.
            dependencies: [
                "SPBEAssess", "SPBEReport", "SPBEWorkbook", "CLibXML", "assess",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
