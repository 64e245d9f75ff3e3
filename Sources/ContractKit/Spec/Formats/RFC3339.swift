/// RFC 3339 `date-time` and `full-date`, including its leap-second rule.
enum RFC3339 {
    /// `full-date "T" partial-time time-offset`; `T` and `Z` in either case.
    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20, bytes[10] | 0x20 == UInt8(ascii: "t"), isFullDate(bytes[0..<10]) else { return false }
        return isTime(bytes[11...])
    }

    /// `YYYY-MM-DD` with the day valid for the month (leap years included).
    static func isFullDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = ASCII.number(bytes[start..<start + 4]),
            let month = ASCII.number(bytes[start + 5..<start + 7]),
            let day = ASCII.number(bytes[start + 8..<start + 10]),
            (1...12).contains(month), day >= 1
        else { return false }
        let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`; second 60 only where the UTC time is 23:59.
    private static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        guard bytes.count >= 9, bytes[start + 2] == UInt8(ascii: ":"), bytes[start + 5] == UInt8(ascii: ":"),
            let hour = ASCII.number(bytes[start..<start + 2]),
            let minute = ASCII.number(bytes[start + 3..<start + 5]),
            let second = ASCII.number(bytes[start + 6..<start + 8]),
            hour < 24, minute < 60, second <= 60
        else { return false }
        var index = start + 8
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let digits = bytes[index...].prefix(while: ASCII.isDigit).count
            guard digits > 0 else { return false }
            index += digits
        }
        guard let offsetMinutes = offset(bytes[index...]) else { return false }
        guard second == 60 else { return true }
        let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
        return utcMinutes == 23 * 60 + 59
    }

    /// Minutes east of UTC for `Z`, `+HH:MM` or `-HH:MM`.
    private static func offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        let start = bytes.startIndex
        if bytes.count == 1, bytes[start] | 0x20 == UInt8(ascii: "z") { return 0 }
        guard bytes.count == 6, bytes[start + 3] == UInt8(ascii: ":"),
            bytes[start] == UInt8(ascii: "+") || bytes[start] == UInt8(ascii: "-"),
            let hours = ASCII.number(bytes[start + 1..<start + 3]),
            let minutes = ASCII.number(bytes[start + 4..<start + 6]),
            hours < 24, minutes < 60
        else { return nil }
        return (hours * 60 + minutes) * (bytes[start] == UInt8(ascii: "-") ? -1 : 1)
    }
}
