import Foundation

/// The time formats all reports share, locale-independent.
enum ReportTime {
    /// Seconds with millisecond precision (`12.345`); negative becomes `0.000`.
    static func seconds(_ duration: Duration) -> String {
        let millis = max(0, milliseconds(duration))
        let whole = Int64(millis.rounded(.down))
        let fraction = String(whole % 1000)
        return "\(whole / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Milliseconds as a number with microsecond precision.
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        return Double(micros) / 1000
    }

    /// A duration from milliseconds, the inverse of ``milliseconds(_:)``.
    static func duration(milliseconds: Double) -> Duration {
        .microseconds(Int64((milliseconds * 1000).rounded()))
    }

    /// A short human form: `850 ms`, `1.25 s`, `2 min 5 s`.
    static func human(_ duration: Duration) -> String {
        let millis = max(0, milliseconds(duration))
        if millis < 1000 { return "\(Int(millis.rounded())) ms" }
        if millis < 60_000 {
            let hundredths = Int((millis / 10).rounded())
            let fraction = String(hundredths % 100)
            return "\(hundredths / 100)." + String(repeating: "0", count: 2 - fraction.count) + fraction + " s"
        }
        let seconds = Int((millis / 1000).rounded())
        return "\(seconds / 60) min \(seconds % 60) s"
    }

    /// ISO 8601 in UTC, e.g. `2026-01-01T00:00:00Z`, with `.123` milliseconds when asked.
    static func timestamp(_ date: Date, fractional: Bool = false) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!  // "UTC" is always a known zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var text =
            "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T"
            + "\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
        if fractional {
            let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
            text += "." + pad((millis + 1000) % 1000, 3)
        }
        return text + "Z"
    }

    /// Parses what ``timestamp(_:fractional:)`` writes (with or without milliseconds).
    static func date(parsing text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions =
            text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
