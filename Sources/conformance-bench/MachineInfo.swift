import Foundation

/// The machine the figures were measured on, for the report header: they mean nothing without it.
struct MachineInfo: Sendable {
    let date: Date
    let cores: Int
    let cpuModel: String
    let swiftVersion: String
    let operatingSystem: String

    static func current() -> MachineInfo {
        MachineInfo(
            date: Date(),
            cores: ProcessInfo.processInfo.activeProcessorCount,
            cpuModel: cpuModel(),
            swiftVersion: swiftVersion(),
            operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString
        )
    }

    /// e.g. "2026-03-14 09:12 UTC"
    var dateText: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    var summary: String {
        "\(cores) cores, \(cpuModel), \(swiftVersion), \(operatingSystem)"
    }

    private static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        let line = text.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    }

    private static func swiftVersion() -> String {
        guard let swift = Subprocess.locate("swift"),
            let output = try? Subprocess(executable: swift, arguments: ["--version"], timeout: .seconds(30)).run(),
            let line = (output.text + output.stderr).split(separator: "\n").first(where: { $0.contains("version") })
        else { return "Swift (version unknown)" }
        let words = line.split(separator: " ")
        guard let index = words.firstIndex(of: "version"), index + 1 < words.count else { return String(line) }
        return "Swift \(words[index + 1])"
    }
}
