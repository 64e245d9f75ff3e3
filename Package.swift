// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "LinqConformance",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ContractKit", targets: ["ContractKit"]),
        .library(name: "LinqSandbox", targets: ["LinqSandbox"]),
        .executable(name: "conformance", targets: ["conformance"]),
    ],
    targets: [
        .target(name: "HTTPServer"),
        .target(name: "CSHA256Extensions"),
        .target(name: "ContractKit", dependencies: ["HTTPServer", "CSHA256Extensions"]),
        .target(name: "LinqSandbox", dependencies: ["ContractKit", "HTTPServer"]),
        .executableTarget(name: "conformance", dependencies: ["ContractKit", "LinqSandbox"]),
        .executableTarget(name: "conformance-bench", dependencies: ["ContractKit", "HTTPServer", "LinqSandbox"]),
        .target(name: "TestSupport", dependencies: ["HTTPServer"]),
        .testTarget(name: "ContractKitTests", dependencies: ["ContractKit", "LinqSandbox", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "LinqSandboxTests", dependencies: ["LinqSandbox", "ContractKit", "HTTPServer", "TestSupport"]),
        .testTarget(name: "ConformanceTests", dependencies: ["ContractKit", "LinqSandbox", "conformance", "TestSupport"]),
    ]
)
